import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockEmissionForIssuance, Chain, chainParams, coldkey, hotkey, nextHalvingIssuance, tao } from '../../shared/engine/index.ts';

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

  it('names exactly the first issuance of the next, lower emission', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: S - 1n }), (issuance) => {
        const next = nextHalvingIssuance(issuance, S)!;
        expect(next > issuance).toBe(true);
        expect(emission(next - 1n)).toBe(emission(issuance));
        expect(emission(next)).toBe(emission(issuance) / 2n);
      }),
      { numRuns: 500 },
    );
  });

  it('works the same for a scaled-down supply (alpha uses the same function)', () => {
    const s = tao(1000);
    expect(blockEmissionForIssuance(tao(499), s, E)).toBe(E);
    expect(blockEmissionForIssuance(tao(500), s, E)).toBe(E / 2n);
    expect(blockEmissionForIssuance(tao(750), s, E)).toBe(E / 4n);
    expect(blockEmissionForIssuance(tao(1000), s, E)).toBe(0n);
  });

  // The chain's loop as it reads (the largest k with (S − I)·2^k ≤ S), kept here as the reference
  // for the threshold lookup the engine does instead.
  const byLoop = (issuance: bigint, supply: bigint, base: bigint): bigint => {
    if (issuance >= supply) return 0n;
    const remaining = supply - (issuance > 0n ? issuance : 0n);
    let k = 0n;
    while (remaining << (k + 1n) <= supply) k++;
    return base >> k;
  };

  it('matches the chain loop for any issuance and supply, at and around every threshold', () => {
    const supply = fc.bigInt({ min: 1n, max: tao(21_000_000) * 4n });
    fc.assert(
      fc.property(supply, fc.bigInt({ min: -10n, max: tao(21_000_000) * 4n }), fc.bigInt({ min: 0n, max: tao(10) }), (s, issuance, base) => {
        expect(blockEmissionForIssuance(issuance, s, base)).toBe(byLoop(issuance, s, base));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(supply, fc.integer({ min: 0, max: 70 }), fc.integer({ min: -2, max: 2 }), (s, j, off) => {
        const at = s - (s >> BigInt(j)) + BigInt(off);
        expect(blockEmissionForIssuance(at, s, E)).toBe(byLoop(at, s, E));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('halving events from Chain.step', () => {
  it('announces the block whose emission halves, and not a rise after recycling', () => {
    // 10.5 M − 2 TAO issued, one genesis subnet with a 1000-TAO pool and positive flow: it gets all the TAO.
    const chain = Chain.create({
      params: chainParams({ subnetLimit: 1, networkImmunityPeriod: 0, networkRateLimit: 0 }),
      seed: 1,
      initialIssuance: tao(10_500_000) - tao(2),
      subnets: [{ owner: coldkey('o'), ownerHotkey: hotkey('o-hk'), taoIn: tao(1000), alphaIn: tao(1000), flowEma: 1 }],
    });
    expect(chain.state.blockEmission).toBe(tao(1));
    expect(chain.step().filter((e) => e.type === 'halving')).toEqual([]); // issues 1 TAO: 10.5 M − 1
    expect(chain.step().filter((e) => e.type === 'halving')).toEqual([]); // issues 1 TAO: exactly 10.5 M
    expect(chain.step().filter((e) => e.type === 'halving')).toEqual([{ type: 'halving', block: 3, emission: 500_000_000n, issuance: tao(10_500_000) }]);
    expect(chain.state.blockEmission).toBe(500_000_000n);
    // Pruning the only subnet recycles its pool TAO (no stakers): issuance falls under 10.5 M again.
    chain.apply({ type: 'create_wallet', coldkey: coldkey('n'), balance: tao(5000) });
    const r = chain.apply({ type: 'register_subnet', coldkey: coldkey('n'), hotkey: hotkey('n-hk') });
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['subnet_pruned', 'subnet_registered']);
    expect(chain.state.tao.issuance < tao(10_500_000)).toBe(true);
    expect(chain.step().filter((e) => e.type === 'halving')).toEqual([]);
    expect(chain.state.blockEmission).toBe(tao(1));
  });
});
