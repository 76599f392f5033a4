import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { YumaInput } from '../../shared/engine/yuma.ts';
import { yumaEpoch } from '../../shared/engine/yuma.ts';
import { referenceYuma } from './yuma_reference.ts';

const u16 = fc.oneof(fc.constant(0), fc.constant(65535), fc.integer({ min: 0, max: 65535 }));
/** A stored row as the chain has them: none at all, all zero, shorter than n (UIDs joined since), or full. */
const storedRow = (n: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<number[]>([]) },
    { weight: 1, arbitrary: fc.constant(new Array<number>(n).fill(0)) },
    { weight: 1, arbitrary: fc.array(u16, { maxLength: n }) },
    { weight: 3, arbitrary: fc.array(u16, { minLength: n, maxLength: n }) },
  );
const flags = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });

/** Subnets like a full network's: many permits whose holders weigh nobody and hold no bond. */
const subnet: fc.Arbitrary<YumaInput> = fc.integer({ min: 0, max: 14 }).chain((n) =>
  fc.record({
    stake: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e15, noNaN: true })), { minLength: n, maxLength: n }),
    weightsU16: fc.array(storedRow(n), { minLength: n, maxLength: n }),
    bondsU16: fc.array(storedRow(n), { minLength: n, maxLength: n }),
    validatorPermit: flags(n),
    active: fc.option(flags(n), { nil: undefined }),
    recentlyRegistered: fc.option(flags(n), { nil: undefined }),
    ownerUid: fc.option(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { nil: undefined }),
    kappa: fc.oneof(fc.constant(32767 / 65535), fc.double({ min: 0, max: 1, noNaN: true })),
    bondsMovingAverage: fc.oneof(fc.constant(0.9), fc.constant(0.975), fc.double({ min: 0, max: 1, noNaN: true })),
    bondsPenalty: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    yuma3: fc.boolean(),
    liquidAlpha: fc.boolean(),
    alphaLow: fc.double({ min: 0, max: 0.5, noNaN: true }),
    alphaHigh: fc.double({ min: 0.5, max: 1, noNaN: true }),
    alphaSigmoidSteepness: fc.integer({ min: 0, max: 5000 }),
    maxAllowedValidators: fc.integer({ min: 0, max: 16 }),
    emission: fc.oneof(fc.constant(1e9), fc.double({ min: 0, max: 1e13, noNaN: true }).map(Math.floor)),
  }),
);

describe('yumaEpoch against a plain dense reference', () => {
  it('gives exactly the reference result, to the last bit, on any subnet', () => {
    fc.assert(
      fc.property(subnet, (input) => {
        expect(yumaEpoch(input)).toEqual(referenceYuma(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the upper value when the stake below it is exactly the minority, as the chain does', () => {
    // Two validators of equal stake split on miner 2: the stake at or below 0 is exactly 1 − κ, not more.
    const input: YumaInput = {
      stake: [1e12, 1e12, 0, 0],
      weightsU16: [[0, 0, 65535, 0], [0, 0, 0, 65535], [], []],
      bondsU16: [[], [], [], []],
      validatorPermit: [true, true, false, false],
      kappa: 0.5, bondsMovingAverage: 0.9, bondsPenalty: 1, yuma3: false, liquidAlpha: false, maxAllowedValidators: 64, emission: 1e9,
    };
    const out = yumaEpoch(input);
    expect(out.consensus[2]).toBe(1);
    expect(out.consensus[3]).toBe(1);
    expect(out).toEqual(referenceYuma(input));
  });

  it('does so epoch after epoch at full size, bonds and permits carried over', () => {
    // 256 UIDs, 64 permits of which 8 weigh the miners: the shape of a full-network subnet.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.boolean(), (seed, yuma3) => {
        let x = seed;
        const random = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
        const n = 256;
        const stake = Array.from({ length: n }, (_, i) => (i < 8 ? 1e12 * (1 + random()) : i < 80 ? 1e9 * random() : 0));
        const weightsU16 = Array.from({ length: n }, (_, i) => (i < 8 ? Array.from({ length: n }, () => (random() < 0.9 ? Math.floor(random() * 65536) : 0)) : []));
        let input: YumaInput = { stake, weightsU16, bondsU16: Array.from({ length: n }, () => []), validatorPermit: stake.map((s) => s > 0), kappa: 32767 / 65535, bondsMovingAverage: 0.975, bondsPenalty: 1, yuma3, liquidAlpha: yuma3, maxAllowedValidators: 64, emission: 1e9 * 360 };
        for (let e = 0; e < 3; e++) {
          const out = yumaEpoch(input);
          expect(out).toEqual(referenceYuma(input));
          input = { ...input, bondsU16: out.bondsU16, validatorPermit: out.newValidatorPermit };
        }
      }),
      { numRuns: 10 },
    );
  });
});
