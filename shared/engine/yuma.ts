/**
 * Yuma consensus for one subnet epoch — the chain's `epoch/run_epoch.rs::epoch_dense_mechanism`
 * (ECONOMICS.md §5) with the production epoch's one difference, the owner UID's kept self-weight
 * (`ownerUid`), in float64 instead of the chain's I32F32. The chain's fixed point differs by
 * ~1e-9 per op; the one rounding that matters across epochs, u16 bond storage, is reproduced.
 *
 * Deterministic, with no I/O, clock or randomness: the same input always gives the same result.
 * It writes nothing it is given but the bond rows a caller lends (`reuseBondRows`), and keeps its
 * two working matrices between calls (scratch.ts), which no result shares. They are dense row-major
 * Float64Arrays (row = validator, column = miner) holding only the rows with a non-zero weight or
 * bond, so an n = 256 subnet whose 64 permits include 56 miners who weigh nobody works on 8×256,
 * not 256×256; a dense pass over those beats sparse bookkeeping at the weight densities a subnet sees.
 */
import { float64Scratch } from './scratch.ts';
import { nthLargest } from './selection.ts';

export interface YumaInput {
  /** Raw stake per uid (rao, alpha + tao_weight·root already combined). Index = uid. */
  stake: number[];
  /**
   * Stored u16 weights, n rows, row = validator, column = miner, already max-upscaled by set_weights.
   * A row may be shorter than n (entries past its end are 0): the chain keeps rows as they were
   * stored, and neurons registered since simply have no entry yet.
   */
  weightsU16: readonly (readonly number[])[];
  /** Bonds stored by the previous epoch (u16), n rows, each possibly shorter than n like weights. */
  bondsU16: readonly (readonly number[])[];
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
  /**
   * The subnet owner's UID: the production (sparse) epoch keeps its self-weight (run_epoch.rs:695-700),
   * which is how an owner burns miner emission. Absent, every self-weight is masked, as in the dense
   * epoch the chain's tests (and the Yuma vectors) use.
   */
  ownerUid?: number;
  /**
   * The caller's stored bond rows by uid (the rows `bondsU16` hands over), lent to be written over:
   * each bond row the result keeps goes into the uid's lent row rather than a fresh array. A full
   * network keeps up to 64 rows of 256 bonds a subnet, and fresh ones every epoch, each living a
   * tempo, were most of what a day promoted to the old generation. Every lent row must be the
   * caller's alone and read by nothing else once the result replaces it. Without it Yuma writes
   * nothing it was given.
   */
  reuseBondRows?: ReadonlyMap<number, number[]>;
}

export interface YumaOutput {
  consensus: number[];
  validatorTrust: number[];
  /** Σ_i clipped w_ij · active stake_i, not normalised. */
  ranks: number[];
  incentive: number[];
  dividends: number[];
  /**
   * Bonds to store for the next epoch (u16), n×n; rows of uids without a new permit, and rows all
   * zero, share one zero row, so treat the matrix as read-only (the rows of `reuseBondRows` it
   * wrote into are the caller's again).
   */
  bondsU16: readonly (readonly number[])[];
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
  VECTORS.start();

  // Stake, normalised (the chain's I64F64 → I32F32 step).
  const stake = VECTORS.take(n);
  let stakeTotal = 0;
  for (let i = 0; i < n; i++) stakeTotal += input.stake[i];
  if (stakeTotal > 0) for (let i = 0; i < n; i++) stake[i] = input.stake[i] / stakeTotal;

  const newValidatorPermit = isTopkNonzero(stake, input.maxAllowedValidators);

  // Old permits mask stake this epoch; new permits only decide which bonds are kept.
  const activeStake = VECTORS.take(n);
  let activeTotal = 0;
  for (let i = 0; i < n; i++) {
    if (permit[i] && (active === undefined || active[i])) {
      activeStake[i] = stake[i];
      activeTotal += stake[i];
    }
  }
  if (activeTotal > 0) for (let i = 0; i < n; i++) activeStake[i] /= activeTotal;

  // The matrices hold only rows with a non-zero weight (permit holders) or bond, in uid order: in a
  // full network most permits go to miners who weigh nobody, and an all-zero row changes no sum,
  // clip, bond or dividend; its stake still votes zeros in the median, read from the zero row after
  // the last. Stored bonds are read as proportions of 65535; Yuma2 column-normalises them, so the
  // scale is irrelevant there.
  // 0 for re-registered miners' columns, else 1: a multiply instead of a branch per entry.
  const keep = VECTORS.take(n).fill(1);
  if (recentlyRegistered) for (let j = 0; j < n; j++) if (recentlyRegistered[j]) keep[j] = 0;
  const weights = WEIGHTS.reserve((n + 1) * n);
  const bonds = BONDS.reserve((n + 1) * n);
  const rows: number[] = [];
  weights.fill(0, 0, n);
  bonds.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const base = rows.length * n;
    const bondRow = input.bondsU16[i];
    const bondEnd = Math.min(n, bondRow.length);
    let bonded = false;
    for (let j = 0; j < bondEnd; j++) {
      const b = (bondRow[j] * keep[j]) / U16_MAX;
      bonds[base + j] = b;
      if (b !== 0) bonded = true;
    }
    let rowSum = 0;
    let weightEnd = 0;
    if (permit[i]) {
      // Weights: no self-weight but the owner's, none on re-registered miners; row-normalised. The u16 sum is exact.
      const weightRow = input.weightsU16[i];
      weightEnd = Math.min(n, weightRow.length);
      for (let j = 0; j < weightEnd; j++) {
        const w = weightRow[j] * keep[j];
        weights[base + j] = w;
        rowSum += w;
      }
      if (i !== input.ownerUid) {
        rowSum -= weights[base + i];
        weights[base + i] = 0;
      }
      if (rowSum > 0) for (let j = 0; j < n; j++) weights[base + j] /= rowSum;
    }
    if (rowSum !== 0 || bonded) {
      rows.push(i);
      weights.fill(0, base + n, base + 2 * n);
      bonds.fill(0, base + n, base + 2 * n);
    } else {
      // Left out: its slot is cleared of what it wrote (zeros, perhaps -0) for the next row, or to
      // serve as the zero row.
      weights.fill(0, base, base + weightEnd);
      bonds.fill(0, base, base + bondEnd);
    }
  }
  const m = rows.length;
  /** Where each uid's row starts in the matrices: its own, or the zero row. */
  const rowStart = VECTORS.take(n).fill(m * n);
  for (let r = 0; r < m; r++) rowStart[rows[r]] = r * n;

  const consensus = weightedMedianColumns(weights, rowStart, m * n, activeStake, n, input.kappa);

  // Clip to consensus, and in the same pass turn `weights` into the weights bonds are built from.
  const validatorTrust = VECTORS.take(n);
  const ranks = VECTORS.take(n);
  const penalty = input.bondsPenalty;
  for (let r = 0; r < m; r++) {
    const base = r * n;
    const s = activeStake[rows[r]];
    let trust = 0;
    for (let j = 0; j < n; j++) {
      const w = weights[base + j];
      const clipped = Math.min(w, consensus[j]);
      trust += clipped;
      ranks[j] += clipped * s;
      weights[base + j] = w + penalty * (clipped - w);
    }
    validatorTrust[rows[r]] = trust;
  }
  const incentive = VECTORS.take(n);
  incentive.set(ranks);
  normalized(incentive);

  const dividends = input.yuma3
    ? yuma3Bonds(input, bonds, weights, rows, activeStake, consensus, incentive)
    : yuma2Bonds(input, bonds, weights, rows, activeStake, incentive);

  // Bonds are kept only for uids holding the new permit; other rows are cleared, and so share one
  // zero row with those that come out all zero (most permits a full network's miners win).
  const zeroRow: readonly number[] = new Array(n).fill(0);
  const bondsU16: (readonly number[])[] = new Array(n).fill(zeroRow);
  for (let r = 0; r < m; r++) {
    const i = rows[r];
    if (!newValidatorPermit[i]) continue;
    const base = r * n;
    let j = 0;
    while (j < n && proportionToU16(bonds[base + j]) === 0) j++;
    if (j === n) continue;
    let out = input.reuseBondRows?.get(i);
    if (out === undefined) out = new Array<number>(n);
    else if (out.length !== n) out.length = n;
    for (j = 0; j < n; j++) out[j] = proportionToU16(bonds[base + j]);
    bondsU16[i] = out;
  }

  const { serverEmission, validatorEmission } = splitEmission(
    input.emission, incentive, dividends, activeStake, stake,
  );

  return {
    consensus: toArray(consensus),
    validatorTrust: toArray(validatorTrust),
    ranks: toArray(ranks),
    incentive: toArray(incentive),
    dividends: toArray(dividends),
    bondsU16,
    newValidatorPermit,
    serverEmission,
    validatorEmission,
    activeStake: toArray(activeStake),
  };
}

// The weight and bond matrices (see scratch.ts): at most 256 rows of 256 and a zero row, some 0.5 MB
// apiece, that no result shares.
const WEIGHTS = float64Scratch();
const BONDS = float64Scratch();

/**
 * Yuma's working vectors (per uid or per voter), cut in turn from one scratch array and handed out
 * zeroed: some twenty fresh typed arrays an epoch, each its own allocation, were a tenth of Yuma's
 * time. What `take` hands out serves until the next epoch `start`s; results are copied out of them.
 */
class Vectors {
  private readonly space = float64Scratch();
  private array: Float64Array = new Float64Array(0);
  private used = 0;

  start(): void {
    this.array = this.space.reserve(0);
    this.used = 0;
  }

  take(length: number): Float64Array {
    // Out of room: a larger array, kept for later epochs; what was taken stays on the old one.
    if (this.used + length > this.array.length) {
      this.array = this.space.reserve(2 * this.array.length + length);
      this.used = 0;
    }
    const v = this.array.subarray(this.used, this.used + length);
    this.used += length;
    return v.fill(0);
  }
}
const VECTORS = new Vectors();

/** Array.from on a typed array goes through its iterator, one result object per element; a plain copy does not. */
function toArray(v: Float64Array): number[] {
  const out: number[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i];
  return out;
}

/**
 * `math.rs::is_topk_nonzero`: a stable ascending sort drops the n − k smallest, so among equal
 * stakes the lower uid loses; zero stake never holds a permit; k ≥ n keeps every non-zero stake.
 * Done as a threshold: the k-th largest stake, found by selection rather than by sorting all n
 * (sorting 256 stakes was a tenth of a full-network epoch's Yuma).
 */
function isTopkNonzero(stake: Float64Array, k: number): boolean[] {
  const n = stake.length;
  const result: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) result[i] = stake[i] !== 0;
  if (n <= k) return result;
  if (k <= 0) return result.fill(false);
  const sorted = VECTORS.take(n);
  sorted.set(stake);
  const threshold = nthLargest(sorted, n, k);
  let tiesKept = k;
  for (let i = 0; i < n; i++) if (stake[i] > threshold) tiesKept--;
  for (let i = n - 1; i >= 0; i--) {
    if (stake[i] > threshold) continue;
    if (stake[i] === threshold && tiesKept > 0) tiesKept--;
    else result[i] = false;
  }
  return result;
}

/**
 * `math.rs::weighted_median_col`: per column, over validators with active stake (uid order), the
 * smallest weight x with Σ_{w ≤ x} stake > stakeSum − κ (a missing weight counts as 0).
 */
function weightedMedianColumns(
  weights: Float64Array, rowStart: Float64Array, zeroRow: number, activeStake: Float64Array, n: number, kappa: number,
): Float64Array {
  const consensus = VECTORS.take(n);
  const voterBase: number[] = [];
  const voterStakes: number[] = [];
  let stakeSum = 0;
  for (let i = 0; i < n; i++) {
    const s = activeStake[i];
    if (s > 0) {
      voterBase.push(rowStart[i]);
      voterStakes.push(s);
      stakeSum += s;
    }
  }
  const voters = voterBase.length;
  if (voters === 0) return consensus;
  const minority = stakeSum - kappa;

  // Each column starts as a copy of the zero row's voters' zeros, with the other voters' weights
  // read into place: most voters hold a permit but weigh nobody.
  const voterStake = VECTORS.take(voters);
  voterStake.set(voterStakes);
  const zeros = VECTORS.take(voters);
  const weighing: number[] = [];
  for (let v = 0; v < voters; v++) if (voterBase[v] !== zeroRow) weighing.push(v);
  const score = VECTORS.take(voters);
  const stake = VECTORS.take(voters);
  for (let j = 0; j < n; j++) {
    score.set(zeros);
    for (let k = 0; k < weighing.length; k++) score[weighing[k]] = weights[voterBase[weighing[k]] + j];
    stake.set(voterStake);
    consensus[j] = weightedMedian(score, stake, voters, minority, stakeSum);
  }
  return consensus;
}

/**
 * `math.rs::weighted_median`: the chain's pivot search, done in place (score and stake permuted
 * together) with a three-way partition instead of recursion over index vectors. The pivot choice
 * differs from the chain's; the value found does not.
 */
function weightedMedian(
  score: Float64Array, stake: Float64Array, len: number, minority: number, total: number,
): number {
  let lo = 0;
  let hi = len;
  let partitionLo = 0;
  let partitionHi = total;
  for (;;) {
    const size = hi - lo;
    if (size === 1) return score[lo];
    const pivot = score[lo + (size >> 1)];
    let lt = lo;
    let gt = hi;
    let k = lo;
    let loStake = 0;
    let hiStake = 0;
    while (k < gt) {
      const v = score[k];
      const s = stake[k];
      if (v < pivot) {
        loStake += s;
        score[k] = score[lt];
        stake[k] = stake[lt];
        score[lt] = v;
        stake[lt] = s;
        lt++;
        k++;
      } else if (v > pivot) {
        gt--;
        hiStake += s;
        score[k] = score[gt];
        stake[k] = stake[gt];
        score[gt] = v;
        stake[gt] = s;
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

/**
 * Original Yuma (`compute_ema_bonds_normal`): ΔB = W_b·stake column-normalised, EMA with the
 * column-normalised stored bonds, column-normalised again; D = B·I. `bonds`
 * becomes the column-max-upscaled proportion the chain stores.
 */
function yuma2Bonds(
  input: YumaInput, bonds: Float64Array, weightsForBonds: Float64Array, rows: number[],
  activeStake: Float64Array, incentive: Float64Array,
): Float64Array {
  const n = activeStake.length;
  const m = rows.length;
  const alpha = 1 - input.bondsMovingAverage;

  const oldColSum = VECTORS.take(n);
  const deltaColSum = VECTORS.take(n);
  for (let r = 0; r < m; r++) {
    const base = r * n;
    const s = activeStake[rows[r]];
    for (let j = 0; j < n; j++) {
      oldColSum[j] += bonds[base + j];
      deltaColSum[j] += weightsForBonds[base + j] * s;
    }
  }
  // Both column normalisations folded into per-column factors.
  const oldScale = VECTORS.take(n);
  const deltaScale = VECTORS.take(n);
  for (let j = 0; j < n; j++) {
    if (oldColSum[j] > 0) oldScale[j] = (1 - alpha) / oldColSum[j];
    if (deltaColSum[j] > 0) deltaScale[j] = alpha / deltaColSum[j];
  }

  const colSum = VECTORS.take(n);
  for (let r = 0; r < m; r++) {
    const base = r * n;
    const s = activeStake[rows[r]];
    for (let j = 0; j < n; j++) {
      const b = oldScale[j] * bonds[base + j] + deltaScale[j] * (weightsForBonds[base + j] * s);
      bonds[base + j] = b;
      colSum[j] += b;
    }
  }

  const colMax = VECTORS.take(n);
  const dividends = VECTORS.take(n);
  for (let r = 0; r < m; r++) {
    const base = r * n;
    let d = 0;
    for (let j = 0; j < n; j++) {
      if (colSum[j] === 0) continue;
      const b = bonds[base + j] / colSum[j];
      bonds[base + j] = b;
      if (b > colMax[j]) colMax[j] = b;
      d += b * incentive[j];
    }
    dividends[rows[r]] = d;
  }

  for (let r = 0; r < m; r++) {
    const base = r * n;
    for (let j = 0; j < n; j++) if (colMax[j] > 0) bonds[base + j] /= colMax[j];
  }
  return normalized(dividends);
}

/**
 * Yuma3 (`compute_bonds`): bonds (stored proportions in `bonds`) are an EMA of the bond weights
 * themselves, per-entry α from the liquid-alpha sigmoid when enabled and any consensus is
 * non-zero; D_i = s_i·Σ_j B̂_ij·I_j with B̂ column-normalised. `bonds` becomes what is stored.
 */
function yuma3Bonds(
  input: YumaInput, bonds: Float64Array, weightsForBonds: Float64Array, rows: number[],
  activeStake: Float64Array, consensus: Float64Array, incentive: Float64Array,
): Float64Array {
  const n = activeStake.length;
  const m = rows.length;
  const liquid = input.liquidAlpha === true && consensus.some((c) => c !== 0);
  const fixedAlpha = 1 - input.bondsMovingAverage;
  const alphaLow = input.alphaLow ?? DEFAULT_ALPHA_LOW;
  const alphaHigh = input.alphaHigh ?? DEFAULT_ALPHA_HIGH;
  const slope = -(input.alphaSigmoidSteepness ?? DEFAULT_ALPHA_SIGMOID_STEEPNESS) / 100;

  const colSum = VECTORS.take(n);
  for (let r = 0; r < m; r++) {
    const base = r * n;
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

  const weightedIncentive = VECTORS.take(n);
  for (let j = 0; j < n; j++) if (colSum[j] > 0) weightedIncentive[j] = incentive[j] / colSum[j];

  const dividends = VECTORS.take(n);
  for (let r = 0; r < m; r++) {
    const base = r * n;
    let d = 0;
    for (let j = 0; j < n; j++) d += bonds[base + j] * weightedIncentive[j];
    dividends[rows[r]] = d * activeStake[rows[r]];
  }
  return normalized(dividends);
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
