import type { Chain, Netuid } from '../engine/index.ts';
import { spotPrice, toUnits } from '../engine/index.ts';

/**
 * Time series for charts and export. Rows are arrays of numbers under named columns: compact in a
 * snapshot and on the wire, and written as CSV as they are. Amounts are in TAO/alpha (display
 * floats, never fed back into money).
 */
export interface SeriesData {
  blocks: number[][];
  subnets: number[][];
  epochs: number[][];
  /** [block, player index (join order), net worth in TAO], sampled with the subnets. */
  worth: number[][];
}

export const BLOCK_COLUMNS = ['block', 'issuance', 'blockEmission', 'poolTao', 'subnets', 'top10Share', 'maxShare'] as const;
export const SUBNET_COLUMNS = ['block', 'netuid', 'price', 'movingPrice', 'flowEma', 'emissionShare', 'taoIn', 'alphaIn'] as const;
export const EPOCH_COLUMNS = ['block', 'netuid', 'distributed', 'ownerCut', 'incentive', 'dividends', 'burned', 'revenue', 'productQuality', 'price', 'ownerBurned'] as const;

export const emptySeries = (): SeriesData => ({ blocks: [], subnets: [], epochs: [], worth: [] });

/**
 * Share of the block's emission taken by the n largest takers. Every block asks, so the n largest
 * are kept by insertion (descending) rather than by sorting all 128 subnets; summed largest first,
 * as the sorted list was, so the float sum is the same.
 */
export function topShare(chain: Chain, n: number): number {
  const top: number[] = [];
  for (const s of chain.state.subnets) {
    if (!s) continue;
    const x = s.emissionShare;
    if (top.length === n && !(x > top[n - 1])) continue;
    let i = top.length < n ? top.length : n - 1;
    while (i > 0 && top[i - 1] < x) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = x;
  }
  let sum = 0;
  for (let i = 0; i < top.length; i++) sum += top[i];
  return sum;
}

export function recordBlock(data: SeriesData, chain: Chain, sampleSubnets: boolean): void {
  const st = chain.state;
  let pool = 0n;
  let count = 0;
  let maxShare = 0;
  for (const s of st.subnets) {
    if (!s) continue;
    pool += s.taoIn;
    count++;
    if (s.emissionShare > maxShare) maxShare = s.emissionShare;
    if (sampleSubnets) data.subnets.push([st.block, s.netuid, spotPrice(s), s.movingPrice, s.flowEma / 1e9, s.emissionShare, toUnits(s.taoIn), toUnits(s.alphaIn)]);
  }
  data.blocks.push([st.block, toUnits(st.tao.issuance), toUnits(st.blockEmission), toUnits(pool), count, topShare(chain, 10), maxShare]);
}

export interface EpochFigures {
  netuid: Netuid;
  distributed: bigint;
  ownerCut: bigint;
  incentive: bigint;
  dividends: bigint;
  burned: bigint;
  /** The part of `burned` that was incentive on the owner's hotkeys: the owner burning miner emission. */
  ownerBurned: bigint;
  revenue: bigint;
  productQuality: number;
}

export function recordEpoch(data: SeriesData, chain: Chain, e: EpochFigures): void {
  const s = chain.subnet(e.netuid);
  data.epochs.push([chain.block, e.netuid, toUnits(e.distributed), toUnits(e.ownerCut), toUnits(e.incentive), toUnits(e.dividends), toUnits(e.burned), toUnits(e.revenue), e.productQuality, s ? spotPrice(s) : 0, toUnits(e.ownerBurned)]);
}

/** Rows as CSV with a header; numbers written the same way every time (byte-identical reruns). */
export function toCsv(columns: readonly string[], rows: readonly number[][]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(r.map((x) => (Number.isInteger(x) ? String(x) : x.toPrecision(10).replace(/\.?0+$/, ''))).join(','));
  return lines.join('\n') + '\n';
}
