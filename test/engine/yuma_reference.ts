import type { YumaInput, YumaOutput } from '../../shared/engine/yuma.ts';

/**
 * yumaEpoch the plain way, for property tests to hold the engine's to exactly: every uid a dense row
 * of plain arrays, nothing kept between calls, no row left out. Each float operation is the
 * engine's, in the engine's order, so the two must agree to the last bit, not within a tolerance;
 * the median alone is written from its definition (it returns one of the scores, so order of work
 * cannot move it off a bit).
 */
export function referenceYuma(input: YumaInput): YumaOutput {
  const n = input.stake.length;
  const U16 = 65535;
  const permit = input.validatorPermit;
  const zeros = () => new Array<number>(n).fill(0);

  const stake = zeros();
  let stakeTotal = 0;
  for (let i = 0; i < n; i++) stakeTotal += input.stake[i];
  if (stakeTotal > 0) for (let i = 0; i < n; i++) stake[i] = input.stake[i] / stakeTotal;
  const newValidatorPermit = topkNonzero(stake, input.maxAllowedValidators);

  const activeStake = zeros();
  let activeTotal = 0;
  for (let i = 0; i < n; i++) {
    if (permit[i] && (input.active === undefined || input.active[i])) {
      activeStake[i] = stake[i];
      activeTotal += stake[i];
    }
  }
  if (activeTotal > 0) for (let i = 0; i < n; i++) activeStake[i] /= activeTotal;

  const keep = (j: number) => (input.recentlyRegistered?.[j] ? 0 : 1);
  const W = Array.from({ length: n }, zeros);
  const B = Array.from({ length: n }, zeros);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < Math.min(n, input.bondsU16[i].length); j++) B[i][j] = (input.bondsU16[i][j] * keep(j)) / U16;
    if (!permit[i]) continue;
    let rowSum = 0;
    for (let j = 0; j < Math.min(n, input.weightsU16[i].length); j++) {
      W[i][j] = input.weightsU16[i][j] * keep(j);
      rowSum += W[i][j];
    }
    if (i !== input.ownerUid) {
      rowSum -= W[i][i];
      W[i][i] = 0;
    }
    if (rowSum > 0) for (let j = 0; j < n; j++) W[i][j] /= rowSum;
  }

  // Consensus: per column, the stake-weighted median over uids with active stake, in uid order.
  const consensus = zeros();
  const voters = [...Array(n).keys()].filter((i) => activeStake[i] > 0);
  let stakeSum = 0;
  for (const i of voters) stakeSum += activeStake[i];
  for (let j = 0; voters.length > 0 && j < n; j++) {
    consensus[j] = weightedMedian(voters.map((i) => W[i][j]), voters.map((i) => activeStake[i]), stakeSum - input.kappa, stakeSum);
  }

  const validatorTrust = zeros();
  const ranks = zeros();
  for (let i = 0; i < n; i++) {
    let trust = 0;
    for (let j = 0; j < n; j++) {
      const w = W[i][j];
      const clipped = Math.min(w, consensus[j]);
      trust += clipped;
      ranks[j] += clipped * activeStake[i];
      W[i][j] = w + input.bondsPenalty * (clipped - w);
    }
    validatorTrust[i] = trust;
  }
  const incentive = normalized([...ranks]);
  const dividends = input.yuma3 ? yuma3(input, B, W, activeStake, consensus, incentive) : yuma2(input, B, W, activeStake, incentive);

  const bondsU16 = B.map((row, i) => (newValidatorPermit[i] ? row.map((b) => Math.floor(b * U16 + 1e-6)) : zeros()));

  let sum = 0;
  for (let i = 0; i < n; i++) sum += incentive[i] + dividends[i];
  const serverEmission = zeros();
  const validatorEmission = zeros();
  if (sum > 0) {
    for (let i = 0; i < n; i++) {
      serverEmission[i] = Math.floor((incentive[i] / sum) * input.emission);
      validatorEmission[i] = Math.floor((dividends[i] / sum) * input.emission);
    }
  } else {
    const share = activeStake.some((s) => s > 0) ? activeStake : stake;
    for (let i = 0; i < n; i++) validatorEmission[i] = Math.floor(share[i] * input.emission);
  }
  return { consensus, validatorTrust, ranks, incentive, dividends, bondsU16, newValidatorPermit, serverEmission, validatorEmission, activeStake };
}

function yuma2(input: YumaInput, B: number[][], W: number[][], activeStake: number[], incentive: number[]): number[] {
  const n = activeStake.length;
  const alpha = 1 - input.bondsMovingAverage;
  const oldColSum = new Array<number>(n).fill(0);
  const deltaColSum = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      oldColSum[j] += B[i][j];
      deltaColSum[j] += W[i][j] * activeStake[i];
    }
  }
  const oldScale = oldColSum.map((c) => (c > 0 ? (1 - alpha) / c : 0));
  const deltaScale = deltaColSum.map((c) => (c > 0 ? alpha / c : 0));
  const colSum = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      B[i][j] = oldScale[j] * B[i][j] + deltaScale[j] * (W[i][j] * activeStake[i]);
      colSum[j] += B[i][j];
    }
  }
  const colMax = new Array<number>(n).fill(0);
  const dividends = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j < n; j++) {
      if (colSum[j] === 0) continue;
      B[i][j] /= colSum[j];
      if (B[i][j] > colMax[j]) colMax[j] = B[i][j];
      d += B[i][j] * incentive[j];
    }
    dividends[i] = d;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (colMax[j] > 0) B[i][j] /= colMax[j];
  return normalized(dividends);
}

function yuma3(input: YumaInput, B: number[][], W: number[][], activeStake: number[], consensus: number[], incentive: number[]): number[] {
  const n = activeStake.length;
  const liquid = input.liquidAlpha === true && consensus.some((c) => c !== 0);
  const low = input.alphaLow ?? 45875 / 65535;
  const high = input.alphaHigh ?? 58982 / 65535;
  const slope = -(input.alphaSigmoidSteepness ?? 1000) / 100;
  const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
  const colSum = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const w = W[i][j];
      const old = B[i][j];
      let alpha = 1 - input.bondsMovingAverage;
      if (liquid) {
        const diff = w >= old ? clamp01(w - consensus[j]) : clamp01(old - w);
        const sigmoid = 1 / (1 + Math.exp(slope * (diff - 0.5)));
        alpha = Math.min(high, Math.max(low, low + sigmoid * (high - low)));
      }
      B[i][j] = Math.min(1, (1 - alpha) * old + Math.max(0, alpha * w));
      colSum[j] += B[i][j];
    }
  }
  const weighted = colSum.map((c, j) => (c > 0 ? incentive[j] / c : 0));
  const dividends = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j < n; j++) d += B[i][j] * weighted[j];
    dividends[i] = d * activeStake[i];
  }
  return normalized(dividends);
}

function topkNonzero(stake: number[], k: number): boolean[] {
  const n = stake.length;
  const result = stake.map((s) => s !== 0);
  if (n <= k) return result;
  if (k <= 0) return result.fill(false);
  // A stable ascending sort by stake: the n − k first (ties: lower uid first) lose their permit.
  const order = [...Array(n).keys()].sort((a, b) => stake[a] - stake[b] || a - b);
  for (const i of order.slice(0, n - k)) result[i] = false;
  return result;
}

/**
 * The κ-median by its definition (ECONOMICS.md, step 6), not by the chain's partition search the
 * engine transcribes: the value v among the column's scores whose stake below it is at most the
 * minority and whose stake at or below it is more. Sums run in uid order, so this shares no code and
 * no order of work with the engine's search; they can only meet on the value.
 */
function weightedMedian(scores: number[], stakes: number[], minority: number, total: number): number {
  const values = [...new Set(scores)].sort((a, b) => a - b);
  for (const v of values) {
    let below = 0;
    let above = 0;
    scores.forEach((x, i) => {
      if (x < v) below += stakes[i];
      else if (x > v) above += stakes[i];
    });
    if (below <= minority && minority < total - above) return v;
  }
  // No value qualifies only at the ends: a minority past the whole stake (κ = 0) takes the largest.
  return minority >= total ? values[values.length - 1] : values[0];
}

function normalized(v: number[]): number[] {
  let sum = 0;
  for (const x of v) sum += x;
  if (sum > 0) for (let i = 0; i < v.length; i++) v[i] /= sum;
  return v;
}
