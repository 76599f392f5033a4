import { describe, expect, it } from 'vitest';
import { blockEmissionForIssuance, nextHalvingIssuance, tao } from '../../shared/engine/index.ts';

const S = tao(21_000_000);
const E = tao(1);
const emission = (issuance: bigint) => blockEmissionForIssuance(issuance, S, E);

describe('block emission by issuance (get_block_emission_for_issuance)', () => {
  it.each([
    ['0', 0n, tao(1)],
    ['1 M', tao(1_000_000), tao(1)],
    ['one rao under 10.5 M', tao(10_500_000) - 1n, tao(1)],
    ['exactly 10.5 M', tao(10_500_000), 500_000_000n],
    ['12 M', tao(12_000_000), 500_000_000n],
    ['one rao under 15.75 M', tao(15_750_000) - 1n, 500_000_000n],
    ['exactly 15.75 M', tao(15_750_000), 250_000_000n],
    ['exactly 18.375 M', tao(18_375_000), 125_000_000n],
    ['exactly 19.6875 M', 19_687_500n * 10n ** 9n, 62_500_000n],
    ['one rao under 21 M', S - 1n, 0n], // k = 54 halvings: 1e9 >> 54 = 0
    ['exactly 21 M', S, 0n],
    ['above 21 M', S + tao(5), 0n],
    ['negative (defensive)', -5n, tao(1)],
  ])('at %s TAO issued', (_what, issuance, expected) => {
    expect(emission(issuance)).toBe(expected);
  });

  it('never rises as issuance grows and halves exactly at each threshold', () => {
    for (let k = 0n; k < 30n; k++) {
      const threshold = S - (S >> k); // the least I with (S − I) · 2^k ≤ S
      expect(emission(threshold)).toBe(E >> k);
      if (k > 0n) expect(emission(threshold - 1n)).toBe(E >> (k - 1n));
    }
  });

  it('names the issuance of the next halving', () => {
    expect(nextHalvingIssuance(0n, S)).toBe(tao(10_500_000));
    expect(nextHalvingIssuance(tao(10_500_000), S)).toBe(tao(15_750_000));
    expect(nextHalvingIssuance(tao(15_750_000) - 1n, S)).toBe(tao(15_750_000));
    expect(nextHalvingIssuance(S, S)).toBe(null);
  });

  it('works the same for a scaled-down supply (alpha uses the same function)', () => {
    const s = tao(1000);
    expect(blockEmissionForIssuance(tao(499), s, E)).toBe(E);
    expect(blockEmissionForIssuance(tao(500), s, E)).toBe(E / 2n);
    expect(blockEmissionForIssuance(tao(750), s, E)).toBe(E / 4n);
    expect(blockEmissionForIssuance(tao(1000), s, E)).toBe(0n);
  });
});
