// A room's blocks: each simulation tick runs the blocks its clock owes while the tick is within its
// budget, then sends what they changed; each block applies what waited for it (the players' queued
// actions, or a replay's recorded log) and steps the chain; the end block, or the facilitator, ends
// the game.
import type { Client } from '@colyseus/core';
import type { ResultsView, SeriesView } from '../shared/protocol/index.ts';
import type { ActionQueue, Queued } from './action_queue.ts';
import { BlockClock, tickInterval } from './block_clock.ts';
import type { GameHost } from './game_host.ts';
import type { BlockFeed } from './game_source.ts';
import { kitTransferRefusal } from './kits.ts';
import type { Mirror } from './mirror.ts';
import type { RoomArchive } from './persistence/archive.ts';
import { EXPORT_POINTS } from './persistence/archive.ts';
import type { PrivateFeeds } from './private_feeds.ts';
import { ack, refuse } from './replies.ts';
import { TickBudget } from './tick_budget.ts';
import { TickStats } from './tick_stats.ts';

/** The lobby's listing shows the block: refreshed by a tick whose blocks pass a multiple of this. */
const LISTING_EVERY_BLOCKS = 50;

/** The game a room runs now, and where its changes go: a practice round's gives way to the real game's. */
export interface RunningGame {
  host: GameHost;
  /** A replay's recorded log; null: the players' queued actions. */
  feed: BlockFeed | null;
  mirror: Mirror;
  feeds: PrivateFeeds;
  /** Where the game is kept (null when it is not). */
  archive: RoomArchive | null;
}

/** The room around the blocks. */
export interface BlockRoom {
  readonly code: string;
  readonly clock: { phase: string; speed: number };
  readonly queue: ActionQueue;
  /** The room's connections: the feeds go to them, an action's reply to its sender. */
  readonly clients: Iterable<Client> & { getById(sessionId: string): Client | undefined };
  game(): RunningGame;
  broadcast(type: 'results', results: ResultsView): void;
  /** The phase changed: the kept settings follow. */
  saveMeta(): void;
  updateListing(): void;
}

/** Every subnet's series, as the exports and the finished game keep it. */
export const fullSeries = (host: GameHost, maxPoints: number): SeriesView => host.series(maxPoints, host.topSubnets(Infinity));

export class BlockRunner {
  private readonly blocks = new BlockClock();
  private readonly budget = new TickBudget();
  /** How long ticks that ran blocks took (ms): the load script reads it. */
  readonly tickTimes = new TickStats();
  /** The same ticks by part: the blocks (with their archive writes), mirroring, the private feeds. */
  readonly tickParts = { blocks: new TickStats(), mirror: new TickStats(), feeds: new TickStats() };

  constructor(
    private readonly room: BlockRoom,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The simulation interval for the game's block rate at the room's speed. */
  interval(): number {
    return tickInterval(this.blocksPerSecond());
  }

  private blocksPerSecond(): number {
    return this.room.game().host.blocksPerSecond * this.room.clock.speed;
  }

  tick(deltaMs: number): void {
    const clock = this.room.clock;
    const running = () => clock.phase === 'running';
    this.blocks.advance(deltaMs, this.blocksPerSecond(), running());
    if (!running()) return;
    const started = this.now();
    if (!this.budget.mayRun(started)) return;
    const game = this.room.game();
    let ran = 0;
    while (running() && this.budget.more(started, this.now()) && this.blocks.take()) {
      this.runBlock(game);
      game.archive?.afterBlock(game.host);
      ran++;
    }
    const blocksDone = this.now();
    this.budget.done(started, blocksDone);
    if (ran === 0) return;
    game.mirror.sync(false);
    const mirrored = this.now();
    game.feeds.flush(this.room.clients, false, started);
    if (game.host.block % LISTING_EVERY_BLOCKS < ran) this.room.updateListing();
    const ended = this.now();
    this.tickParts.blocks.record(blocksDone - started);
    this.tickParts.mirror.record(mirrored - blocksDone);
    this.tickParts.feeds.record(ended - mirrored);
    this.tickTimes.record(ended - started);
  }

  /** One block boundary: the queued actions in arrival order (a replay's recorded ones), then the chain steps. */
  private runBlock(game: RunningGame): void {
    if (!game.feed) this.room.queue.drain((q) => this.applyQueued(game, q));
    else if (game.feed.beforeStep(game.host, (events) => game.mirror.events(events)) === 'end') return this.endGame();
    game.mirror.events(game.host.step());
    if (game.host.over) this.endGame();
  }

  private applyQueued(game: RunningGame, q: Queued): void {
    const { host } = game;
    const kit = kitTransferRefusal(host, q.playerId, q.request);
    const result = kit ? { ok: false as const, error: kit } : host.act(q.playerId, q.request);
    const client = this.room.clients.getById(q.sessionId);
    if (result.ok) {
      game.mirror.events(result.events);
      game.feeds.touch(q.sessionId);
      if (client) ack(client, q.request.type, host.block, q.ref);
    } else if (client) refuse(client, q.request.type, result.error.code, result.error.message, q.ref, host.refusalFacts(q.playerId, q.request, result.error.code));
  }

  endGame(): void {
    const clock = this.room.clock;
    if (clock.phase === 'ended') return;
    const game = this.room.game();
    game.host.end();
    clock.phase = 'ended';
    this.room.queue.clear();
    game.mirror.sync(true);
    const results = game.host.results(this.room.code);
    this.room.broadcast('results', results);
    this.room.saveMeta();
    game.archive?.finish({ results, series: fullSeries(game.host, EXPORT_POINTS) }, Date.now());
    this.room.updateListing();
  }
}
