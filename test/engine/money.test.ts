import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { apportion, apportionExact, formatAmount, MAX_AMOUNT, mulRatio, parseAmount, RAO_PER_TAO, tao } from '../../shared/engine/index.ts';

describe('parseAmount', () => {
  it.each([
    ['12.5', 12_500_000_000n],
    ['1', RAO_PER_TAO],
    ['0.000000001', 1n],
    ['0.5', 500_000_000n],
    ['123456.789012345', 123_456_789_012_345n],
    ['21000000', MAX_AMOUNT],
    ['20999999.999999999', MAX_AMOUNT - 1n],
  ])('reads %s as %s rao', (text, rao) => {
    expect(parseAmount(text)).toBe(rao);
  });

  it.each([
    ['NaN', 'not_a_decimal'],
    ['Infinity', 'not_a_decimal'],
    ['-1', 'not_a_decimal'],
    ['-0.5', 'not_a_decimal'],
    ['+1', 'not_a_decimal'],
    ['1e5', 'not_a_decimal'],
    ['1E-9', 'not_a_decimal'],
    ['0x10', 'not_a_decimal'],
    ['', 'not_a_decimal'],
    [' 1', 'not_a_decimal'],
    ['1 ', 'not_a_decimal'],
    ['1,5', 'not_a_decimal'],
    ['1_000', 'not_a_decimal'],
    ['.5', 'not_a_decimal'],
    ['5.', 'not_a_decimal'],
    ['1.2.3', 'not_a_decimal'],
    ['0.0000000001', 'too_many_decimals'],
    ['1.1234567891', 'too_many_decimals'],
    ['0', 'not_positive'],
    ['0.000000000', 'not_positive'],
    ['21000000.000000001', 'too_large'],
    ['99999999999999999', 'too_large'],
    ['1'.padEnd(60, '0'), 'too_large'],
  ])('rejects %j as %s', (text, why) => {
    expect(parseAmount(text)).toBe(why);
  });

  it.each([[12.5], [null], [undefined], [10n], [{}], [['1']]])('rejects the non-string %s', (value) => {
    expect(parseAmount(value)).toBe('not_a_decimal');
  });

  it('round-trips every amount through formatAmount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_AMOUNT }), (rao) => {
        expect(parseAmount(formatAmount(rao))).toBe(rao);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatAmount', () => {
  it.each([
    [12_500_000_000n, '12.5'],
    [1n, '0.000000001'],
    [0n, '0'],
    [tao(21_000_000), '21000000'],
    [1_000_000_001n, '1.000000001'],
    [-2_500_000_000n, '-2.5'],
    [-1n, '-0.000000001'],
  ])('writes %s rao as %s', (rao, text) => {
    expect(formatAmount(rao)).toBe(text);
  });

  it('writes the same text as Decimal division, at every size and sign', () => {
    const viaDecimal = (rao: bigint) => new Decimal(rao.toString()).div(RAO_PER_TAO.toString()).toFixed();
    const amounts = fc.oneof(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.bigInt({ min: 0n, max: 10n ** 4n }).map((x) => x * 10n ** 9n));
    fc.assert(fc.property(amounts, (rao) => formatAmount(rao) === viaDecimal(rao)), { numRuns: 20_000 });
  });
});

describe('apportionExact', () => {
  it('floors each share and gives the leftover to the largest remainders, ties to the lower index', () => {
    // 10 · (1, 1, 1) / 3 = 3.33 each: one leftover rao, all remainders equal ⇒ index 0.
    expect(apportionExact(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    // 100 · (1, 2, 4) / 7 = 14.28, 28.57, 57.14: floors 14, 28, 57 (99); remainders 2, 4, 1 of 7 ⇒ index 1 gets it.
    expect(apportionExact(100n, [1n, 2n, 4n])).toEqual([14n, 29n, 57n]);
    // 7 · (3, 5) / 8 = 2.625, 4.375: floors 2, 4; the rao goes to the larger remainder (index 0).
    expect(apportionExact(7n, [3n, 5n])).toEqual([3n, 4n]);
  });

  it('gives nothing to zero or negative weights and zeros when there is nothing to weigh', () => {
    expect(apportionExact(10n, [0n, -5n, 2n])).toEqual([0n, 0n, 10n]);
    expect(apportionExact(10n, [0n, 0n])).toEqual([0n, 0n]);
    expect(apportionExact(0n, [1n, 2n])).toEqual([0n, 0n]);
    expect(apportionExact(10n, [])).toEqual([]);
  });

  it('always sums to the total exactly and is deterministic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 18n }), { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = apportionExact(total, weights);
        const anyWeight = weights.some((w) => w > 0n);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(anyWeight ? total : 0n);
        parts.forEach((p, i) => {
          expect(p >= 0n).toBe(true);
          if (weights[i] === 0n) expect(p).toBe(0n);
          // Never more than one rao away from the exact share.
          if (anyWeight) {
            const sum = weights.reduce((a, b) => a + b, 0n);
            const exactFloor = (total * weights[i]) / sum;
            expect(p === exactFloor || p === exactFloor + 1n).toBe(true);
          }
        });
        expect(apportionExact(total, weights)).toEqual(parts);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the leftover exactly as a full sort of the remainders would, whatever the sizes', () => {
    // The reference: every positive weight's exact remainder, sorted descending, ties to the lower index.
    const reference = (total: bigint, weights: bigint[]): bigint[] => {
      const sum = weights.reduce((a, w) => (w > 0n ? a + w : a), 0n);
      if (total <= 0n || sum === 0n) return weights.map(() => 0n);
      const parts = weights.map((w) => (w > 0n ? (total * w) / sum : 0n));
      const rem = (i: number) => total * weights[i] - parts[i] * sum;
      const order = weights.map((_, i) => i).filter((i) => weights[i] > 0n).sort((a, b) => (rem(b) > rem(a) ? 1 : rem(b) < rem(a) ? -1 : a - b));
      let left = total - parts.reduce((a, b) => a + b, 0n);
      for (let k = 0; left > 0n; k++, left--) parts[order[k]] += 1n;
      return parts;
    };
    // Small weights give many equal remainders; large ones (sums past 2^53) and large totals (past 2^48) take the exact paths.
    const weight = fc.oneof(fc.bigInt({ min: 0n, max: 6n }), fc.bigInt({ min: 0n, max: 1n << 60n }), fc.constantFrom(1n << 52n, (1n << 53n) - 1n));
    const total = fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 1n << 47n }), fc.bigInt({ min: 1n << 47n, max: MAX_AMOUNT }));
    fc.assert(
      fc.property(total, fc.array(weight, { minLength: 1, maxLength: 300 }), (t, weights) => {
        expect(apportionExact(t, weights)).toEqual(reference(t, weights));
      }),
      { numRuns: 400 },
    );
  });
});

describe('apportion', () => {
  it('splits by float weights exactly to the total', () => {
    expect(apportion(10n, [1, 1, 1])).toEqual([4n, 3n, 3n]);
    expect(apportion(tao(1), [0.5, 0.25, 0.25])).toEqual([500_000_000n, 250_000_000n, 250_000_000n]);
    expect(apportion(10n, [0, 0])).toEqual([0n, 0n]);
    expect(apportion(10n, [-1, Number.NaN, 2])).toEqual([0n, 0n, 10n]);
  });

  it('survives weights that are huge, tiny or not finite', () => {
    expect(apportion(10n, [Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([5n, 5n]);
    expect(apportion(10n, [Number.MIN_VALUE, 0])).toEqual([10n, 0n]);
    expect(apportion(10n, [Infinity, 1])).toEqual([0n, 10n]);
  });

  it('always sums to the total exactly and is deterministic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_AMOUNT }), fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = apportion(total, weights);
        const anyWeight = weights.some((w) => w > 0);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(anyWeight ? total : 0n);
        expect(parts.every((p) => p >= 0n)).toBe(true);
        expect(apportion(total, weights)).toEqual(parts);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mulRatio', () => {
  it('floors amount · ratio and never exceeds the amount', () => {
    expect(mulRatio(tao(1), 0.5)).toBe(500_000_000n);
    expect(mulRatio(10n, 0.99)).toBe(9n);
    expect(mulRatio(10n, 0)).toBe(0n);
    expect(mulRatio(10n, -1)).toBe(0n);
    expect(mulRatio(10n, Number.NaN)).toBe(0n);
    expect(mulRatio(10n, 1)).toBe(10n);
    expect(mulRatio(10n, 7)).toBe(10n);
  });
});
