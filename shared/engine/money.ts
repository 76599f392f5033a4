import Decimal from 'decimal.js';

/**
 * An amount of TAO or alpha in rao (1 TAO = 10^9 rao), exactly as the chain stores it (u64).
 * bigint rather than Decimal in the engine: the per-block path runs for 128 subnets thousands of
 * times a simulated day, and integer rao is what the chain itself keeps. Decimal handles the edges:
 * parsing and formatting decimal strings for the wire.
 */
export type Rao = bigint;

export const RAO_PER_TAO = 1_000_000_000n;
export const DECIMALS = 9;
/** Larger than any amount that can exist (21 M TAO is 2.1e16 rao); inputs above it are absurd. */
export const MAX_AMOUNT: Rao = 21_000_000n * RAO_PER_TAO;

export const tao = (whole: number | bigint): Rao => BigInt(whole) * RAO_PER_TAO;

const DECIMAL_STRING = /^(0|[1-9]\d{0,15})(\.\d{1,9})?$/;

export type AmountError = 'not_a_decimal' | 'too_many_decimals' | 'not_positive' | 'too_large';

/**
 * Parses a positive decimal string ("12.5") into rao. Rejects what a person could mistype:
 * signs, exponents, NaN, more than 9 decimals, zero, and more than the total supply.
 */
export function parseAmount(text: unknown): Rao | AmountError {
  // The length cap only keeps a hostile megabyte string cheap; a long run of digits is still "too large".
  if (typeof text !== 'string' || text.length > 200) return 'not_a_decimal';
  if (/^\d+\.\d{10,}$/.test(text)) return 'too_many_decimals';
  if (!/^\d+(\.\d+)?$/.test(text)) return 'not_a_decimal';
  if (!DECIMAL_STRING.test(text)) return text.replace(/^0+(?=\d)/, '').split('.')[0].length > 16 ? 'too_large' : 'not_a_decimal';
  const rao = BigInt(new Decimal(text).mul(RAO_PER_TAO.toString()).toFixed(0));
  if (rao <= 0n) return 'not_positive';
  if (rao > MAX_AMOUNT) return 'too_large';
  return rao;
}

/** Formats rao as a plain decimal string with no trailing zeros ("12.5", "0.000000001"). */
export function formatAmount(rao: Rao): string {
  return new Decimal(rao.toString()).div(RAO_PER_TAO.toString()).toFixed();
}

/** Rao as a float of whole units, for display, charts and ratios only; never fed back into money. */
export const toUnits = (rao: Rao): number => Number(rao) / 1e9;

export const min = (a: Rao, b: Rao): Rao => (a < b ? a : b);
export const max = (a: Rao, b: Rao): Rao => (a > b ? a : b);

/** floor(amount · num / den) for non-negative operands: the chain's truncating fixed-point product. */
export const mulDiv = (amount: Rao, num: Rao, den: Rao): Rao => (den === 0n ? 0n : (amount * num) / den);

/**
 * floor(amount · ratio) for a float ratio in [0, 1]: the ratio is carried as a 64-bit binary
 * fraction so the product is exact given the ratio (chain: U64F64 / I96F32 multiplication).
 */
export function mulRatio(amount: Rao, ratio: number): Rao {
  if (!(ratio > 0)) return 0n;
  if (ratio >= 1) return amount;
  const scaled = BigInt(Math.floor(ratio * 2 ** 53));
  return (amount * scaled) >> 53n;
}

/**
 * Splits `total` rao in proportion to float `weights` so the parts sum to `total` exactly. The
 * weights are first fixed to 2^52-scaled integers (as the chain fixes ratios to I32F32), then
 * shared out exactly by `apportionExact`.
 */
export function apportion(total: Rao, weights: readonly number[]): Rao[] {
  // Only finite positive weights count (a NaN or Infinity from a ratio must not crash a block), and
  // they are scaled by the largest first so that a sum of huge weights cannot overflow to Infinity.
  const usable = (w: number) => w > 0 && Number.isFinite(w);
  let top = 0;
  for (const w of weights) if (usable(w) && w > top) top = w;
  if (!(top > 0) || total <= 0n) return new Array(weights.length).fill(0n);
  let sum = 0;
  for (const w of weights) if (usable(w)) sum += w / top;
  return apportionExact(total, weights.map((w) => (usable(w) ? BigInt(Math.round((w / top / sum) * 2 ** 52)) : 0n)));
}

/**
 * Splits `total` rao in proportion to integer `weights` (e.g. stakes in rao) so the parts sum to
 * `total` exactly: floor of each exact share, then the leftover rao one each to the largest
 * remainders (ties to the lower index, so the result is deterministic). All-zero weights give zeros.
 */
export function apportionExact(total: Rao, weights: readonly Rao[]): Rao[] {
  const n = weights.length;
  const parts: Rao[] = new Array(n).fill(0n);
  let sum = 0n;
  for (const w of weights) if (w > 0n) sum += w;
  if (total <= 0n || sum === 0n) return parts;
  // Remainders are below `sum`; when that fits a double's 53 bits they are exact as numbers, so the
  // leftover can be handed out with a native numeric sort instead of comparing BigInts.
  const exactAsNumbers = sum <= MAX_EXACT_DOUBLE;
  const rems: bigint[] = exactAsNumbers ? [] : new Array(n).fill(0n);
  const numRems = exactAsNumbers ? new Float64Array(n).fill(-1) : null;
  // A float estimate of each share is within a rao of the truth when the total is well below 2^53,
  // and checking it takes a multiplication where the exact quotient takes a (slower) BigInt division.
  const estimate = total < ESTIMATE_LIMIT;
  const totalN = Number(total);
  const sumN = Number(sum);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w <= 0n) continue;
    const exact = total * w;
    let part: bigint;
    let rem: bigint;
    if (estimate) {
      part = BigInt(Math.floor((totalN * Number(w)) / sumN));
      rem = exact - part * sum;
      while (rem < 0n) {
        part--;
        rem += sum;
      }
      while (rem >= sum) {
        part++;
        rem -= sum;
      }
    } else {
      part = exact / sum;
      rem = exact - part * sum;
    }
    parts[i] = part;
    given += part;
    if (numRems) numRems[i] = Number(rem);
    else rems[i] = rem;
  }
  // Each remainder is below `sum`, so fewer rao are left than there are positive weights: each gets at most one.
  const left = Number(total - given);
  if (left === 0) return parts;
  if (numRems) giveToLargest(parts, numRems, left);
  else {
    const order = [...rems.keys()].filter((i) => weights[i] > 0n).sort((a, b) => (rems[b] > rems[a] ? 1 : rems[b] < rems[a] ? -1 : a - b));
    for (let k = 0; k < left; k++) parts[order[k]] += 1n;
  }
  return parts;
}

const MAX_EXACT_DOUBLE = BigInt(Number.MAX_SAFE_INTEGER);
const ESTIMATE_LIMIT = 1n << 48n;

/**
 * One rao each to the `left` largest remainders, ties to the lower index (what a stable descending
 * sort would pick): everything above the left-th largest value, then that value's holders in index order.
 */
function giveToLargest(parts: Rao[], rems: Float64Array, left: number): void {
  const n = rems.length;
  const threshold = rems.slice().sort()[n - left];
  let atThreshold = left;
  for (let i = 0; i < n; i++) if (rems[i] > threshold) atThreshold--;
  for (let i = 0; i < n; i++) {
    if (rems[i] > threshold) parts[i] += 1n;
    else if (rems[i] === threshold && atThreshold > 0) {
      parts[i] += 1n;
      atThreshold--;
    }
  }
}
