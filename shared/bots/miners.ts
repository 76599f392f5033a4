import type { GameAction } from '../game/types.ts';
import { register, subnetOf, top } from './moves.ts';
import type { BotView, Strategy, SubnetView } from './view.ts';

const effort = (v: BotView, target: number): GameAction[] => (Math.abs(v.me.effort - target) > 1e-9 ? [{ type: 'set_effort', effort: target }] : []);

/** What effort the wallet can pay for a tempo of compute. */
const affordable = (v: BotView, wanted: number): number =>
  v.computeCostPerTempo === 0n ? wanted : Math.min(wanted, Number(v.me.balance) / Number(v.computeCostPerTempo));

/** Registers where it was placed and keeps a steady, moderate effort. */
export const steady: Strategy = (v) => {
  if (v.me.uid === null) {
    const a = register(v, subnetOf(v, v.me.home) ?? top(v.subnets, (s) => s.emissionShare));
    return a ? [a] : [];
  }
  return effort(v, Math.floor(affordable(v, 0.6) * 100) / 100);
};

/**
 * Goes where emission is: full effort while its subnet takes at least an average share of
 * emission, little when it does not; moves when another subnet would pay a miner half as much
 * again as its own (its share of emission over the miners it would share it with, counting UIDs
 * without a validator permit) — a subnet its owner just opened with no miners yet, or any subnet
 * once its own has dried up.
 */
export const opportunist: Strategy = (v) => {
  const home = subnetOf(v, v.me.home);
  const average = 1 / Math.max(1, v.subnets.length);
  const perMiner = (s: SubnetView, joining: number) => s.emissionShare / Math.max(1, s.minerCount + joining);
  const target = top(
    v.subnets.filter((s) => s.netuid !== v.me.home),
    (s) => perMiner(s, 1),
  );
  if (v.me.uid === null || !home || (target && perMiner(target, 1) > 1.5 * perMiner(home, 0))) {
    const a = register(v, v.me.uid === null ? (home ?? target) : target);
    if (a) return [a];
  }
  if (v.me.uid === null) return [];
  const wanted = home && home.emissionShare >= average ? 1 : 0.2;
  return effort(v, Math.floor(affordable(v, wanted) * 100) / 100);
};
