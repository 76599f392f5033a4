/** Durations (ms) of the last simulation ticks, for the load script and the monitor. Bounded memory. */
export class TickStats {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(private readonly capacity = 10_000) {}

  record(ms: number): void {
    if (this.samples.length < this.capacity) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
  }

  reset(): void {
    this.samples.length = 0;
    this.next = 0;
  }

  summary(): { count: number; median: number; p99: number; max: number } {
    const s = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0);
    return { count: s.length, median: at(0.5), p99: at(0.99), max: s.at(-1) ?? 0 };
  }
}
