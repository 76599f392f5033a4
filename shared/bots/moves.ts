import type { Hotkey, Netuid, Rao, Uid } from '../engine/index.ts';
import { mulRatio, quoteAlphaForTao, quoteMove, quoteTaoForAlpha } from '../engine/index.ts';
import type { GameAction } from '../game/types.ts';
import type { BotView, PositionView, SubnetView } from './view.ts';

/**
 * Moves a bot makes, each checked against everything the bot can see, so the chain never refuses
 * a bot for a reason it could have known (only a race with another player's move in the same block).
 * Each returns the action or null when it would not pass.
 */

export const subnetOf = (v: BotView, id: Netuid | null): SubnetView | undefined => (id === null ? undefined : v.subnets.find((s) => s.netuid === id));

/** TAO → alpha behind a hotkey, if the amount clears the minimum, the balance and the pool's limits. */
export function stake(v: BotView, s: SubnetView, hotkey: Hotkey, amount: Rao): GameAction | null {
  if (amount < v.minStake || amount > v.me.balance) return null;
  const q = quoteTaoForAlpha(s, amount, v.pool);
  return typeof q === 'string' ? null : { type: 'stake', hotkey, netuid: s.netuid, amount };
}

/** A fraction of the free balance, staked. */
export const stakeShare = (v: BotView, s: SubnetView, hotkey: Hotkey, fraction: number): GameAction | null => stake(v, s, hotkey, mulRatio(v.me.balance, fraction));

/** Alpha → TAO: the whole position, or a part worth at least the minimum stake. */
export function unstake(v: BotView, p: PositionView, amount: Rao): GameAction | null {
  const s = subnetOf(v, p.netuid);
  if (!s || amount <= 0n || amount > p.alpha) return null;
  const q = quoteAlphaForTao(s, amount, v.pool);
  if (typeof q === 'string' || (q.amountOut < v.minStake && amount < p.alpha)) return null;
  return { type: 'unstake', hotkey: p.hotkey, netuid: p.netuid, amount };
}

/** Moves a whole position to another subnet, if both swaps would pass (the second without a fee, as on the chain). */
export function moveAll(v: BotView, p: PositionView, to: SubnetView, toHotkey: Hotkey): GameAction | null {
  const from = subnetOf(v, p.netuid);
  if (!from) return null;
  const q = quoteMove(from, to, p.alpha, v.pool);
  if (typeof q === 'string' || q.sold.amountOut < v.minStake) return null;
  return { type: 'move_stake', fromHotkey: p.hotkey, toHotkey, fromNetuid: p.netuid, toNetuid: to.netuid, amount: p.alpha };
}

/** Registers the bot's hotkey in a subnet, if registration is open this block and the burn is affordable. */
export function register(v: BotView, s: SubnetView | undefined): GameAction | null {
  if (!s || !s.registrationOpen || v.me.balance < s.burn || v.me.registeredIn.includes(s.netuid)) return null;
  return typeof quoteTaoForAlpha(s, s.burn, v.pool) === 'string' ? null : { type: 'register_neuron', netuid: s.netuid };
}

/** Weights over UIDs, if the bot holds a permit in its home subnet and the rate limit has passed. */
export function setWeights(v: BotView, weights: Map<Uid, number>): GameAction | null {
  const me = v.me;
  if (me.home === null || me.uid === null || !me.permit || v.block < me.weightsReadyAt) return null;
  const uids = [...weights.keys()].filter((u) => (weights.get(u) ?? 0) > 0 && Number.isFinite(weights.get(u)));
  if (uids.length === 0) return null;
  return { type: 'set_weights', netuid: me.home, uids, weights: uids.map((u) => weights.get(u)!) };
}

/** The validator a staker delegates to on a subnet: the largest permitted one, or the owner's key. */
export const delegate = (s: SubnetView): Hotkey => s.validators[0]?.hotkey ?? s.ownerHotkey;

/** Subnets ordered by a score, best first (ties: lower netuid). */
export const best = (subnets: readonly SubnetView[], score: (s: SubnetView) => number): SubnetView[] =>
  [...subnets].sort((a, b) => score(b) - score(a) || a.netuid - b.netuid);

/**
 * The first subnet `best` would give, found in one pass: a bot that wants only the leader (most
 * do) would otherwise copy and sort all 128 subnets, scoring each some fourteen times, every turn.
 * A NaN score never leads (a sort would place it arbitrarily).
 */
export function top(subnets: readonly SubnetView[], score: (s: SubnetView) => number): SubnetView | undefined {
  let leader: SubnetView | undefined;
  let high = -Infinity;
  for (const s of subnets) {
    const x = score(s);
    if (leader === undefined ? x >= -Infinity : x > high || (x === high && s.netuid < leader.netuid)) {
      leader = s;
      high = x;
    }
  }
  return leader;
}
