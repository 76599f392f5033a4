// Stand-ins for the people in a workshop room, so the balance script can ask "does careful play pay?"
// without a room: `sensible` does what the facilitator's introduction teaches for its role,
// `naive` what a newcomer does on instinct. Either can also fill a seat like any other bot.
import { mulRatio, nextFloat, nextInt, tao } from '../engine/index.ts';
import type { GameAction } from '../game/types.ts';
import { steady } from './miners.ts';
import { best, delegate, moveAll, stake, stakeShare, subnetOf, unstake } from './moves.ts';
import { buyback } from './owners.ts';
import { colluding, honest } from './validators.ts';
import type { BotView, Strategy, SubnetView } from './view.ts';

const some = (...actions: (GameAction | null)[]): GameAction[] => actions.filter((a): a is GameAction => a !== null);
const trend = (s: SubnetView) => (s.lastEpochPrice > 0 ? s.price / s.lastEpochPrice : 1);

/**
 * Puts most of the wallet (nine tenths or more, its own choice) where Taoflow sends emission, once
 * it has watched the flows for a tempo: the subnet with the strongest net inflow, or (half of them)
 * the two strongest, split by their inflow; keeps the rest in hand. It leaves a subnet only once its flow has turned negative
 * and its emission dried up while the rest of the network still gains (a death spiral, not a
 * market shock), and puts TAO that comes back to it (a pruned subnet's payout) to work again. It
 * earns dividends where emission goes and chases no price.
 */
const sensibleStaker: Strategy = (v, rng) => {
  const inflow = best(
    v.subnets.filter((s) => s.flowEma > 0),
    (s) => s.flowEma,
  );
  if (v.me.positions.length === 0) {
    // For the first tempo the flows are still the genesis figures, not the room's.
    const [a, b] = inflow;
    if (!a || v.block < v.tempo) return [];
    const total = 0.9 + 0.1 * nextFloat(rng);
    // Split by inflow, leaning one way or the other by its own judgement (up to half either way):
    // careful players differ, and a room whose careful stakers all held the same split never saw
    // one of them top the table.
    const lean = nextFloat(rng) - 0.5;
    const first = b && nextFloat(rng) < 0.5 ? total * Math.min(1, Math.max(0, a.flowEma / (a.flowEma + b.flowEma) + lean)) : total;
    // Both shares are of the balance as the turn began.
    return some(stakeShare(v, a, delegate(a), first), b ? stakeShare(v, b, delegate(b), total - first) : null);
  }
  // A death spiral is one subnet bleeding while the network gains; when most subnets' flows turn
  // negative at once it is a market shock, and selling into it would only lock the loss in.
  if (inflow.length * 2 < v.subnets.length) return [];
  const held = new Set(v.me.positions.map((p) => p.netuid));
  // TAO back in hand (a pruned subnet's payout) goes to work again where the inflow is.
  const staked = v.me.positions.reduce((sum, p) => sum + Number(p.alpha) * (subnetOf(v, p.netuid)?.price ?? 0), 0);
  if (Number(v.me.balance) > staked && inflow[0]) return some(stakeShare(v, inflow[0], delegate(inflow[0]), 0.7));
  const dying = v.me.positions.find((p) => {
    const s = subnetOf(v, p.netuid);
    return s && s.flowEma < 0 && s.emissionShare < 0.03;
  });
  const target = inflow.find((s) => !held.has(s.netuid)) ?? inflow[0];
  return dying && target && target.netuid !== dying.netuid ? some(moveAll(v, dying, target, delegate(target))) : [];
};

/**
 * Buys something that rose since the last epoch with most of the wallet, and sells in a panic on
 * a drop. What counts as a rise or a drop, which riser it picks and how much it puts in are its
 * mood of the moment (drawn from the game's seeded RNG), as a newcomer's would be.
 */
const naiveStaker: Strategy = (v, rng) => {
  const panicBelow = 0.9 + 0.06 * nextFloat(rng);
  const panic = v.me.positions.find((p) => {
    const s = subnetOf(v, p.netuid);
    return s && trend(s) < panicBelow;
  });
  if (panic) return some(unstake(v, panic, panic.alpha));
  const risers = v.subnets.filter((s) => trend(s) > 1.03 + 0.05 * nextFloat(rng));
  const hot = risers[nextInt(rng, risers.length)];
  return hot ? some(stakeShare(v, hot, delegate(hot), 0.6 + 0.3 * nextFloat(rng))) : [];
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
