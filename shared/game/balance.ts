// Is the workshop explainable? One game of a preset played headless with stand-ins for the room's
// people (a sensible and a naive player per role) beside the preset's bots, the facilitator's
// events at the times docs/WORKSHOP.md gives, and the figures that make a session tellable.
import type { Netuid } from '../engine/index.ts';
import { auditConservation, nextInt, seedRng, tao, toUnits } from '../engine/index.ts';
import { Game } from './game.ts';
import { returnOf } from './leaderboard.ts';
import type { Scenario } from './scenario.ts';
import type { SeriesData } from './series.ts';
import type { GameEvent, Role, ScenarioEvent } from './types.ts';
import { playerId, ROLES } from './types.ts';
import { CLIPPED_BELOW } from '../protocol/views.ts';

export const STAND_INS = ['sensible', 'naive'] as const;
export type StandIn = (typeof STAND_INS)[number];
export const MECHANISMS = ['flywheel', 'halving', 'pruning', 'clipping'] as const;
export type Mechanism = (typeof MECHANISMS)[number];
export type EventName = 'surge' | 'halving' | 'shock';

/** The facilitator's script in blocks from the start (the session table of docs/WORKSHOP.md at 5 blocks/s). */
export interface Script {
  surge: { block: number; tao: number; blocks: number };
  shock: { block: number; fraction: number };
  /** After an event, how long to wait before reading its effect on net worth. */
  window: number;
}

export const WORKSHOP_SCRIPT: Script = { surge: { block: 2100, tao: 2740, blocks: 150 }, shock: { block: 5700, fraction: 0.3 }, window: 300 };

/** The room docs/WORKSHOP.md asks for (two owners, a few validators and miners, the rest stakers), half of each careful. */
export const WORKSHOP_ROOM: Record<Role, number> = { owner: 2, validator: 4, miner: 4, staker: 10 };

export interface SeedFigures {
  seed: number;
  /** Largest emission share any subnet held for a whole minute (the lowest share over the minute). */
  maxEmissionShare: number;
  /** Longest stretch, in blocks, that one subnet held half of emission or more. */
  longestMajority: number;
  /** Return on starting net worth per role, for each stand-in kind. */
  returns: Record<StandIn, Partial<Record<Role, number>>>;
  /** A sensible stand-in topped its role's table. */
  roleTop: Partial<Record<Role, boolean>>;
  /** Podium places (of 3) held by the preset's own bots. */
  botPodium: number;
  /** Net-worth change of the sensible stand-ins across each event (median of them). */
  eventLoss: Partial<Record<EventName, number>>;
  visible: Record<Mechanism, boolean>;
  conservation: boolean;
}

const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export function quantile(xs: readonly number[], q: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(s.length - 1, lo + 1)] - s[lo]) * (i - lo);
}

/** Per subnet, the largest share it kept over every sample of a `window`-block stretch. */
export function heldShare(subnets: SeriesData['subnets'], window: number): number {
  const by = new Map<number, [number, number][]>();
  for (const r of subnets) (by.get(r[1]) ?? by.set(r[1], []).get(r[1])!).push([r[0], r[5]]);
  let best = 0;
  for (const rows of by.values()) {
    for (let i = 0; i < rows.length; i++) {
      let low = Infinity;
      let j = i;
      for (; j < rows.length && rows[j][0] - rows[i][0] <= window; j++) low = Math.min(low, rows[j][1]);
      if (rows[j - 1][0] - rows[i][0] >= window && low > best) best = low;
    }
  }
  return best;
}

/** Longest run of samples in which one subnet held at least `level` of emission, in blocks. */
export function longestAbove(subnets: SeriesData['subnets'], level: number): number {
  const by = new Map<number, [number, number][]>();
  for (const r of subnets) (by.get(r[1]) ?? by.set(r[1], []).get(r[1])!).push([r[0], r[5]]);
  let best = 0;
  for (const rows of by.values()) {
    let from: number | null = null;
    for (const [b, share] of rows) {
      if (share >= level) from ??= b;
      else from = null;
      if (from !== null) best = Math.max(best, b - from);
    }
  }
  return best;
}

/** Plays one seed of `scenario` with stand-ins and the script; returns its figures. */
export function playSeed(scenario: Scenario, seed: number, script: Script = WORKSHOP_SCRIPT, room: Record<Role, number> = WORKSHOP_ROOM): SeedFigures {
  const s = structuredClone(scenario);
  // The facilitator's events, fired as a facilitator would: the surge into the smallest pool of the moment.
  const smallest = (): Netuid => game.subnetIds().map((id) => game.subnetInfo(id)!).sort((a, b) => (a.taoIn < b.taoIn ? -1 : a.taoIn > b.taoIn ? 1 : a.netuid - b.netuid))[0].netuid;
  const events: [number, () => ScenarioEvent, EventName][] = [
    [script.surge.block, () => ({ type: 'inflow_surge', netuid: smallest(), tao: tao(script.surge.tao), blocks: script.surge.blocks }), 'surge'],
    [script.shock.block, () => ({ type: 'market_shock', fraction: script.shock.fraction }), 'shock'],
  ];
  const game = Game.create(s, seed);
  const standIns = new Map<string, { kind: StandIn; role: Role }>();
  // Half of each role careful, half naive, arriving in an order of the seed's own (a room fills
  // in no particular order, and who arrives first decides who lands in which subnet).
  const arrivals = ROLES.flatMap((role) => Array.from({ length: room[role] }, (_, k) => ({ role, k, kind: STAND_INS[k % 2] })));
  const order = seedRng(`${seed}/arrivals`);
  for (let i = arrivals.length - 1; i > 0; i--) {
    const j = nextInt(order, i + 1);
    [arrivals[i], arrivals[j]] = [arrivals[j], arrivals[i]];
  }
  for (const { role, k, kind } of arrivals) {
    const id = playerId(`${kind}-${role}-${k}`);
    const r = game.join(id, { name: `${kind} ${role} ${k}`, role, bot: kind });
    if (r.ok) standIns.set(id, { kind, role });
  }
  const sensible = [...standIns].filter(([, x]) => x.kind === 'sensible').map(([id]) => playerId(id));
  const worthOfSensible = () => sensible.map((id) => toUnits(game.netWorth(id) ?? 0n));
  const marks: { name: EventName; before: number[]; at: number }[] = [];
  const pending = new Map(events.map(([b, make, n]) => [b, { make, name: n }]));
  let halvingSeen = false;
  let pruned = false;
  let clipped = false;
  const duration = s.game.durationBlocks;
  const watchHalving = (evs: GameEvent[]) => {
    for (const e of evs) {
      if (e.type === 'halving' && !halvingSeen) {
        halvingSeen = true;
        marks.push({ name: 'halving', before: worthOfSensible(), at: game.block - game.startBlock });
      }
      if (e.type === 'subnet_pruned') pruned = true;
    }
  };
  for (let b = 1; b <= duration; b++) {
    const due = pending.get(b);
    if (due) {
      marks.push({ name: due.name, before: worthOfSensible(), at: b });
      game.trigger(due.make());
    }
    watchHalving(game.step());
    if (!clipped && b % (s.chain.tempo * 4) === 0) clipped = someoneClipped(game);
  }
  const board = game.leaderboard();
  const byId = new Map(board.map((r) => [r.id as string, r]));
  const returns: SeedFigures['returns'] = { sensible: {}, naive: {} };
  const roleTop: SeedFigures['roleTop'] = {};
  const gathered: Record<StandIn, Partial<Record<Role, number[]>>> = { sensible: {}, naive: {} };
  for (const [id, x] of standIns) {
    const row = byId.get(id)!;
    (gathered[x.kind][x.role] ??= []).push(returnOf(row));
    if (x.kind === 'sensible') roleTop[x.role] = roleTop[x.role] === true || row.roleRank === 1;
  }
  for (const kind of STAND_INS) for (const [role, xs] of Object.entries(gathered[kind]) as [Role, number[]][]) returns[kind][role] = median(xs);
  const series = game.series;
  const playerIndex = new Map(game.players().map((p, i) => [p.id as string, i]));
  const worthAt = (id: string, block: number): number => {
    const i = playerIndex.get(id)!;
    let v = NaN;
    for (const r of series.worth) if (r[1] === i && r[0] - game.startBlock <= block) v = r[2];
    return v;
  };
  // Each event's effect: the sensible players' worth `window` blocks later, against just before.
  const eventLoss: SeedFigures['eventLoss'] = {};
  for (const m of marks) {
    const later = sensible.map((id) => worthAt(id, m.at + script.window));
    eventLoss[m.name] = median(later.map((w, i) => (m.before[i] > 0 ? w / m.before[i] - 1 : NaN)));
  }
  const genesis = s.subnets.length;
  const playerSubnetShare = series.subnets.filter((r) => r[1] > genesis).reduce((m, r) => Math.max(m, r[5]), 0);
  return {
    seed,
    maxEmissionShare: heldShare(series.subnets, 300),
    longestMajority: longestAbove(series.subnets, 0.5),
    returns,
    roleTop,
    botPodium: board.slice(0, 3).filter((r) => r.bot && !standIns.has(r.id)).length,
    eventLoss,
    visible: { flywheel: playerSubnetShare >= 0.15, halving: halvingSeen, pruning: pruned, clipping: clipped },
    conservation: auditConservation(game.chain.state).length === 0,
  };
}

/** Some validator with a permit lost a fifth or more of its weight to Yuma's clipping at the last epoch. */
function someoneClipped(game: Game): boolean {
  for (const id of game.subnetIds()) {
    const info = game.subnetInfo(id);
    if (info?.neurons.some((n) => n.validatorPermit && n.validatorTrust > 0 && n.validatorTrust < CLIPPED_BELOW)) return true;
  }
  return false;
}

export interface BalanceSummary {
  seeds: number;
  maxEmissionShare: { median: number; p90: number };
  longestMajorityBlocks: { median: number; p90: number };
  roleReturn: Record<Role, { median: number; p10: number; p90: number }>;
  naiveReturn: Record<Role, { median: number; p10: number; p90: number }>;
  roleTopRate: Record<Role, number>;
  botPodiumRate: number;
  eventLoss: Partial<Record<EventName, number>>;
  visible: Record<Mechanism, number>;
  conservation: boolean;
}

const spread = (xs: number[]) => ({ median: median(xs), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9) });

export function summariseSeeds(all: readonly SeedFigures[]): BalanceSummary {
  const byRole = (kind: StandIn) => Object.fromEntries(ROLES.map((r) => [r, spread(all.map((f) => f.returns[kind][r] ?? NaN))])) as BalanceSummary['roleReturn'];
  const names: EventName[] = ['surge', 'halving', 'shock'];
  return {
    seeds: all.length,
    maxEmissionShare: { median: median(all.map((f) => f.maxEmissionShare)), p90: quantile(all.map((f) => f.maxEmissionShare), 0.9) },
    longestMajorityBlocks: { median: median(all.map((f) => f.longestMajority)), p90: quantile(all.map((f) => f.longestMajority), 0.9) },
    roleReturn: byRole('sensible'),
    naiveReturn: byRole('naive'),
    roleTopRate: Object.fromEntries(ROLES.map((r) => [r, all.filter((f) => f.roleTop[r]).length / Math.max(1, all.length)])) as Record<Role, number>,
    botPodiumRate: all.reduce((s, f) => s + f.botPodium, 0) / Math.max(1, 3 * all.length),
    eventLoss: Object.fromEntries(names.flatMap((n) => (all.some((f) => f.eventLoss[n] !== undefined) ? [[n, median(all.map((f) => f.eventLoss[n] ?? NaN))]] : []))),
    visible: Object.fromEntries(MECHANISMS.map((m) => [m, all.filter((f) => f.visible[m]).length / Math.max(1, all.length)])) as Record<Mechanism, number>,
    conservation: all.every((f) => f.conservation),
  };
}
