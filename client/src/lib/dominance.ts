// Emission dominance as the seed article quotes it: what share the ten largest subnets take.

export interface Shared {
  netuid: number;
  emissionShare: number;
}

/** Top `n` share of emission and who holds it, largest first. */
export function topShare<T extends Shared>(subnets: readonly T[], n = 10): { share: number; leaders: T[] } {
  const leaders = [...subnets].sort((a, b) => b.emissionShare - a.emissionShare || a.netuid - b.netuid).slice(0, n);
  const total = subnets.reduce((s, x) => s + Math.max(0, x.emissionShare), 0);
  const top = leaders.reduce((s, x) => s + Math.max(0, x.emissionShare), 0);
  return { share: total > 0 ? top / total : 0, leaders };
}

/** The spotlight's subnet at a block: it cycles through the leaders, `dwell` blocks each. */
export function spotlightAt<T extends Shared>(leaders: readonly T[], block: number, dwell: number): T | null {
  if (leaders.length === 0) return null;
  return leaders[Math.floor(Math.max(0, block) / Math.max(1, dwell)) % leaders.length];
}

export interface Headline<T> {
  /** The subnet taking the largest share of emission, and that share of the whole. */
  leader: T | null;
  leaderShare: number;
  /** The subnet with the strongest net TAO inflow (Taoflow's EMA): where emission is heading. */
  flowLeader: T | null;
}

/** The figures the big screen leads with (a full network's top-10 share is on its map, in large type). */
export function headline<T extends Shared & { flowEma: number }>(subnets: readonly T[]): Headline<T> {
  const total = subnets.reduce((s, x) => s + Math.max(0, x.emissionShare), 0);
  const leader = topShare(subnets, 1).leaders[0] ?? null;
  const flowLeader = [...subnets].sort((a, b) => b.flowEma - a.flowEma || a.netuid - b.netuid)[0] ?? null;
  return {
    leader,
    leaderShare: leader && total > 0 ? Math.max(0, leader.emissionShare) / total : 0,
    flowLeader: flowLeader && flowLeader.flowEma > 0 ? flowLeader : null,
  };
}
