import type { Subnet } from '../engine/index.ts';

/** What full-time quality a miner's effort buys: diminishing returns (√effort) on its talent. */
export const targetQuality = (talent: number, effort: number): number => talent * Math.sqrt(Math.max(0, Math.min(1, effort)));

/** One block of a miner's quality drifting toward what its effort buys (half the gap per half-life). */
export const driftQuality = (quality: number, target: number, halfLifeBlocks: number): number => quality + (target - quality) * (1 - 2 ** (-1 / halfLifeBlocks));

/**
 * The quality of a subnet's product: its miners' quality weighted by the incentive Yuma gave them,
 * so a subnet whose validators reward the wrong miners sells a worse product. Before any incentive
 * exists, the plain mean over the UIDs that have a quality.
 */
export function productQuality(s: Subnet, qualities: readonly (number | undefined)[]): number {
  let weighted = 0;
  let incentive = 0;
  let sum = 0;
  let count = 0;
  for (let j = 0; j < s.neurons.length; j++) {
    const q = qualities[j];
    if (q === undefined) continue;
    weighted += s.neurons[j].incentive * q;
    incentive += s.neurons[j].incentive;
    sum += q;
    count++;
  }
  if (incentive > 0) return weighted / incentive;
  return count > 0 ? sum / count : 0;
}
