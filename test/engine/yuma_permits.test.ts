import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yumaEpoch } from '../../shared/engine/yuma.ts';

/** math.rs::is_topk_nonzero the plain way: a stable ascending sort of the UIDs by stake drops the n − k first; zero stake never. */
function topkNonzero(stake: number[], k: number): boolean[] {
  const kept = new Array<boolean>(stake.length).fill(true);
  const ascending = stake.map((_, i) => i).sort((a, b) => stake[a] - stake[b] || a - b);
  for (const i of ascending.slice(0, Math.max(0, stake.length - k))) kept[i] = false;
  return kept.map((keep, i) => keep && stake[i] !== 0);
}

describe('validator permits', () => {
  it('go to the k largest non-zero stakes, the lower UID losing a tie, with stakes full of ties', () => {
    const stakes = fc.array(fc.constantFrom(0, 1, 2, 3, 5e11, 7e12), { minLength: 0, maxLength: 300 });
    fc.assert(
      fc.property(stakes, fc.integer({ min: 0, max: 80 }), (stake, k) => {
        const n = stake.length;
        const out = yumaEpoch({
          stake,
          weightsU16: new Array(n).fill([]),
          bondsU16: new Array(n).fill([]),
          validatorPermit: new Array(n).fill(true),
          kappa: 0.5,
          bondsMovingAverage: 0.9,
          bondsPenalty: 1,
          yuma3: false,
          liquidAlpha: false,
          alphaLow: 0.7,
          alphaHigh: 0.9,
          alphaSigmoidSteepness: 1000,
          maxAllowedValidators: k,
          emission: 1e9,
        });
        expect(out.newValidatorPermit).toEqual(topkNonzero(stake, k));
      }),
      { numRuns: 1000 },
    );
  });
});
