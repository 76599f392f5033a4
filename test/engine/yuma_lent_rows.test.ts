import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { YumaInput } from '../../shared/engine/yuma.ts';
import { yumaEpoch } from '../../shared/engine/yuma.ts';

const u16 = fc.oneof(fc.constant(0), fc.constant(65535), fc.integer({ min: 0, max: 65535 }));
const rowOf = (n: number) => fc.array(u16, { minLength: n, maxLength: n });

/** A subnet run for a few epochs: its stake and weights each epoch, and the bonds it starts from (rows may be short). */
const run = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    epochs: fc.array(
      fc.record({
        stake: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e15, noNaN: true })), { minLength: n, maxLength: n }),
        weightsU16: fc.array(rowOf(n), { minLength: n, maxLength: n }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    bonds: fc.array(fc.option(fc.array(u16, { maxLength: n }), { nil: undefined }), { minLength: n, maxLength: n }),
    permits: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    yuma3: fc.boolean(),
    liquidAlpha: fc.boolean(),
    maxAllowedValidators: fc.integer({ min: 0, max: 12 }),
    bondsMovingAverage: fc.oneof(fc.constant(0.9), fc.double({ min: 0, max: 1, noNaN: true })),
  }),
);

describe('yumaEpoch writing its bonds into lent rows', () => {
  it('gives exactly what fresh rows give, epoch after epoch, and writes only over the rows it keeps', () => {
    fc.assert(
      fc.property(run, (r) => {
        // Stored the way drainPending stores them: a map of the rows with a positive entry.
        const store = (rows: readonly (readonly number[])[]) => {
          const m = new Map<number, number[]>();
          rows.forEach((row, i) => row.some((b) => b > 0) && m.set(i, row as number[]));
          return m;
        };
        const start = new Map<number, number[]>();
        r.bonds.forEach((row, i) => row && start.set(i, row));
        let fresh = new Map([...start].map(([i, row]) => [i, [...row]]));
        let lent = new Map([...start].map(([i, row]) => [i, [...row]]));
        let permits = r.permits;
        for (const e of r.epochs) {
          const input = (bonds: Map<number, number[]>): YumaInput => ({
            stake: e.stake,
            weightsU16: e.weightsU16,
            bondsU16: Array.from({ length: r.n }, (_, i) => bonds.get(i) ?? []),
            validatorPermit: permits,
            kappa: 32767 / 65535,
            bondsMovingAverage: r.bondsMovingAverage,
            bondsPenalty: 1,
            yuma3: r.yuma3,
            liquidAlpha: r.liquidAlpha,
            maxAllowedValidators: r.maxAllowedValidators,
            emission: 1e9,
          });
          const plain = yumaEpoch(input(fresh));
          const before = new Map([...lent].map(([i, row]) => [i, [...row]]));
          const out = yumaEpoch({ ...input(lent), reuseBondRows: lent });
          expect(out).toEqual(plain);
          // A lent row is either given back written over as the uid's kept row, or left as it was.
          for (const [i, row] of lent) if (out.bondsU16[i] !== row) expect(row).toEqual(before.get(i));
          for (let i = 0; i < r.n; i++) if (lent.has(i) && out.bondsU16[i].some((b) => b > 0)) expect(out.bondsU16[i]).toBe(lent.get(i));
          fresh = store(plain.bondsU16);
          lent = store(out.bondsU16);
          permits = out.newValidatorPermit;
        }
      }),
      { numRuns: 1500 },
    );
  });
});
