import Decimal from 'decimal.js';
import { float64Scratch, int32Scratch } from './scratch.ts';
import { nthLargest } from './selection.ts';

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

/** Past this many rao Decimal's default 20 significant digits round, and formatting keeps to Decimal's text. */
const EXACT_BELOW = 10n ** 20n;

/**
 * Formats rao as a plain decimal string with no trailing zeros ("12.5", "0.000000001", "-3").
 * Integer arithmetic, the same text as Decimal's division (a property test holds them together):
 * views format every neuron, position and pool, and Decimal was a tenth of a full-network room's time.
 */
export function formatAmount(rao: Rao): string {
  if (rao >= EXACT_BELOW || rao <= -EXACT_BELOW) return new Decimal(rao.toString()).div(RAO_PER_TAO.toString()).toFixed();
  const abs = rao < 0n ? -rao : rao;
  const frac = abs % RAO_PER_TAO;
  const text = frac === 0n ? String(abs / RAO_PER_TAO) : `${abs / RAO_PER_TAO}.${String(frac).padStart(DECIMALS, '0').replace(/0+$/, '')}`;
  return rao < 0n ? `-${text}` : text;
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
 * shared out exactly as `apportionExact` would.
 */
export function apportion(total: Rao, weights: readonly number[]): Rao[] {
  const n = weights.length;
  // Only finite positive weights count (a NaN or Infinity from a ratio must not crash a block), and
  // they are scaled by the largest first so that a sum of huge weights cannot overflow to Infinity.
  const usable = (w: number) => w > 0 && Number.isFinite(w);
  let top = 0;
  for (let i = 0; i < n; i++) if (usable(weights[i]) && weights[i] > top) top = weights[i];
  if (!(top > 0) || total <= 0n) return new Array(n).fill(0n);
  // The usable weights' indices, so that later passes skip the rest (most of an epoch's weights are 0).
  const liveAt = LIVE_AT.reserve(n);
  const fixed = FIXED.reserve(n);
  let usableCount = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!usable(weights[i])) continue;
    sum += weights[i] / top;
    liveAt[usableCount++] = i;
  }
  // Each fixed weight is an integer of at most 2^52, exact as a double. Their float sum is exact too
  // when it comes out below 2^53: while the true running sum stays below 2^53 every addition is exact,
  // and once it reaches 2^53 the rounded one cannot fall back below it. Some weight always survives
  // fixing: the largest alone fixes to 2^52 / sum ≥ 1, sum being at most the number of weights.
  // Those that survive are compacted in place (a weight is read before its slot can be overwritten).
  let live = 0;
  let fixedSum = 0;
  for (let k = 0; k < usableCount; k++) {
    const i = liveAt[k];
    const w = Math.round((weights[i] / top / sum) * 2 ** 52);
    if (w === 0) continue;
    liveAt[live] = i;
    fixed[live++] = w;
    fixedSum += w;
  }
  if (total < DOUBLES_TOTAL_LIMIT && fixedSum <= Number.MAX_SAFE_INTEGER) return apportionInDoubles(Number(total), n, liveAt, fixed, live, fixedSum);
  const exactWeights: Rao[] = new Array(n).fill(0n);
  for (let k = 0; k < live; k++) exactWeights[liveAt[k]] = BigInt(fixed[k]);
  return apportionExact(total, exactWeights);
}

/**
 * Splits `total` rao in proportion to integer `weights` (e.g. stakes in rao) so the parts sum to
 * `total` exactly: floor of each exact share, then the leftover rao one each to the largest
 * remainders (ties to the lower index, so the result is deterministic). All-zero weights give zeros.
 */
export function apportionExact(total: Rao, weights: readonly Rao[]): Rao[] {
  const n = weights.length;
  // Only positive weights take part: their indices, in order.
  const live: number[] = [];
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    if (weights[i] <= 0n) continue;
    sum += weights[i];
    live.push(i);
  }
  if (total <= 0n || sum === 0n) return new Array(n).fill(0n);
  if (total < DOUBLES_TOTAL_LIMIT && sum <= MAX_EXACT_DOUBLE) {
    const liveAt = LIVE_AT.reserve(live.length);
    const asNumbers = FIXED.reserve(live.length);
    for (let k = 0; k < live.length; k++) {
      liveAt[k] = live[k];
      asNumbers[k] = Number(weights[live[k]]);
    }
    return apportionInDoubles(Number(total), n, liveAt, asNumbers, live.length, Number(sum));
  }
  const parts: Rao[] = new Array(n).fill(0n);
  // Remainders are below `sum`; when that fits a double's 53 bits they are exact as numbers, so the
  // leftover can be handed out by numeric comparisons instead of comparing BigInts.
  const exactAsNumbers = sum <= MAX_EXACT_DOUBLE;
  const rems: bigint[] = [];
  const numRems: number[] = [];
  // A float estimate of each share is within a rao of the truth when the total is well below 2^53,
  // and checking it takes a multiplication where the exact quotient takes a (slower) BigInt division.
  const estimate = total < DOUBLES_TOTAL_LIMIT;
  const totalN = Number(total);
  const sumN = Number(sum);
  let given = 0n;
  for (const i of live) {
    const w = weights[i];
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
    if (exactAsNumbers) numRems.push(Number(rem));
    else rems.push(rem);
  }
  // Each remainder is below `sum`, so fewer rao are left than there are positive weights: each gets at most one.
  const left = Number(total - given);
  const winners = exactAsNumbers
    ? largestRemainders(numRems, numRems.length, left)
    : live
        .map((_, k) => k)
        .sort((a, b) => (rems[b] > rems[a] ? 1 : rems[b] < rems[a] ? -1 : a - b))
        .slice(0, left);
  for (const k of winners) parts[live[k]] += 1n;
  return parts;
}

const MAX_EXACT_DOUBLE = BigInt(Number.MAX_SAFE_INTEGER);
/** Totals below this are shared out by `apportionInDoubles` (see there why); a day's pots stay far below it. */
const DOUBLES_TOTAL_LIMIT = 1n << 48n;

/**
 * `apportionExact` without BigInt arithmetic (which was most of the cost of every block's and epoch's
 * split): n parts, of which the first `count` of `liveAt` name those with the positive integer
 * `weights` (in the same order) summing to S < 2^53, and an integer total T < 2^48, all exact as doubles. Per weight W,
 * q = floor(T·W/S) and r = T·W − q·S come out exactly:
 * - the float quotient is within 2^-4 of T·W/S (two roundings of a value below 2^48) and adding 1/4
 *   costs at most 2^-6 more, so its floor is the true quotient or one above it, and r ∈ [−S, S);
 * - T·W and q·S (both below 2^101) are each held exactly as a rounded double plus its error, an
 *   integer of at most 2^47 in size, by Dekker's two-product (JS has no fma to give the error);
 * - the rounded doubles cancel exactly: by Sterbenz when q ≥ 2 (T·W is then within a factor 2 of
 *   q·S), else q·S < 2^53 is exact and T·W < 2S < 2^54 within 1 of its double, so the difference of
 *   the doubles is an integer of at most S + 1 ≤ 2^53. The errors' difference is exact too, and so is
 *   r, an integer of at most S in size. One step down when r < 0 then gives the floor.
 */
function apportionInDoubles(total: number, n: number, liveAt: Int32Array, weights: Float64Array, count: number, sum: number): Rao[] {
  const parts = PARTS.reserve(count);
  const rems = REMS.reserve(count);
  let split = SPLITTER * total;
  const totalHi = split - (split - total);
  const totalLo = total - totalHi;
  split = SPLITTER * sum;
  const sumHi = split - (split - sum);
  const sumLo = sum - sumHi;
  let given = 0;
  for (let k = 0; k < count; k++) {
    const w = weights[k];
    const product = total * w;
    let part = Math.floor(product / sum + 0.25);
    const wSplit = SPLITTER * w;
    const wHi = wSplit - (wSplit - w);
    const wLo = w - wHi;
    const productError = totalHi * wHi - product + totalHi * wLo + totalLo * wHi + totalLo * wLo;
    const taken = part * sum;
    const partSplit = SPLITTER * part;
    const partHi = partSplit - (partSplit - part);
    const partLo = part - partHi;
    const takenError = partHi * sumHi - taken + partHi * sumLo + partLo * sumHi + partLo * sumLo;
    let rem = product - taken + (productError - takenError);
    if (rem < 0) {
      part--;
      rem += sum;
    }
    parts[k] = part;
    rems[k] = rem;
    given += part;
  }
  for (const k of largestRemainders(rems, count, total - given)) parts[k]++;
  const shares: Rao[] = new Array(n).fill(0n);
  for (let k = 0; k < count; k++) shares[liveAt[k]] = BigInt(parts[k]);
  return shares;
}

/** Veltkamp's split of a double into two halves of at most 26 significant bits, whose products are exact. */
const SPLITTER = 2 ** 27 + 1;

// The splits' working arrays (see scratch.ts): which weights take part, their fixed values, the
// parts and remainders worked out from them, and the remainders' selection.
const LIVE_AT = int32Scratch();
const FIXED = float64Scratch();
const PARTS = float64Scratch();
const REMS = float64Scratch();
const SELECTION = float64Scratch();

/**
 * The positions (ascending) of the `left` largest of the first `count` remainders, ties to the lower
 * position (what a stable descending sort would pick): everything above the left-th largest value,
 * then as many of that value's holders, in order, as it takes among the left largest. `left` is
 * below `count`.
 */
function largestRemainders(rems: ArrayLike<number>, count: number, left: number): number[] {
  const winners: number[] = [];
  if (left === 0) return winners;
  const largest = SELECTION.reserve(count);
  for (let k = 0; k < count; k++) largest[k] = rems[k];
  const threshold = nthLargest(largest, count, left);
  let atThreshold = 0;
  for (let k = 0; k < left; k++) if (largest[k] === threshold) atThreshold++;
  for (let k = 0; k < count; k++) {
    if (rems[k] > threshold) winners.push(k);
    else if (rems[k] === threshold && atThreshold > 0) {
      winners.push(k);
      atThreshold--;
    }
  }
  return winners;
}
