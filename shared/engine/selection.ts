/**
 * The k-th largest of the first `count` of `xs` (1-based), reordering them so that the k largest
 * come first: Hoare's selection in Wirth's form, linear on average where sorting to find one value
 * is n·log n; runs of equal values split evenly.
 */
export function nthLargest(xs: Float64Array, count: number, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] > pivot) i++;
      while (xs[j] < pivot) j--;
      if (i <= j) {
        const x = xs[i];
        xs[i++] = xs[j];
        xs[j--] = x;
      }
    }
    if (j < target) lo = i;
    if (target < i) hi = j;
  }
  return xs[target];
}
