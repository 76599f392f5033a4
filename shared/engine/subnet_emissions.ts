import type { ChainParams } from './scenario.ts';
import type { Subnet } from './state.ts';

/**
 * Taoflow (chain: subnet_emissions.rs::get_ema_flow): fold this block's net TAO flow into each
 * subnet's EMA and reset the per-block counter. α ≈ 3.2e-6 per block ⇒ a ~30-day half-life.
 */
export function updateFlowEmas(subnets: readonly Subnet[], alpha: number): void {
  for (const s of subnets) {
    s.flowEma = (1 - alpha) * s.flowEma + alpha * Number(s.taoFlow);
    s.taoFlow = 0n;
  }
}

/**
 * Each emitting subnet's share of the block's TAO, by the scenario's emission rule. Shares sum to 1,
 * or are all 0 (Taoflow with no positive flow anywhere: nobody gets TAO that block).
 */
export function emissionShares(subnets: readonly Subnet[], p: ChainParams): number[] {
  return p.rules.emission === 'taoflow' ? flowShares(subnets, p) : priceEmaShares(subnets);
}

/** get_shares_flow: z = max(S − L, 0) with L = max(cutoff, min(0, min S)); share ∝ z^p. */
function flowShares(subnets: readonly Subnet[], p: ChainParams): number[] {
  let lowest = 0;
  for (const s of subnets) lowest = Math.min(lowest, s.flowEma);
  const floor = Math.max(p.flowCutoff, lowest);
  const z = subnets.map((s) => Math.max(s.flowEma - floor, 0) ** p.flowNormExponent);
  return normalise(z);
}

/** get_shares_price_ema: share ∝ the subnet's moving (EMA) price. */
const priceEmaShares = (subnets: readonly Subnet[]): number[] => normalise(subnets.map((s) => s.movingPrice));

function normalise(v: number[]): number[] {
  let sum = 0;
  for (const x of v) sum += x;
  return sum > 0 ? v.map((x) => x / sum) : v.map(() => 0);
}
