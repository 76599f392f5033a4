import type { YumaInput } from '../../shared/engine/index.ts';

/** The matrices of a Yuma input as flat float64 arrays, prepared once outside the timed loop. */
export interface DenseYuma {
  n: number;
  /** Rows that can hold weights or bonds (permits); the rest are zero. */
  rows: Int32Array;
  stake: Float64Array;
  weights: Float64Array;
  bonds: Float64Array;
}

export function denseInput(input: YumaInput): DenseYuma {
  const n = input.stake.length;
  const weights = new Float64Array(n * n);
  const bonds = new Float64Array(n * n);
  // Stored rows may be missing or shorter than n (UIDs added since): a missing entry is 0.
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      weights[i * n + j] = input.validatorPermit[i] ? (input.weightsU16[i][j] ?? 0) : 0;
      bonds[i * n + j] = input.bondsU16[i][j] ?? 0;
    }
  const rows = Int32Array.from(input.validatorPermit.flatMap((p, i) => (p || input.bondsU16[i].some((x) => x > 0) ? [i] : [])));
  return { n, rows, stake: Float64Array.from(input.stake), weights, bonds };
}

/**
 * The floor Yuma is measured against: the dense n×n float64 sweeps an epoch needs — normalise the
 * stake and the weight rows, a per-column consensus (here the stake-weighted mean, not the median),
 * clip to it for ranks and trust, the bond EMA with its column normalisation, and dividends — on
 * flat typed arrays, with no bookkeeping. `sparse` sweeps only the rows that can be non-zero (as
 * yumaEpoch does); otherwise every row. Returns a checksum so the work cannot be optimised away.
 */
export function barePass(d: DenseYuma, sparse: boolean): number {
  const { n, weights, bonds } = d;
  const rowList = sparse ? d.rows : Int32Array.from({ length: n }, (_, i) => i);
  const stake = d.stake.slice();
  let total = 0;
  for (let i = 0; i < n; i++) total += stake[i];
  if (total > 0) for (let i = 0; i < n; i++) stake[i] /= total;
  const w = weights.slice();
  for (const i of rowList) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += w[i * n + j];
    if (sum > 0) for (let j = 0; j < n; j++) w[i * n + j] /= sum;
  }
  const consensus = new Float64Array(n);
  for (const i of rowList) for (let j = 0; j < n; j++) consensus[j] += stake[i] * w[i * n + j];
  const ranks = new Float64Array(n);
  const trust = new Float64Array(n);
  for (const i of rowList)
    for (let j = 0; j < n; j++) {
      const c = Math.min(w[i * n + j], consensus[j]);
      ranks[j] += stake[i] * c;
      trust[i] += c;
    }
  const colSum = new Float64Array(n);
  const b = new Float64Array(n * n);
  for (const i of rowList) for (let j = 0; j < n; j++) colSum[j] += (b[i * n + j] = 0.9 * bonds[i * n + j] + 0.1 * stake[i] * w[i * n + j]);
  const dividends = new Float64Array(n);
  for (const i of rowList) {
    let s = 0;
    for (let j = 0; j < n; j++) if (colSum[j] > 0) s += (b[i * n + j] / colSum[j]) * ranks[j];
    dividends[i] = s;
  }
  let check = 0;
  for (let i = 0; i < n; i++) check += dividends[i] + trust[i];
  return check;
}
