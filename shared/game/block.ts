// The order of work in a block, as a list: each phase reads what the ones before it left. The
// chain's own block (emission, epochs) is one phase among the game's.
import { isEpochBlock, toUnits } from '../engine/index.ts';
import { runBots } from './bot_turns.ts';
import { afterEpoch, creditEmissionIncome, driftMiners, stakesIn } from './economy.ts';
import { incumbentsSetWeights } from './incumbents.ts';
import { netWorth, parsePosition } from './liquidation.ts';
import { runSurges } from './market.ts';
import { refreshObservations } from './observations.ts';
import { recordBlock } from './series.ts';
import type { GameEvent, ScenarioEvent } from './types.ts';
import type { World } from './world.ts';

/** One step of a block: what it adds to the block's events. */
export type Phase = (w: World, trigger: (e: ScenarioEvent) => GameEvent[]) => GameEvent[];

/** The scenario's scheduled events for the coming block. */
const scheduled: Phase = (w, trigger) => {
  const next = w.block + 1;
  const events: GameEvent[] = [];
  for (const e of w.g.scenario.game.schedule) if (e.block === next - w.g.startBlock) events.push(...trigger(e.event));
  return events;
};

/** Outside money arriving this block from running surges. */
const surges: Phase = (w) => {
  if (w.g.surges.length === 0) return [];
  const r = runSurges(w.chain, w.g.market, w.g.surges);
  w.g.surges = r.running;
  return r.events;
};

/** The chain's block, what its epochs paid players (emission income), and each epoch's business. */
const chainBlock: Phase = (w) => {
  const st = w.chain.state;
  const due = new Set<number>();
  for (const s of st.subnets) if (s && isEpochBlock(st.block + 1, s.netuid, st.params.tempo)) due.add(s.netuid);
  const before = stakesIn(w, due);
  const chainEvents = w.chain.step();
  w.changed();
  const events: GameEvent[] = [...chainEvents];
  creditEmissionIncome(w, before);
  for (const e of chainEvents) if (e.type === 'epoch') events.push(...afterEpoch(w, e));
  return events;
};

const miners: Phase = (w) => (driftMiners(w), []);

/** Validators read their subnets every `observeEvery` blocks. */
const readings: Phase = (w) => {
  if (w.block % w.g.scenario.game.economy.observeEvery === 0) for (const p of w.g.players) refreshObservations(w, p);
  return [];
};

const incumbents: Phase = (w) => (incumbentsSetWeights(w), []);

const bots: Phase = (w) => runBots(w);

/** The block's row of the series; every `seriesEvery` blocks a sample of each subnet and each player's net worth. */
const series: Phase = (w) => {
  const block = w.block;
  const sample = (block - w.g.startBlock) % w.g.scenario.game.seriesEvery === 0;
  recordBlock(w.g.series, w.chain, sample);
  if (sample) sampleWorth(w);
  return [];
};

const end: Phase = (w) => {
  if (w.g.over || w.block < w.endBlock) return [];
  w.g.over = true;
  return [{ type: 'game_over', block: w.block }];
};

export const PHASES: readonly Phase[] = [scheduled, surges, chainBlock, miners, readings, incumbents, bots, series, end];

/** Every player's net worth now, in the series (the charts' lines). */
export function sampleWorth(w: World): void {
  w.g.players.forEach((p, i) => w.g.series.worth.push([w.block, i, toUnits(netWorth(w.chain, p.coldkey, p.positions.map(parsePosition)))]));
}
