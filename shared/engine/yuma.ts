/**
 * Yuma consensus for one subnet epoch — the chain's `epoch/run_epoch.rs::epoch_dense_mechanism`
 * (ECONOMICS.md §5), in float64 instead of the chain's I32F32. The chain's fixed point differs by
 * ~1e-9 per op; the one rounding that matters across epochs, u16 bond storage, is reproduced.
 *
 * Pure: no I/O, no clock, no randomness. Matrices are dense row-major Float64Arrays (n×n, row =
 * validator i, column = miner j); at n = 256 that is 512 KB each, and a dense pass is faster than
 * any sparse bookkeeping for the weight densities a subnet sees.
 */

export interface YumaInput {
  /** Raw stake per uid (rao, alpha + tao_weight·root already combined). Index = uid. */
  stake: number[];
  /** Stored u16 weights, n×n, row = validator, column = miner, already max-upscaled by set_weights. */
  weightsU16: number[][];
  /** Bonds stored by the previous epoch (u16), n×n. */
  bondsU16: number[][];
  /** Permits in force during this epoch (the previous epoch's `newValidatorPermit`). */
  validatorPermit: boolean[];
  /** Stake-weighted median quantile; the chain's u16 32767/65535 by default. */
  kappa: number;
  /** Stored value / 1e6; EMA α = 1 − bondsMovingAverage. */
  bondsMovingAverage: number;
  /** 0..1: 1 ⇒ bonds follow clipped weights, 0 ⇒ raw weights. */
  bondsPenalty: number;
  yuma3: boolean;
  /** Only read when yuma3 is on (the README's rule for these vectors). */
  liquidAlpha?: boolean;
  alphaLow?: number;
  alphaHigh?: number;
  alphaSigmoidSteepness?: number;
  maxAllowedValidators: number;
  /** E: alpha rao split between miners and validators this epoch. */
  emission: number;
  /** Inactive uids (last update older than the activity cutoff) lose their active stake. Default all active. */
  active?: boolean[];
  /** Miners re-registered since the validators' last update: their weights and old bonds are dropped. */
  recentlyRegistered?: boolean[];
}

export interface YumaOutput {
  consensus: number[];
  validatorTrust: number[];
  /** Σ_i clipped w_ij · active stake_i, not normalised. */
  ranks: number[];
  incentive: number[];
  dividends: number[];
  /** Bonds to store for the next epoch (u16); rows of uids without a new permit are cleared. */
  bondsU16: number[][];
  newValidatorPermit: boolean[];
  /** Rao, floored like the chain's I96F32 → u64. */
  serverEmission: number[];
  validatorEmission: number[];
  activeStake: number[];
}

const U16_MAX = 65535;
/** Far above float64 noise at 65535 (~1e-11), far below one u16 step. */
const U16_SNAP = 1e-6;
/** Chain defaults for `AlphaValues` (u16 45875 / 58982) and `AlphaSigmoidSteepness`. */
const DEFAULT_ALPHA_LOW = 45875 / U16_MAX;
const DEFAULT_ALPHA_HIGH = 58982 / U16_MAX;
const DEFAULT_ALPHA_SIGMOID_STEEPNESS = 1000;

export function yumaEpoch(input: YumaInput): YumaOutput {
  const n = input.stake.length;
  const { validatorPermit: permit, active, recentlyRegistered } = input;

  // Stake, normalised (the chain's I64F64 → I32F32 step).
  const stake = new Float64Array(n);
  let stakeTotal = 0;
  for (let i = 0; i < n; i++) stakeTotal += input.stake[i];
  if (stakeTotal > 0) for (let i = 0; i < n; i++) stake[i] = input.stake[i] / stakeTotal;

  const newValidatorPermit = isTopkNonzero(stake, input.maxAllowedValidators);

  // Old permits mask stake this epoch; new permits only decide which bonds are kept.
  const activeStake = new Float64Array(n);
  let activeTotal = 0;
  for (let i = 0; i < n; i++) {
    if (permit[i] && (active === undefined || active[i])) {
      activeStake[i] = stake[i];
      activeTotal += stake[i];
    }
  }
  if (activeTotal > 0) for (let i = 0; i < n; i++) activeStake[i] /= activeTotal;

  // Weights: only permitted rows, no self-weight, no weights on re-registered miners; row-normalised.
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (!permit[i]) continue;
    const row = input.weightsU16[i];
    const base = i * n;
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || recentlyRegistered?.[j]) continue;
      const w = row[j];
      weights[base + j] = w;
      rowSum += w;
    }
    if (rowSum > 0) for (let j = 0; j < n; j++) weights[base + j] /= rowSum;
  }

  const consensus = weightedMedianColumns(weights, activeStake, n, input.kappa);

  // Clip to consensus, and in the same pass turn `weights` into the weights bonds are built from.
  const validatorTrust = new Float64Array(n);
  const ranks = new Float64Array(n);
  const penalty = input.bondsPenalty;
  for (let i = 0; i < n; i++) {
    if (!permit[i]) continue;
    const base = i * n;
    const s = activeStake[i];
    let trust = 0;
    for (let j = 0; j < n; j++) {
      const w = weights[base + j];
      const clipped = w < consensus[j] ? w : consensus[j];
      trust += clipped;
      ranks[j] += clipped * s;
      weights[base + j] = w + penalty * (clipped - w);
    }
    validatorTrust[i] = trust;
  }
  const incentive = normalized(ranks.slice());

  const bondsU16: number[][] = new Array(n);
  const dividends = input.yuma3
    ? yuma3Bonds(input, weights, activeStake, consensus, incentive, newValidatorPermit, bondsU16)
    : yuma2Bonds(input, weights, activeStake, incentive, newValidatorPermit, bondsU16);

  const { serverEmission, validatorEmission } = splitEmission(
    input.emission, incentive, dividends, activeStake, stake,
  );

  return {
    consensus: Array.from(consensus),
    validatorTrust: Array.from(validatorTrust),
    ranks: Array.from(ranks),
    incentive: Array.from(incentive),
    dividends: Array.from(dividends),
    bondsU16,
    newValidatorPermit,
    serverEmission,
    validatorEmission,
    activeStake: Array.from(activeStake),
  };
}

/**
 * `math.rs::is_topk_nonzero`: a stable ascending sort drops the n − k smallest, so among equal
 * stakes the lower uid loses; zero stake never holds a permit; k ≥ n keeps every non-zero stake.
 */
function isTopkNonzero(stake: Float64Array, k: number): boolean[] {
  const n = stake.length;
  const result: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) result[i] = stake[i] !== 0;
  if (n <= k) return result;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => stake[a] - stake[b] || a - b);
  for (let r = 0; r < n - k; r++) result[order[r]] = false;
  return result;
}

/**
 * `math.rs::weighted_median_col`: per column, over validators with active stake, the smallest
 * weight x with Σ_{w ≤ x} stake > stakeSum − κ (missing weight counts as 0). Columns are first
 * copied into a column-major scratch so each median runs over contiguous memory.
 */
function weightedMedianColumns(
  weights: Float64Array, activeStake: Float64Array, n: number, kappa: number,
): Float64Array {
  const consensus = new Float64Array(n);
  const voters: number[] = [];
  for (let i = 0; i < n; i++) if (activeStake[i] > 0) voters.push(i);
  const m = voters.length;
  if (m === 0) return consensus;

  const voterStake = new Float64Array(m);
  let stakeSum = 0;
  for (let v = 0; v < m; v++) {
    voterStake[v] = activeStake[voters[v]];
    stakeSum += voterStake[v];
  }
  const minority = stakeSum - kappa;

  const scores = new Float64Array(n * m);
  for (let v = 0; v < m; v++) {
    const base = voters[v] * n;
    for (let j = 0; j < n; j++) scores[j * m + v] = weights[base + j];
  }
  const stakes = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    stakes.set(voterStake);
    consensus[j] = weightedMedian(scores, j * m, stakes, m, minority, stakeSum);
  }
  return consensus;
}

/**
 * `math.rs::weighted_median`: the chain's pivot search, done in place with a three-way partition
 * instead of recursion over index vectors. `score` is read from `offset`, `stake` from 0; both are
 * permuted together. The pivot choice differs from the chain's, the value found does not.
 */
function weightedMedian(
  score: Float64Array, offset: number, stake: Float64Array, len: number,
  minority: number, total: number,
): number {
  let lo = 0;
  let hi = len;
  let partitionLo = 0;
  let partitionHi = total;
  for (;;) {
    const size = hi - lo;
    if (size === 1) return score[offset + lo];
    const pivot = score[offset + lo + (size >> 1)];
    let lt = lo;
    let gt = hi;
    let k = lo;
    let loStake = 0;
    let hiStake = 0;
    while (k < gt) {
      const v = score[offset + k];
      if (v < pivot) {
        loStake += stake[k];
        swap(score, stake, offset, k, lt);
        lt++;
        k++;
      } else if (v > pivot) {
        gt--;
        hiStake += stake[k];
        swap(score, stake, offset, k, gt);
      } else {
        k++;
      }
    }
    if (partitionLo + loStake <= minority && minority < partitionHi - hiStake) return pivot;
    if (minority < partitionLo + loStake && lt > lo) {
      hi = lt;
      partitionHi = partitionLo + loStake;
    } else if (partitionHi - hiStake <= minority && gt < hi) {
      lo = gt;
      partitionLo = partitionHi - hiStake;
    } else {
      return pivot;
    }
  }
}

function swap(score: Float64Array, stake: Float64Array, offset: number, a: number, b: number): void {
  const s = score[offset + a];
  score[offset + a] = score[offset + b];
  score[offset + b] = s;
  const t = stake[a];
  stake[a] = stake[b];
  stake[b] = t;
}

/**
 * Original Yuma (`compute_ema_bonds_normal`): ΔB = W_b·stake column-normalised, EMA with the
 * column-normalised stored bonds, column-normalised again; D = B·I. Stored column-max-upscaled.
 */
function yuma2Bonds(
  input: YumaInput, weightsForBonds: Float64Array, activeStake: Float64Array,
  incentive: Float64Array, newPermit: boolean[], out: number[][],
): Float64Array {
  const n = activeStake.length;
  const alpha = 1 - input.bondsMovingAverage;
  const bonds = new Float64Array(n * n);
  const oldColSum = new Float64Array(n);
  const live = readStoredBonds(input, bonds, 1, oldColSum);

  const deltaColSum = new Float64Array(n);
  for (const i of live) {
    const s = activeStake[i];
    if (s === 0) continue;
    const base = i * n;
    for (let j = 0; j < n; j++) deltaColSum[j] += weightsForBonds[base + j] * s;
  }
  // Both column normalisations folded into per-column factors.
  const oldScale = new Float64Array(n);
  const deltaScale = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (oldColSum[j] > 0) oldScale[j] = (1 - alpha) / oldColSum[j];
    if (deltaColSum[j] > 0) deltaScale[j] = alpha / deltaColSum[j];
  }

  const colSum = new Float64Array(n);
  for (const i of live) {
    const base = i * n;
    const s = activeStake[i];
    for (let j = 0; j < n; j++) {
      const b = oldScale[j] * bonds[base + j] + deltaScale[j] * (weightsForBonds[base + j] * s);
      bonds[base + j] = b;
      colSum[j] += b;
    }
  }

  const colMax = new Float64Array(n);
  const dividends = new Float64Array(n);
  for (const i of live) {
    const base = i * n;
    let d = 0;
    for (let j = 0; j < n; j++) {
      if (colSum[j] === 0) continue;
      const b = bonds[base + j] / colSum[j];
      bonds[base + j] = b;
      if (b > colMax[j]) colMax[j] = b;
      d += b * incentive[j];
    }
    dividends[i] = d;
  }

  for (let i = 0; i < n; i++) {
    const row: number[] = new Array(n).fill(0);
    if (newPermit[i]) {
      const base = i * n;
      for (let j = 0; j < n; j++) {
        if (colMax[j] > 0) row[j] = proportionToU16(bonds[base + j] / colMax[j]);
      }
    }
    out[i] = row;
  }
  return normalized(dividends);
}

/**
 * Yuma3 (`compute_bonds`): bonds are an EMA of the bond weights themselves, per-entry α from the
 * liquid-alpha sigmoid when enabled and any consensus is non-zero; D_i = s_i·Σ_j B̂_ij·I_j with B̂
 * column-normalised. Stored as the proportion itself (no upscale).
 */
function yuma3Bonds(
  input: YumaInput, weightsForBonds: Float64Array, activeStake: Float64Array,
  consensus: Float64Array, incentive: Float64Array, newPermit: boolean[], out: number[][],
): Float64Array {
  const n = activeStake.length;
  const bonds = new Float64Array(n * n);
  const live = readStoredBonds(input, bonds, 1 / U16_MAX, undefined);

  const liquid = input.liquidAlpha === true && consensus.some((c) => c !== 0);
  const fixedAlpha = 1 - input.bondsMovingAverage;
  const alphaLow = input.alphaLow ?? DEFAULT_ALPHA_LOW;
  const alphaHigh = input.alphaHigh ?? DEFAULT_ALPHA_HIGH;
  const slope = -(input.alphaSigmoidSteepness ?? DEFAULT_ALPHA_SIGMOID_STEEPNESS) / 100;

  const colSum = new Float64Array(n);
  for (const i of live) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const w = weightsForBonds[base + j];
      const old = bonds[base + j];
      // Zero stays zero whatever α is; skipping it spares the sigmoid's exp.
      if (w === 0 && old === 0) continue;
      let alpha = fixedAlpha;
      if (liquid) {
        // `alpha_sigmoid`: bonds move fast where the weight runs ahead of consensus or is sold off.
        const diff = w >= old ? clamp01(w - consensus[j]) : clamp01(old - w);
        const sigmoid = 1 / (1 + Math.exp(slope * (diff - 0.5)));
        alpha = Math.min(alphaHigh, Math.max(alphaLow, alphaLow + sigmoid * (alphaHigh - alphaLow)));
      }
      const b = Math.min(1, (1 - alpha) * old + Math.max(0, alpha * w));
      bonds[base + j] = b;
      colSum[j] += b;
    }
  }

  const weightedIncentive = new Float64Array(n);
  for (let j = 0; j < n; j++) if (colSum[j] > 0) weightedIncentive[j] = incentive[j] / colSum[j];

  const dividends = new Float64Array(n);
  for (const i of live) {
    const base = i * n;
    let d = 0;
    for (let j = 0; j < n; j++) d += bonds[base + j] * weightedIncentive[j];
    dividends[i] = d * activeStake[i];
  }
  for (let i = 0; i < n; i++) {
    const row: number[] = new Array(n).fill(0);
    if (newPermit[i]) {
      const base = i * n;
      for (let j = 0; j < n; j++) row[j] = proportionToU16(bonds[base + j]);
    }
    out[i] = row;
  }
  return normalized(dividends);
}

/**
 * Stored u16 bonds × `scale` into `bonds` (Yuma2 reads raw integers, Yuma3 proportions of 65535),
 * columns of re-registered miners zeroed, column sums into `colSum` if given. Returns the rows that
 * can hold a bond after this epoch — permitted or already bonded; every other row stays all zero.
 */
function readStoredBonds(
  input: YumaInput, bonds: Float64Array, scale: number, colSum: Float64Array | undefined,
): number[] {
  const n = input.stake.length;
  const masked = input.recentlyRegistered;
  const live: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = input.bondsU16[i];
    const base = i * n;
    let bonded = false;
    for (let j = 0; j < n; j++) {
      const b = row[j];
      if (b === 0 || masked?.[j]) continue;
      bonded = true;
      bonds[base + j] = b * scale;
      if (colSum) colSum[j] += b * scale;
    }
    if (bonded || input.validatorPermit[i]) live.push(i);
  }
  return live;
}

/**
 * Step 12: E split by I and D over Σ(I + D), floored. With no weights at all the validators take E
 * pro-rata to active stake (raw stake if no active stake) and miners nothing.
 */
function splitEmission(
  emission: number, incentive: Float64Array, dividends: Float64Array,
  activeStake: Float64Array, stake: Float64Array,
): { serverEmission: number[]; validatorEmission: number[] } {
  const n = incentive.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += incentive[i] + dividends[i];
  const serverEmission: number[] = new Array(n).fill(0);
  const validatorEmission: number[] = new Array(n).fill(0);
  if (sum > 0) {
    for (let i = 0; i < n; i++) {
      serverEmission[i] = Math.floor((incentive[i] / sum) * emission);
      validatorEmission[i] = Math.floor((dividends[i] / sum) * emission);
    }
  } else {
    const share = activeStake.some((s) => s > 0) ? activeStake : stake;
    for (let i = 0; i < n; i++) validatorEmission[i] = Math.floor(share[i] * emission);
  }
  return { serverEmission, validatorEmission };
}

/** `inplace_normalize`: a zero vector stays zero. */
function normalized(v: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i];
  if (sum > 0) for (let i = 0; i < v.length; i++) v[i] /= sum;
  return v;
}

/**
 * `fixed_proportion_to_u16`: floor(x·65535). Float64 reaches an exact integer such as 78 as
 * 77.99999999999999 after the normalisations, so values within SNAP of the next integer count as it;
 * the vectors' reference stores the exact value there.
 */
function proportionToU16(x: number): number {
  return Math.floor(x * U16_MAX + U16_SNAP);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
