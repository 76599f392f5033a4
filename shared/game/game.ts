import type { ChainSnapshot, Netuid, Rao, Uid } from '../engine/index.ts';
import { Chain } from '../engine/index.ts';
import { eventEntry } from '../protocol/scenario_events.ts';
import { PHASES, sampleWorth } from './block.ts';
import type { BotRefusal } from './bot_turns.ts';
import { decode, encode } from './codec.ts';
import { genesis, MARKET } from './genesis.ts';
import type { LeaderboardRow } from './leaderboard.ts';
import { act } from './moves.ts';
import type { JoinOptions, JoinResult, PlayerInfo } from './players.ts';
import { addBot, info, join, remove, removeBot, setConnected } from './players.ts';
import * as queries from './queries.ts';
import type { SubnetInfo } from './queries.ts';
import type { Scenario } from './scenario.ts';
import { parseScenarioEvent } from './scenario_events.ts';
import type { SeriesData } from './series.ts';
import { newStory, noteStory, type StoryEvent } from './story.ts';
import { emptySeries, recordBlock } from './series.ts';
import type { GameState, SubnetLabel } from './state.ts';
import type { ActResult, GameAction, GameEvent, PlayerId, Role, ScenarioEvent } from './types.ts';
import { World } from './world.ts';

export interface GameSnapshot {
  version: 1;
  chain: ChainSnapshot;
  game: unknown;
}

/**
 * The game on the chain: its state (the chain and `GameState` beside it), `act` (a player's move,
 * from the table of moves), `trigger` (a scenario event, from the table of events), `step` (one
 * block: the phases in block.ts, in order), and snapshot/restore. Players, the economy, incumbents,
 * the outside market and the queries are modules of their own. Pure like the chain: every change to
 * the chain goes through its own methods (`apply`, `step`, `decreeTaoHalving`), randomness comes
 * from the chain's RNG (and each validator's own noise stream, seeded from the game seed), and the
 * same seed with the same calls gives byte-identical snapshots.
 */
export class Game {
  private readonly w: World;

  private constructor(chain: Chain, g: GameState) {
    this.w = new World(chain, g);
  }

  static create(scenario: Scenario, seed: number | string): Game {
    const seedText = String(seed);
    const { chain, incumbents, labels } = genesis(scenario, seedText);
    const game = new Game(chain, {
      version: 1,
      seed: seedText,
      scenario: structuredClone(scenario),
      startBlock: chain.block,
      players: [],
      labels,
      epochPrices: {},
      incumbents,
      market: MARKET,
      surges: [],
      botSeats: 0,
      over: false,
      series: emptySeries(),
      story: newStory(labels),
    });
    for (const seat of scenario.game.bots) game.addBot(seat.role, seat.strategy);
    recordBlock(game.w.g.series, chain, true);
    sampleWorth(game.w);
    return game;
  }

  static restore(snapshot: unknown): Game {
    const s = snapshot as GameSnapshot;
    if (s?.version !== 1 || !s.chain || !s.game) throw new Error('not a Subnet Arena game snapshot (version 1)');
    const g = decode(s.game) as GameState;
    // Snapshots from before the story was kept in the game: its story begins at the restore.
    g.story ??= newStory(g.labels);
    return new Game(Chain.restore(s.chain), g);
  }

  snapshot(): GameSnapshot {
    return { version: 1, chain: this.w.chain.snapshot(), game: encode(this.w.g) };
  }

  // State.

  get chain(): Chain {
    return this.w.chain;
  }
  get scenario(): Scenario {
    return this.w.g.scenario;
  }
  get seed(): string {
    return this.w.g.seed;
  }
  get block(): number {
    return this.w.block;
  }
  get startBlock(): number {
    return this.w.g.startBlock;
  }
  get endBlock(): number {
    return this.w.endBlock;
  }
  get over(): boolean {
    return this.w.g.over;
  }
  get series(): SeriesData {
    return this.w.g.series;
  }
  /** What the debrief tells of the game so far (story.ts). */
  get story(): readonly StoryEvent[] {
    return this.w.g.story.events;
  }
  /** Refused bot moves since this instance was created (not part of the snapshot). */
  get botRefusals(): readonly BotRefusal[] {
    return this.w.botRefusals;
  }

  // Changes.

  join(id: PlayerId, opts: JoinOptions): JoinResult {
    return this.told(join(this.w, id, opts));
  }
  /** Marks a player as disconnected; its wallet and holdings stay until the game ends. */
  leave(id: PlayerId): boolean {
    return setConnected(this.w, id, false);
  }
  /** Marks a returning player as connected again (not one the facilitator removed). */
  rejoin(id: PlayerId): boolean {
    return setConnected(this.w, id, true);
  }
  remove(id: PlayerId): ActResult {
    return remove(this.w, id);
  }
  addBot(role: Role, strategy: string): JoinResult {
    return this.told(addBot(this.w, role, strategy));
  }
  removeBot(id: PlayerId): ActResult {
    return removeBot(this.w, id);
  }

  /** A player's move (see the table of moves, shared/protocol/actions.ts). A refusal changes nothing. */
  act(id: PlayerId, action: GameAction): ActResult {
    return this.told(act(this.w, id, action));
  }

  /** A facilitator's (or the schedule's) event. Checked first; a refused event changes nothing. */
  trigger(raw: ScenarioEvent | unknown): ActResult {
    return this.told(this.fire(raw));
  }

  private fire(raw: ScenarioEvent | unknown): ActResult {
    const event = parseScenarioEvent(raw);
    if ('code' in event) return { ok: false, error: event };
    const w = this.w;
    const r = eventEntry(event.type).apply({ chain: w.chain, market: w.g.market, surges: w.g.surges }, event as never);
    if ('code' in r) return { ok: false, error: r };
    w.changed();
    return { ok: true, events: [{ type: 'scenario_event', block: w.block, event }, ...r] };
  }

  /** One block: the phases of block.ts, in order. */
  step(): GameEvent[] {
    const trigger = (e: ScenarioEvent): GameEvent[] => {
      const r = this.fire(e);
      return r.ok ? r.events : [];
    };
    const events: GameEvent[] = [];
    for (const phase of PHASES) events.push(...phase(this.w, trigger));
    noteStory(this.w.g.story, events);
    return events;
  }

  /** Every change's events pass here on their way out, so the story hears each once. */
  private told<R extends { ok: boolean; events?: GameEvent[] }>(r: R): R {
    if (r.ok && r.events) noteStory(this.w.g.story, r.events);
    return r;
  }

  // Queries (queries.ts).

  players(): PlayerInfo[] {
    return this.w.g.players.map(info);
  }
  player(id: PlayerId): PlayerInfo | null {
    const p = this.w.byId.get(id);
    return p ? info(p) : null;
  }
  leaderboard(): LeaderboardRow[] {
    return queries.leaderboard(this.w);
  }
  netWorth(id: PlayerId): Rao | null {
    return queries.netWorth(this.w, id);
  }
  observationsFor(id: PlayerId): { netuid: Netuid; readings: { uid: Uid; hotkey: string; quality: number }[] } | null {
    return queries.observationsFor(this.w, id);
  }
  subnetInfo(netuid: Netuid): SubnetInfo | null {
    return queries.subnetInfo(this.w, netuid);
  }
  trueQualities(netuid: Netuid): number[] {
    return queries.trueQualities(this.w, netuid);
  }
  subnetLabel(netuid: Netuid): SubnetLabel | null {
    return queries.subnetLabel(this.w, netuid);
  }
  positions(id: PlayerId): { netuid: Netuid; hotkey: string; alpha: Rao; value: Rao }[] {
    return queries.positions(this.w, id);
  }
  subnetIds(): Netuid[] {
    return queries.subnetIds(this.w);
  }
}
