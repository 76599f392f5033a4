import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion, apportionExact } from '../../shared/engine/index.ts';

/** Straight BigInt: floor of each share, then the leftover one rao each by a full stable sort of the remainders. */
function exactReference(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, w) => (w > 0n ? a + w : a), 0n);
  if (total <= 0n || sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (w > 0n ? (total * w) / sum : 0n));
  const rem = (i: number) => total * weights[i] - parts[i] * sum;
  const order = weights
    .map((_, i) => i)
    .filter((i) => weights[i] > 0n)
    .sort((a, b) => (rem(b) > rem(a) ? 1 : rem(b) < rem(a) ? -1 : a - b));
  const left = Number(total - parts.reduce((a, b) => a + b, 0n));
  for (let k = 0; k < left; k++) parts[order[k]] += 1n;
  return parts;
}

/**
 * What `apportion` means, written the plain way: the weights fixed to 2^52-scaled integers exactly as
 * apportion fixes them, then the BigInt reference. apportion does the same in doubles where it can;
 * any difference in any element is a bug.
 */
function reference(total: bigint, weights: readonly number[]): bigint[] {
  const usable = (w: number) => w > 0 && Number.isFinite(w);
  const top = weights.reduce((t, w) => (usable(w) && w > t ? w : t), 0);
  if (top === 0) return weights.map(() => 0n);
  const sum = weights.reduce((s, w) => (usable(w) ? s + w / top : s), 0);
  return exactReference(total, weights.map((w) => (usable(w) ? BigInt(Math.round((w / top / sum) * 2 ** 52)) : 0n)));
}

const LIMIT = 2n ** 48n;

describe('apportion against its BigInt reference', () => {
  it('gives known answers', () => {
    // 100 · (1, 2, 4) / 7 = 14.29, 28.57, 57.14: floors sum to 99, the largest remainder is index 1's.
    expect(apportion(100n, [1, 2, 4])).toEqual([14n, 29n, 57n]);
    // Six equal weights share 5 rao: nothing each, then one each to the five lowest indices; zeros get nothing.
    expect(apportion(5n, [0, 1, 0, 1, 1, 1, 0, 1, 1])).toEqual([0n, 1n, 0n, 1n, 1n, 1n, 0n, 1n, 0n]);
    // Even splits have no remainder to hand out.
    expect(apportion(9n, [2, 2, 2])).toEqual([3n, 3n, 3n]);
    // NaN, infinities, negatives and -0 count as nothing; the largest finite weight still gets its share.
    expect(apportion(12n, [Number.NaN, 3, -Infinity, Infinity, -2, -0, 1])).toEqual([0n, 9n, 0n, 0n, 0n, 0n, 3n]);
    // Just below and at 2^48 rao (where the BigInt path takes over) a half split is exact either way.
    expect(apportion(LIMIT - 1n, [1, 1])).toEqual([LIMIT / 2n, LIMIT / 2n - 1n]);
    expect(apportion(LIMIT, [1, 1])).toEqual([LIMIT / 2n, LIMIT / 2n]);
    expect(apportion(2n ** 62n, [1, 1, 2])).toEqual([2n ** 60n, 2n ** 60n, 2n ** 61n]);
    // A weight too small to survive fixing to 2^-52 of the largest gets nothing, not a leftover rao.
    expect(apportion(3n, [1e-300, 1, 1])).toEqual([0n, 2n, 1n]);
  });

  it('matches the reference bit for bit on every element', () => {
    const weight = fc.oneof(
      fc.constant(0),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, -0, Number.MIN_VALUE, Number.MAX_VALUE, 1e-300, 1),
      fc.integer({ min: 0, max: 4 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double(),
    );
    const weights = fc.oneof(
      fc.array(weight, { maxLength: 300, size: 'max' }),
      // Equal weights (all remainders tie), with some dropped to zero.
      fc.tuple(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), fc.array(fc.boolean(), { maxLength: 300, size: 'max' })).map(([w, keep]) => keep.map((k) => (k ? w : 0))),
      // Nearly equal weights: fixed weights a unit apart, remainders a few multiples of the total apart,
      // so an error in any remainder reorders the leftover.
      fc.tuple(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 300, size: 'max' })).map(([w, ks]) => ks.map((k) => (k === 0 ? 0 : w * (1 + k * 2 ** -52)))),
      // Mostly zeros with a few live weights, as an epoch's 256 UIDs.
      fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1e-2, noNaN: true }) }), { minLength: 200, maxLength: 300 }),
    );
    const total = fc.oneof(
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.bigInt({ min: LIMIT / 2n, max: LIMIT + 2n }),
      fc.bigInt({ min: 0n, max: 2n ** 62n }),
    );
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        expect(apportion(t, ws)).toEqual(reference(t, ws));
      }),
      { numRuns: 1500 },
    );
  });

  it('splits integer weights in doubles exactly as in BigInt, up to the bounds where it hands over', () => {
    // Weights summing to anything up to 2^53 and past it (not just near 2^52 as fixed float weights do)
    // and totals up to 2^48: the rounding errors the float path must carry are then as large as they get.
    for (const [t, ws] of [
      [LIMIT - 1n, [2n ** 52n, 2n ** 52n - 1n]], // sum 2^53 − 1: the largest the float path takes
      [LIMIT - 1n, [2n ** 52n, 2n ** 52n]], // sum 2^53: BigInt
      [LIMIT - 1n, [3n, 2n ** 53n - 4n]], // one weight all but 3 of the sum: shares near the total and near 0
      [LIMIT, [3n, 5n, 7n]], // total 2^48: BigInt
    ] as const) {
      expect(apportionExact(t, ws)).toEqual(exactReference(t, ws));
    }
    const weights = fc.oneof(
      fc.array(fc.bigInt({ min: 0n, max: 2n ** 50n }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.bigInt({ min: 0n, max: 2n ** 44n }), { maxLength: 300, size: 'max' }),
      fc.array(fc.bigInt({ min: 0n, max: 1000n }), { maxLength: 300, size: 'max' }),
      fc.tuple(fc.bigInt({ min: 2n ** 52n - 8n, max: 2n ** 52n + 8n }), fc.bigInt({ min: 2n ** 52n - 8n, max: 2n ** 52n + 8n })).map(([a, b]) => [a, b]),
    );
    const total = fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: LIMIT }), fc.bigInt({ min: LIMIT - 2n ** 40n, max: LIMIT + 2n }));
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        expect(apportionExact(t, ws)).toEqual(exactReference(t, ws));
      }),
      { numRuns: 1500 },
    );
  });
});
