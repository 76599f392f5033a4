import type { Rao } from './money.ts';
import type { ChainParams } from './scenario.ts';

/**
 * Block emission as a step function of issuance (chain: block_emission.rs::get_block_emission_for_issuance):
 * k = floor(log2(S / (S − I))), emission = floor(E₀ / 2^k), 0 once I ≥ S. Used for TAO (I = TotalIssuance)
 * and, with the same constants, for each subnet's alpha (I = alpha in pool + alpha out).
 * Exact in integers: k is the largest k with (S − I)·2^k ≤ S, which is what the fixed-point log2 computes;
 * as S − I is whole, that is the number of halving thresholds S − floor(S / 2^j) (j ≥ 1) that I has reached.
 */
export function blockEmissionForIssuance(issuance: Rao, totalSupply: Rao, baseEmission: Rao): Rao {
  if (issuance >= totalSupply) return 0n;
  // Comparisons only, no BigInt arithmetic: every subnet asks twice a block, nearly always below the first threshold.
  const thresholds = halvingThresholds(totalSupply);
  let k = 0;
  while (k < thresholds.length && issuance >= thresholds[k]) k++;
  return k === 0 ? baseEmission : baseEmission >> BigInt(k);
}

/** Halving j (from 1) starts at S − floor(S / 2^j); cached per total supply (a game has one or two). */
const thresholdsBySupply = new Map<Rao, readonly Rao[]>();
// The supply last asked about: a Map keyed by BigInt hashes the key on every lookup, and every
// subnet asks twice a block with the same supply.
let lastSupply = -1n;
let lastThresholds: readonly Rao[] = [];
function halvingThresholds(totalSupply: Rao): readonly Rao[] {
  if (totalSupply === lastSupply) return lastThresholds;
  let thresholds = thresholdsBySupply.get(totalSupply);
  if (!thresholds) {
    const list: Rao[] = [];
    // Past the last threshold below S, (S − I)·2^j ≤ S cannot hold for any I < S.
    for (let j = 1n; totalSupply >> j > 0n; j++) list.push(totalSupply - (totalSupply >> j));
    thresholds = list;
    thresholdsBySupply.set(totalSupply, thresholds);
  }
  lastSupply = totalSupply;
  lastThresholds = thresholds;
  return thresholds;
}

/** TAO's block emission at a total issuance: the schedule, then any halvings the scenario decreed. */
export const taoBlockEmission = (issuance: Rao, p: ChainParams): Rao => blockEmissionForIssuance(issuance, p.totalSupply, p.defaultBlockEmission) >> BigInt(p.decreedTaoHalvings);

/** The issuance at which emission next halves (for the "halving in N blocks" countdown). */
export function nextHalvingIssuance(issuance: Rao, totalSupply: Rao): Rao | null {
  if (issuance >= totalSupply) return null;
  const remaining = totalSupply - (issuance > 0n ? issuance : 0n);
  let k = 0n;
  while (remaining << (k + 1n) <= totalSupply) k++;
  // Halving k+1 starts where (S − I)·2^(k+1) ≤ S, i.e. I ≥ S − floor(S / 2^(k+1)).
  return totalSupply - (totalSupply >> (k + 1n));
}
