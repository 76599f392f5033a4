/**
 * Working arrays kept between calls. A full network splits money over 128 subnets every block and
 * over 256 UIDs at every epoch, and runs Yuma over matrices of up to 256 × 256, thousands of times
 * a day: fresh typed arrays for each were a good share of its garbage. Each scratch array serves one
 * purpose in one module, which fills what it reads before reading it, uses it only until its call
 * returns (the engine runs one call to the end before the next starts) and never hands it out, so
 * no result ever shares one.
 */
export class Scratch<T extends Float64Array | Int32Array> {
  private array: T;

  constructor(private readonly make: (size: number) => T) {
    this.array = make(0);
  }

  /** The array, at least `size` long, holding whatever its last use left in it. */
  reserve(size: number): T {
    if (this.array.length < size) this.array = this.make(Math.max(size, 2 * this.array.length));
    return this.array;
  }
}

export const float64Scratch = (): Scratch<Float64Array> => new Scratch((size) => new Float64Array(size));
export const int32Scratch = (): Scratch<Int32Array> => new Scratch((size) => new Int32Array(size));
