import type { Uid } from '../engine/index.ts';
import { uid as toUid } from '../engine/index.ts';
import type { GameAction } from '../game/types.ts';
import { register, setWeights, stakeShare, subnetOf, top } from './moves.ts';
import type { BotView, Strategy } from './view.ts';

/** Not yet holding a UID: register in the home subnet, or the one taking the most emission. */
function joinSubnet(v: BotView): GameAction[] {
  const target = subnetOf(v, v.me.home) ?? top(v.subnets, (s) => s.emissionShare);
  const a = register(v, target);
  return a ? [a] : [];
}

/** Weights from observed quality, sharpened (squared) so good miners stand out above the noise. */
export function weightsFromObservations(observations: readonly number[], miners: readonly Uid[]): Map<Uid, number> {
  const w = new Map<Uid, number>();
  for (const u of miners) {
    const q = observations[u] ?? 0;
    if (q > 0) w.set(u, q * q);
  }
  return w;
}

/**
 * Registered but without a permit and nothing staked on itself (its kit's stake did not happen):
 * stake most of the wallet on its own hotkey, so the next epoch can give it a permit.
 */
function stakeOnSelf(v: BotView): GameAction[] {
  const me = v.me;
  const home = subnetOf(v, me.home);
  if (!home || me.permit || me.positions.some((p) => p.netuid === home.netuid && p.hotkey === me.hotkey)) return [];
  const a = stakeShare(v, home, me.hotkey, 0.6);
  return a ? [a] : [];
}

/** The moves every validator makes before weighing: a UID, then stake enough for a permit. */
const prepare = (v: BotView): GameAction[] | null => {
  if (v.me.uid === null) return joinSubnet(v);
  const stake = stakeOnSelf(v);
  return stake.length > 0 ? stake : null;
};

const minersOf = (v: BotView): Uid[] => subnetOf(v, v.me.home)?.miners.map((m) => m.uid) ?? [];

/** Weights what it observes: the validator the design intends. */
export const honest: Strategy = (v) => {
  const first = prepare(v);
  if (first) return first;
  const a = v.observations ? setWeights(v, weightsFromObservations(v.observations, minersOf(v))) : null;
  return a ? [a] : [];
};

/** Does not look: the same weight on every miner, whatever they deliver. */
export const lazy: Strategy = (v) => {
  const first = prepare(v);
  if (first) return first;
  const a = setWeights(v, new Map(minersOf(v).map((u) => [u, 1])));
  return a ? [a] : [];
};

/**
 * Votes with a cartel for one miner — the subnet's first-registered miner — whatever its quality.
 * Yuma clips weight above the stake-weighted consensus, so the cartel earns less, not more.
 */
export const colluding: Strategy = (v) => {
  const first = prepare(v);
  if (first) return first;
  const miners = minersOf(v);
  if (miners.length === 0) return [];
  const a = setWeights(v, new Map([[toUid(miners[0]), 1]]));
  return a ? [a] : [];
};
