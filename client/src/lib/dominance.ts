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
