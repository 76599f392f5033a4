import type { GameAction } from '../game/types.ts';
import { delegate, moveAll, stakeShare, subnetOf, top, unstake } from './moves.ts';
import type { Strategy } from './view.ts';

const some = (...actions: (GameAction | null)[]): GameAction[] => actions.filter((a): a is GameAction => a !== null);

/** One big position in the deepest pool, bought once and held. */
export const whale: Strategy = (v) => {
  if (v.me.positions.length > 0) return [];
  const deepest = top(v.subnets, (s) => Number(s.taoIn));
  return deepest ? some(stakeShare(v, deepest, delegate(deepest), 0.8)) : [];
};

/**
 * Price up since the last epoch: buy with half its TAO; down: sell. Follows the trend, pays the
 * slippage. (Buying a quarter at a time, it averaged into every riser of a workshop and topped the
 * stakers' table in most games.)
 */
export const momentum: Strategy = (v) => {
  const trend = (s: { price: number; lastEpochPrice: number }) => (s.lastEpochPrice > 0 ? s.price / s.lastEpochPrice : 1);
  const falling = v.me.positions.find((p) => {
    const s = subnetOf(v, p.netuid);
    return s && trend(s) < 0.98;
  });
  if (falling) return some(unstake(v, falling, falling.alpha));
  const rising = top(v.subnets, trend);
  return rising && trend(rising) > 1.02 ? some(stakeShare(v, rising, delegate(rising), 0.5)) : [];
};

/**
 * Chases Taoflow: holds the subnet with the strongest net inflow (the largest emission share),
 * moving out of subnets whose share has fallen to a fraction of it.
 */
export const flowChasing: Strategy = (v) => {
  const leader = top(v.subnets, (s) => s.flowEma);
  if (!leader) return [];
  const laggard = v.me.positions.find((p) => p.netuid !== leader.netuid && (subnetOf(v, p.netuid)?.emissionShare ?? 0) < leader.emissionShare / 3);
  if (laggard) return some(moveAll(v, laggard, leader, delegate(leader)));
  return some(stakeShare(v, leader, delegate(leader), 0.3));
};
