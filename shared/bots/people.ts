// Stand-ins for the people in a workshop room, so the balance script can ask "does careful play pay?"
// without a room: `sensible` does what the facilitator's introduction teaches for its role,
// `naive` what a newcomer does on instinct. Either can also fill a seat like any other bot.
import { mulRatio, tao } from '../engine/index.ts';
import type { GameAction } from '../game/types.ts';
import { steady } from './miners.ts';
import { best, delegate, moveAll, stake, stakeShare, subnetOf, unstake } from './moves.ts';
import { buyback } from './owners.ts';
import { colluding, honest } from './validators.ts';
import type { BotView, Strategy, SubnetView } from './view.ts';

const some = (...actions: (GameAction | null)[]): GameAction[] => actions.filter((a): a is GameAction => a !== null);
const trend = (s: SubnetView) => (s.lastEpochPrice > 0 ? s.price / s.lastEpochPrice : 1);

/**
 * Stakes about half the wallet, spread over the two subnets with the strongest net inflow (where
 * Taoflow sends emission), keeps the rest in hand, and leaves a subnet only once its flow has
 * turned negative and its emission dried up: it earns dividends and rides no pump.
 */
const sensibleStaker: Strategy = (v) => {
  const inflow = best(
    v.subnets.filter((s) => s.flowEma > 0),
    (s) => s.flowEma,
  );
  if (v.me.positions.length === 0) {
    const [a, b] = inflow;
    return some(a ? stakeShare(v, a, delegate(a), 0.25) : null, b ? stakeShare(v, b, delegate(b), 0.25) : a ? stakeShare(v, a, delegate(a), 0.25) : null);
  }
  const held = new Set(v.me.positions.map((p) => p.netuid));
  const dying = v.me.positions.find((p) => {
    const s = subnetOf(v, p.netuid);
    return s && s.flowEma < 0 && s.emissionShare < 0.03;
  });
  const target = inflow.find((s) => !held.has(s.netuid)) ?? inflow[0];
  return dying && target && target.netuid !== dying.netuid ? some(moveAll(v, dying, target, delegate(target))) : [];
};

/** Buys whatever rose since the last epoch with most of the wallet, and sells in a panic on a drop. */
const naiveStaker: Strategy = (v) => {
  const panic = v.me.positions.find((p) => {
    const s = subnetOf(v, p.netuid);
    return s && trend(s) < 0.9;
  });
  if (panic) return some(unstake(v, panic, panic.alpha));
  const hot = best(v.subnets, trend)[0];
  return hot && trend(hot) > 1.05 ? some(stakeShare(v, hot, delegate(hot), 0.9)) : [];
};

/**
 * Registers and names a subnet like the buy-back bot, then buys back in small steps (a tenth of
 * the free TAO, never more than half a percent of the pool, 100 τ kept in hand): a steady inflow
 * that keeps the flow EMA positive without paying for its own slippage.
 */
const sensibleOwner: Strategy = (v, rng) => {
  if (!v.me.owner) return buyback(v, rng);
  const home = subnetOf(v, v.me.home);
  if (!home) return [];
  const naming = buyback(v, rng).filter((a) => a.type === 'name_subnet');
  const spare = v.me.balance - tao(100);
  if (spare <= 0n) return naming;
  const tenth = mulRatio(spare, 0.1);
  const amount = tenth < home.taoIn / 200n ? tenth : home.taoIn / 200n;
  return amount >= v.minStake * 100n ? [...naming, { type: 'buy_back', amount }] : naming;
};

/** Registers a subnet and spends everything on one buy-back at once, then waits. */
const naiveOwner: Strategy = (v, rng) => {
  if (!v.me.owner) return buyback(v, rng);
  const home = subnetOf(v, v.me.home);
  if (!home || v.me.balance < tao(10)) return [];
  const all = v.me.balance - v.minStake;
  return stake(v, home, v.me.hotkey, all) ? [{ type: 'buy_back', amount: all }] : [];
};

/** Steady, affordable effort, like the steady bot: the miner's careful play. */
const sensibleMiner: Strategy = steady;

/** Full effort all game, whatever it earns: more must be better. */
const naiveMiner: Strategy = (v: BotView, rng) => {
  if (v.me.uid === null) return steady(v, rng);
  return Math.abs(v.me.effort - 1) > 1e-9 && v.me.balance > v.computeCostPerTempo ? [{ type: 'set_effort', effort: 1 }] : [];
};

export const SENSIBLE = { owner: sensibleOwner, validator: honest, miner: sensibleMiner, staker: sensibleStaker } as const;
/** A newcomer validator backs the one miner it likes, alone: Yuma clips it to the consensus. */
export const NAIVE = { owner: naiveOwner, validator: colluding, miner: naiveMiner, staker: naiveStaker } as const;
