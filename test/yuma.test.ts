import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yumaEpoch, type YumaInput, type YumaOutput } from '../shared/engine/yuma.ts';

const KAPPA = 32767 / 65535;
const E = 1_000_000_000;

// ---------------------------------------------------------------------------------------------
// Reference vectors (schema: ECONOMICS vectors/README.md; copied into test/fixtures).

interface VectorEpoch {
  inputs: { weights_u16: number[][]; validator_permit: boolean[]; bonds_u16: number[][] };
  expected: Record<string, unknown>;
}
interface Vector {
  name: string;
  kind: string;
  tolerance: Record<string, number | string>;
  inputs: Record<string, unknown> & { initial_bonds_u16: number[][]; initial_validator_permit: boolean[] };
  epochs: VectorEpoch[];
}

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const vectors: [string, Vector][] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f): [string, Vector] => [f, JSON.parse(readFileSync(FIXTURES + f, 'utf8')) as Vector])
  .filter(([, v]) => v.kind === 'yuma_multi_epoch');

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Vector-level inputs as YumaInput fields; the informational keys have no field and are left out. */
function baseInput(v: Vector): Omit<YumaInput, 'weightsU16' | 'bondsU16' | 'validatorPermit'> {
  const informational = new Set(['note', 'n_validators_with_weights', 'n_miners', 'initial_bonds_u16', 'initial_validator_permit']);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v.inputs)) if (!informational.has(key)) fields[camel(key)] = value;
  return fields as unknown as Omit<YumaInput, 'weightsU16' | 'bondsU16' | 'validatorPermit'>;
}

const FLOAT_KEYS = ['consensus', 'validator_trust', 'ranks', 'incentive', 'dividends', 'active_stake'] as const;

/** Checks one epoch against the vector's tolerances; returns how many numbers were asserted. */
function checkEpoch(file: string, v: Vector, e: number, out: YumaOutput): number {
  const expected = v.epochs[e].expected;
  const where = `${file} epoch ${e}`;
  let asserted = 0;
  const floats = (key: string, tol: number) => {
    const want = expected[key] as number[] | undefined;
    if (!want) return;
    const got = out[camel(key) as keyof YumaOutput] as number[];
    expect(got, `${where} ${key}`).toHaveLength(want.length);
    const err = Math.max(0, ...want.map((w, i) => Math.abs(w - got[i])));
    expect(err, `${where} ${key} max abs error`).toBeLessThanOrEqual(tol);
    asserted += want.length;
  };
  for (const [rule, tol] of Object.entries(v.tolerance)) {
    if (rule === 'note') continue;
    if (typeof tol !== 'number') throw new Error(`${file}: tolerance ${rule} is not a number`);
    switch (rule) {
      case 'vector_abs':
        for (const key of FLOAT_KEYS) floats(key, tol);
        break;
      case 'dividends_abs':
        floats('dividends', tol);
        break;
      case 'bonds_u16_abs_per_epoch': {
        // Chain I32F32 truncation drifts stored bonds by up to 1 per epoch elapsed.
        const want = expected.bonds_u16 as number[][];
        want.forEach((row, i) => row.forEach((w, j) => {
          expect(Math.abs(w - out.bondsU16[i][j]), `${where} bonds_u16[${i}][${j}]`).toBeLessThanOrEqual(tol * (e + 1));
        }));
        asserted += want.length * want.length;
        break;
      }
      case 'bonds_u16_abs':
        for (const [i, j, w] of expected.bonds_u16_entries as number[][]) {
          expect(Math.abs(w - out.bondsU16[i][j]), `${where} bond (${i}, ${j})`).toBeLessThanOrEqual(tol);
          asserted++;
        }
        break;
      case 'emission_abs_rao':
        for (const key of ['server_emission', 'validator_emission']) floats(key, tol);
        break;
      default:
        throw new Error(`${file}: tolerance rule ${rule} is not checked by this test`);
    }
  }
  if (expected.new_validator_permit) {
    expect(out.newValidatorPermit, `${where} new_validator_permit`).toEqual(expected.new_validator_permit);
    asserted++;
  }
  return asserted;
}

describe('yumaEpoch against the reference vectors (the chain’s tests of run_epoch.rs::epoch_dense_mechanism)', () => {
  it('finds the Yuma vectors', () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  describe.each(vectors)('%s', (file, v) => {
    it('carries bonds and permits from its own output, like the chain', () => {
      let bondsU16: readonly (readonly number[])[] = v.inputs.initial_bonds_u16;
      let validatorPermit = v.inputs.initial_validator_permit;
      let asserted = 0;
      v.epochs.forEach((epoch, e) => {
        const out = yumaEpoch({ ...baseInput(v), weightsU16: epoch.inputs.weights_u16, bondsU16, validatorPermit });
        asserted += checkEpoch(file, v, e, out);
        bondsU16 = out.bondsU16;
        validatorPermit = out.newValidatorPermit;
      });
      expect(asserted).toBeGreaterThan(0);
    });

    it('matches each epoch in isolation from its given inputs', () => {
      let asserted = 0;
      v.epochs.forEach((epoch, e) => {
        const out = yumaEpoch({
          ...baseInput(v),
          weightsU16: epoch.inputs.weights_u16,
          bondsU16: epoch.inputs.bonds_u16,
          validatorPermit: epoch.inputs.validator_permit,
        });
        asserted += checkEpoch(file, v, e, out);
      });
      expect(asserted).toBeGreaterThan(0);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made cases and properties.

const zeros = (n: number) => Array.from({ length: n }, () => new Array<number>(n).fill(0));

function subnet(over: Partial<YumaInput> & Pick<YumaInput, 'stake'>): YumaInput {
  const n = over.stake.length;
  return {
    weightsU16: zeros(n),
    bondsU16: zeros(n),
    validatorPermit: over.stake.map((s) => s > 0),
    kappa: KAPPA,
    bondsMovingAverage: 0.9,
    bondsPenalty: 1,
    yuma3: false,
    maxAllowedValidators: 64,
    emission: E,
    ...over,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Runs epochs with the same weights, carrying bonds and permits; returns the last output. */
function runEpochs(input: YumaInput, epochs: number): YumaOutput {
  let out = yumaEpoch(input);
  for (let e = 1; e < epochs; e++) {
    out = yumaEpoch({ ...input, bondsU16: out.bondsU16, validatorPermit: out.newValidatorPermit });
  }
  return out;
}

describe('yumaEpoch hand-made cases', () => {
  // uids 0–3 validators (3 is the outlier), 4–6 miners. Honest validators agree; uid 3 pumps miner 6.
  const honest = [0, 0, 0, 0, 65535, 32768, 6554];
  const outlier = [0, 0, 0, 0, 6554, 6554, 65535];
  const clippingCase = (yuma3: boolean, liquidAlpha: boolean) => subnet({
    stake: [300, 300, 300, 300, 0, 0, 0],
    weightsU16: [honest, honest, honest, outlier, new Array(7).fill(0), new Array(7).fill(0), new Array(7).fill(0)],
    yuma3,
    liquidAlpha,
  });

  it.each([
    ['Yuma2', false, false],
    ['Yuma3', true, false],
    ['Yuma3 + liquid alpha', true, true],
  ])('%s: a validator far from consensus is clipped and earns less than an honest one', (_, yuma3, liquid) => {
    const out = runEpochs(clippingCase(yuma3, liquid), 10);
    // Consensus follows the 3/4 stake majority.
    expect(out.consensus[4]).toBeCloseTo(65535 / (65535 + 32768 + 6554), 9);
    expect(out.consensus[6]).toBeCloseTo(6554 / (65535 + 32768 + 6554), 9);
    expect(out.validatorTrust[0]).toBeCloseTo(1, 9);
    expect(out.validatorTrust[3]).toBeLessThan(0.5);
    expect(out.dividends[3]).toBeLessThan(0.5 * out.dividends[0]);
    expect(out.dividends[0]).toBeCloseTo(out.dividends[1], 12);
    expect(out.validatorEmission[3]).toBeLessThan(out.validatorEmission[0]);
    // The outlier's pumped miner ranks no higher than the honest majority put it.
    expect(out.ranks[6]).toBeCloseTo(out.consensus[6], 12);
    expect(sum(out.incentive)).toBeCloseTo(1, 12);
    expect(sum(out.dividends)).toBeCloseTo(1, 12);
  });

  it('takes the κ-median as the smallest weight whose cumulative stake passes 1 − κ', () => {
    // Column 3 holds weights 1, ½, 0 from validators 0, 1, 2.
    const weightsU16 = [[0, 0, 0, 65535, 0], [0, 0, 0, 65535, 65535], [0, 0, 0, 0, 65535], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]];
    const median = (stake: number[]) => yumaEpoch(subnet({ stake: [...stake, 0, 0], weightsU16 })).consensus[3];
    expect(median([45, 10, 45])).toBe(0.5); // 0.45 at 0, 0.55 by ½
    expect(median([60, 10, 30])).toBe(1); // 0.30 at 0, 0.40 by ½, 1 by 1
    expect(median([20, 10, 70])).toBe(0); // 0.70 already at 0
    // Exactly half the stake does not pass 1 − κ = 0.50000763: the next weight up is the median.
    expect(median([45, 5, 50])).toBe(0.5);
    expect(median([50, 5, 45])).toBe(1);
    // κ = ½ exactly with two equal validators: half the stake at 0 is not *more* than half.
    const tie = yumaEpoch(subnet({
      stake: [1, 1, 0, 0],
      kappa: 0.5,
      weightsU16: [[0, 0, 65535, 0], [0, 0, 0, 65535], [0, 0, 0, 0], [0, 0, 0, 0]],
    }));
    expect(tie.consensus).toEqual([0, 0, 1, 1]);
  });

  it('gives permits to the top k non-zero stakes; the lower uid loses a tie', () => {
    const permits = (stake: number[], k: number) => yumaEpoch(subnet({ stake, maxAllowedValidators: k })).newValidatorPermit;
    expect(permits([5, 5, 5, 0], 2)).toEqual([false, true, true, false]);
    expect(permits([1, 9, 3, 7], 2)).toEqual([false, true, false, true]);
    expect(permits([5, 0, 5], 3)).toEqual([true, false, true]);
    expect(permits([5, 0, 5], 64)).toEqual([true, false, true]);
    expect(permits([0, 0], 0)).toEqual([false, false]);
  });

  it('with no weights pays E to validators by active stake, or by raw stake when none is active', () => {
    const byActive = yumaEpoch(subnet({ stake: [1, 3, 4], validatorPermit: [true, true, false] }));
    expect(byActive.serverEmission).toEqual([0, 0, 0]);
    expect(byActive.validatorEmission).toEqual([250_000_000, 750_000_000, 0]);
    expect(byActive.incentive).toEqual([0, 0, 0]);
    const byRaw = yumaEpoch(subnet({ stake: [1, 3, 4], validatorPermit: [false, false, false] }));
    expect(byRaw.validatorEmission).toEqual([125_000_000, 375_000_000, 500_000_000]);
    expect(byRaw.activeStake).toEqual([0, 0, 0]);
  });

  it('handles n = 0, n = 1 and zero total stake without NaN', () => {
    const empty = yumaEpoch(subnet({ stake: [] }));
    expect(empty).toMatchObject({ consensus: [], dividends: [], bondsU16: [], serverEmission: [], validatorEmission: [] });

    // A lone uid's only weight is its self-weight, which is dropped: the fallback pays it all.
    const lone = yumaEpoch(subnet({ stake: [7], weightsU16: [[65535]] }));
    expect(lone.validatorEmission).toEqual([E]);
    expect(lone.serverEmission).toEqual([0]);
    expect(lone.bondsU16).toEqual([[0]]);

    const broke = yumaEpoch(subnet({
      stake: [0, 0, 0],
      validatorPermit: [true, true, false],
      weightsU16: [[0, 0, 65535], [0, 0, 65535], [0, 0, 0]],
      yuma3: true,
      liquidAlpha: true,
    }));
    expect(broke.newValidatorPermit).toEqual([false, false, false]);
    expect(broke.validatorEmission).toEqual([0, 0, 0]);
    expect(broke.serverEmission).toEqual([0, 0, 0]);
    for (const xs of [broke.consensus, broke.ranks, broke.incentive, broke.dividends, broke.activeStake]) {
      expect(xs.every(Number.isFinite)).toBe(true);
    }
  });

  it('drops inactive validators from consensus and re-registered miners from weights and bonds', () => {
    // uid 0 (half the stake) alone backs miner 4; uids 1, 2 back miner 3.
    const base = subnet({
      stake: [100, 50, 50, 0, 0],
      weightsU16: [[0, 0, 0, 0, 65535], [0, 0, 0, 65535, 0], [0, 0, 0, 65535, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
      bondsU16: [[0, 0, 0, 0, 65535], [0, 0, 0, 65535, 0], [0, 0, 0, 65535, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
    });
    const all = yumaEpoch(base);
    expect(all.consensus[4]).toBe(1);

    const inactive = yumaEpoch({ ...base, active: [false, true, true, true, true] });
    expect(inactive.activeStake).toEqual([0, 0.5, 0.5, 0, 0]);
    expect(inactive.consensus).toEqual([0, 0, 0, 1, 0]);
    expect(inactive.incentive).toEqual([0, 0, 0, 1, 0]);
    expect(inactive.dividends[0]).toBe(0);

    const reregistered = yumaEpoch({ ...base, recentlyRegistered: [false, false, false, false, true] });
    expect(reregistered.consensus[4]).toBe(0);
    expect(reregistered.incentive[4]).toBe(0);
    expect(reregistered.bondsU16.map((row) => row[4])).toEqual([0, 0, 0, 0, 0]);
    // uid 0's only weight was on the re-registered miner, so it now has none at all.
    expect(reregistered.validatorTrust[0]).toBe(0);
  });

  it('does not mutate its input and is deterministic', () => {
    const input = clippingCase(true, true);
    const copy = structuredClone(input);
    expect(yumaEpoch(input)).toEqual(yumaEpoch(input));
    expect(input).toEqual(copy);
  });
});

const u16 = fc.integer({ min: 0, max: 65535 });
const arbitrarySubnet = fc.integer({ min: 0, max: 9 }).chain((n) => fc.record({
  stake: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e15, noNaN: true })), { minLength: n, maxLength: n }),
  weightsU16: fc.array(fc.array(fc.oneof(fc.constant(0), u16), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
  bondsU16: fc.array(fc.array(fc.oneof(fc.constant(0), u16), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
  validatorPermit: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  active: fc.option(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { nil: undefined }),
  recentlyRegistered: fc.option(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { nil: undefined }),
  kappa: fc.oneof(fc.constant(KAPPA), fc.double({ min: 0, max: 1, noNaN: true })),
  bondsMovingAverage: fc.oneof(fc.constant(0.9), fc.constant(0.975), fc.double({ min: 0, max: 1, noNaN: true })),
  bondsPenalty: fc.double({ min: 0, max: 1, noNaN: true }),
  yuma3: fc.boolean(),
  liquidAlpha: fc.boolean(),
  alphaLow: fc.double({ min: 0, max: 0.5, noNaN: true }),
  alphaHigh: fc.double({ min: 0.5, max: 1, noNaN: true }),
  alphaSigmoidSteepness: fc.integer({ min: 0, max: 5000 }),
  maxAllowedValidators: fc.integer({ min: 0, max: 12 }),
  emission: fc.oneof(fc.constant(E), fc.double({ min: 0, max: 1e13, noNaN: true }).map(Math.floor)),
}));

describe('yumaEpoch properties', () => {
  it('keeps every output finite, in range and consistent with the emission', () => {
    fc.assert(fc.property(arbitrarySubnet, (input) => {
      const n = input.stake.length;
      const out = yumaEpoch(input);
      for (const xs of [out.consensus, out.validatorTrust, out.ranks, out.incentive, out.dividends, out.activeStake]) {
        expect(xs).toHaveLength(n);
        for (const x of xs) expect(x >= 0 && x <= 1 + 1e-9).toBe(true);
      }
      for (const xs of [out.incentive, out.dividends, out.activeStake]) {
        const total = sum(xs);
        expect(total === 0 || Math.abs(total - 1) < 1e-9).toBe(true);
      }
      // Incentive is normalised rank, so it sums to 1 exactly when some clipped weight carries stake.
      expect(sum(out.incentive) > 0).toBe(sum(out.ranks) > 0);

      for (const row of out.bondsU16) {
        expect(row).toHaveLength(n);
        for (const b of row) expect(Number.isInteger(b) && b >= 0 && b <= 65535).toBe(true);
      }
      out.newValidatorPermit.forEach((p, i) => {
        if (!p) expect(out.bondsU16[i].every((b) => b === 0)).toBe(true);
        if (input.stake[i] === 0) expect(p).toBe(false);
      });
      expect(out.newValidatorPermit.filter(Boolean).length).toBeLessThanOrEqual(input.maxAllowedValidators);

      const paid = [...out.serverEmission, ...out.validatorEmission];
      for (const x of paid) expect(Number.isInteger(x) && x >= 0).toBe(true);
      const total = sum(paid);
      expect(total).toBeLessThanOrEqual(input.emission);
      // Each of the 2n floored entries loses under one rao; only a subnet without stake pays nothing.
      if (sum(input.stake) > 0) expect(total).toBeGreaterThanOrEqual(input.emission - 2 * n);
      else expect(total).toBe(0);
    }), { numRuns: 500 });
  });

  it('gives permits exactly as a stable ascending sort that drops the n − k smallest', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 12 }),
      fc.integer({ min: 0, max: 14 }),
      (stake, k) => {
        const order = stake.map((_, i) => i).sort((a, b) => stake[a] - stake[b]); // Array.sort is stable
        const expected = stake.map((s) => s > 0);
        if (stake.length > k) for (const i of order.slice(0, stake.length - k)) expected[i] = false;
        expect(yumaEpoch(subnet({ stake, maxAllowedValidators: k })).newValidatorPermit).toEqual(expected);
      },
    ), { numRuns: 300 });
  });

  it('pays dividends by stake and incentive by weight when every validator agrees', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.integer({ min: 1, max: 65535 }), { minLength: 3, maxLength: 3 }),
      fc.boolean(),
      (validatorStake, minerWeights, yuma3) => {
        const v = validatorStake.length;
        const n = v + 3;
        const row = [...new Array<number>(v).fill(0), ...minerWeights];
        const input = subnet({
          stake: [...validatorStake, 0, 0, 0],
          weightsU16: Array.from({ length: n }, (_, i) => (i < v ? row : new Array<number>(n).fill(0))),
          yuma3,
        });
        const out = runEpochs(input, 3);
        const stakeTotal = sum(validatorStake);
        // Identical weights: no clipping, dividends by stake (to the u16 bond quantum), miners by weight.
        validatorStake.forEach((s, i) => expect(out.dividends[i]).toBeCloseTo(s / stakeTotal, 4));
        minerWeights.forEach((w, j) => expect(out.incentive[v + j]).toBeCloseTo(w / sum(minerWeights), 9));
        expect(sum(out.serverEmission)).toBeGreaterThanOrEqual(E / 2 - 3);
        expect(sum(out.validatorEmission)).toBeGreaterThanOrEqual(E / 2 - v);
      },
    ), { numRuns: 100 });
  });
});
