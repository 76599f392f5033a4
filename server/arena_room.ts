import type { Client, RoomException } from '@colyseus/core';
import { matchMaker, Room } from '@colyseus/core';
import type { GameSnapshot } from '../shared/game/index.ts';
import type { RoomControls } from '../shared/protocol/index.ts';
import { poolLimitsView } from '../shared/protocol/index.ts';
import { ArenaState } from '../shared/protocol/schema.ts';
import { ActionQueue } from './action_queue.ts';
import { addressOf, admission, admitMatchmake, checkCreateOptions, emptyRoomSeconds, TICKET_OPTION } from './admission.ts';
import { Notices } from './announce.ts';
import type { RunningGame } from './block_runner.ts';
import { BlockRunner, fullSeries } from './block_runner.ts';
import { roomControls } from './controls.ts';
import type { ExportableGame } from './game_registry.ts';
import { games } from './game_registry.ts';
import type { GameSource } from './game_source.ts';
import { createdSource, realGameSource, restoredSource } from './game_source.ts';
import { freshJoinCode } from './join_codes.ts';
import { Mirror } from './mirror.ts';
import type { RoomArchive, RoomMeta } from './persistence/archive.ts';
import { EXPORT_POINTS, gameStore, RESTORE_SECRET } from './persistence/archive.ts';
import { PrivateFeeds } from './private_feeds.ts';
import { QuickPlaySeats } from './quickplay.ts';
import type { GameRecord } from './record.ts';
import { Refusal } from './refusal.ts';
import { Requests } from './requests.ts';
import { RoomSettings } from './room_settings.ts';
import type { Table } from './seating.ts';
import { RECONNECT_SECONDS, Seating } from './seating.ts';
import { TickStats } from './tick_stats.ts';

/** The game a room runs now and what follows it: a practice round's gives way to the real game's. */
type RoomGame = Omit<RunningGame, 'archive'> & Omit<Table, 'phase'> & { controls: RoomControls };

/**
 * The room: the authority for one game, as Colyseus hooks. What clients ask (actions queued for
 * the next block boundary, the facilitator's controls, queries) is requests.ts. Who comes and goes as
 * what is seating.ts (seats and tokens seats.ts); the blocks, the actions applied at them and what
 * they change in the synced state and the private feeds block_runner.ts. Where the game comes from
 * is game_source.ts; the room's own settings room_settings.ts; what each player sees views/.
 */
export class ArenaRoom extends Room<ArenaState> {
  maxClients = 250;
  autoDispose = false;

  static async onAuth(_token: string, options: unknown, context: Parameters<typeof admitMatchmake>[1]): Promise<{ address: string }> {
    return admitMatchmake(options, context);
  }

  private settings!: RoomSettings;
  private game!: RoomGame;
  /** Where this game is kept (null when the process keeps no games, or for a replay). */
  private archive: RoomArchive | null = null;
  private readonly seating = new Seating(
    () => ({ ...this.game, phase: this.state.clock.phase }),
    () => this.saveMeta(),
  );
  private readonly queue = new ActionQueue();
  private runner!: BlockRunner;
  private emptyTimer: { clear(): void } | null = null;
  private admissionTicket: unknown;
  private readonly notices = new Notices(this, () => this.state.clock.phase);
  /** How long encoding and sending each state patch took (ms). */
  readonly patchTimes = new TickStats();

  /** How long ticks that ran blocks took (ms), whole and by part: the load script reads them. */
  get tickTimes(): TickStats {
    return this.runner.tickTimes;
  }

  get tickParts(): BlockRunner['tickParts'] {
    return this.runner.tickParts;
  }

  async onCreate(raw: unknown): Promise<void> {
    const restore = (raw as { restore?: unknown; restoreSecret?: unknown } | null) ?? {};
    if (typeof restore.restore === 'string' && restore.restoreSecret === RESTORE_SECRET) return this.restore(restore.restore);
    this.admissionTicket = (raw as Record<string, unknown> | null)?.[TICKET_OPTION];
    return admission.building(this.admissionTicket, () => this.create(raw));
  }

  /** A new game, a fork or a replay, as its create options ask. */
  private async create(raw: unknown): Promise<void> {
    const checked = checkCreateOptions(raw);
    if (!checked.ok) throw new Refusal(`INVALID_OPTIONS: ${checked.message}`);
    const o = checked.value;
    const source = createdSource(o);

    const code = await freshJoinCode(async (c) => (await matchMaker.query({ roomId: c })).length > 0 || gameStore()?.game(c) != null);
    this.settings = RoomSettings.created(o, (raw as { quickplay?: unknown } | null)?.quickplay === true, source.playable);
    await this.open(code, source, this.settings.autostart ? 'running' : 'lobby');
    this.state.clock.practice = o.practice === true && source.playable;
    this.archive = source.keep(code, this.roomMeta());
  }

  /** A game this process was running when it stopped: same code, same tokens, same state. */
  private async restore(code: string): Promise<void> {
    const source = restoredSource(code);
    const meta = source.meta;
    this.settings = RoomSettings.restored(meta);
    this.archive = source.keep(code, meta);
    await this.open(code, source, meta.phase);
    this.state.clock.speed = meta.speed;
    this.state.clock.practice = meta.practice === true;
    // Rewritten at once: a game stored by an older version may still hold its tokens themselves.
    this.saveMeta();
    this.restartSimulation();
  }

  /** What every room does once it has its game, whether new, forked, replayed or restored. */
  private async open(code: string, source: GameSource, phase: RoomMeta['phase']): Promise<void> {
    this.roomId = code;
    this.setState(new ArenaState());
    this.runner = new BlockRunner({
      code,
      clock: this.state.clock,
      queue: this.queue,
      clients: this.clients,
      game: () => ({ ...this.game, archive: this.archive }),
      broadcast: (type, results) => this.broadcast(type, results),
      saveMeta: () => this.saveMeta(),
      updateListing: () => void this.updateListing(),
    });
    this.drive(source);
    this.state.clock.phase = phase;
    await this.setPrivate(!this.settings.listed);

    const requests = new Requests({ seating: this.seating, settings: this.settings, clock: this.state.clock, queue: this.queue, game: () => this.game, saveMeta: () => this.saveMeta(), updateListing: () => void this.updateListing() });
    this.onMessage('*', (client, type, payload) => requests.receive(client, type, payload));
    this.setPatchRate(100);
    this.restartSimulation();
    this.game.mirror.sync(true);
    await this.updateListing();
    games.add(this.exportable());
    admission.openRoom(code, this.admissionTicket, source.host.game.scenario, this.state.clock.speed);
    this.armEmptyTimer();
  }

  /** Wires the room to a game: the synced state, the private feeds (same clients, same watched subnets), quick seats and controls follow it. */
  private drive(source: GameSource): void {
    const { host, seats } = source;
    this.game = {
      host,
      seats,
      playable: source.playable,
      feed: source.feed,
      mirror: new Mirror(this.state, host, this.roomId),
      feeds: new PrivateFeeds(host, this.game?.feeds),
      quickSeats: this.settings.quickplay ? new QuickPlaySeats(host, this.settings.seats) : null,
      controls: roomControls({
        host,
        seats,
        queue: this.queue,
        clock: this.state.clock,
        restartSimulation: () => this.restartSimulation(),
        admitSpeed: (speed) => admission.admitSpeed(this.roomId, host.game.scenario, speed),
        flushFeeds: () => this.game.feeds.flush(this.clients, true),
        endGame: () => this.runner.endGame(),
        notices: this.notices,
        startRealGame: () => this.startRealGame(),
      }),
    };
  }

  /**
   * The practice round is over: the same room, people and seats in the real game from block 0,
   * kits restored; what waited in the queue was meant for the practice. The stored practice is
   * replaced by the real game, so a restart brings back the real one.
   */
  private startRealGame(): void {
    this.queue.clear();
    this.state.events.clear();
    const source = realGameSource(this.game.host, this.game.seats);
    this.drive(source);
    this.state.clock.phase = this.settings.autostart ? 'running' : 'lobby';
    this.state.clock.practice = false;
    this.archive = source.keep(this.roomId, this.roomMeta());
    this.game.mirror.sync(true);
    this.game.feeds.flush(this.clients, true);
    this.notices.post({ type: 'announce', text: 'The practice is over: kits are restored and the real game starts from block 0.', pause: false }, source.host.block);
  }

  /** The room's settings as persistence keeps them. */
  private roomMeta(): RoomMeta {
    const clock = this.state.clock;
    return this.settings.meta({ phase: clock.phase as RoomMeta['phase'], speed: clock.speed, practice: clock.practice }, this.game.seats);
  }

  private saveMeta(): void {
    this.archive?.meta(this.roomMeta());
  }

  onJoin(client: Client, raw: unknown): void {
    const isCreator = this.settings.awaitingCreator;
    const seated = this.seating.join(client, raw, isCreator, Date.now());
    // Only a creator who actually got in takes the facilitator token.
    const facilitatorToken = this.settings.arrived();
    admission.connected(client.sessionId, addressOf(client));
    const { host } = this.game;
    client.send('welcome', {
      code: this.roomId,
      ...seated,
      ...(facilitatorToken ? { facilitatorToken } : {}),
      preset: host.preset,
      seed: host.seed,
      blocksPerSecond: host.blocksPerSecond,
      pool: poolLimitsView(host.chain.state.params),
    });
    if (isCreator && this.settings.listed) void this.setPrivate(false);
    this.disarmEmptyTimer();
    this.game.mirror.sync(true);
    this.game.mirror.spectators(this.seating.spectators());
    this.game.feeds.flush([client], true);
    this.notices.greet(client);
    void this.updateListing();
  }

  async onLeave(client: Client, consented: boolean): Promise<void> {
    const leaving = this.seating.leave(client.sessionId, consented);
    if (leaving.mayReturn) {
      try {
        leaving.returned(await this.allowReconnection(client, RECONNECT_SECONDS));
        return;
      } catch {
        // Gone for good from this socket.
      }
    }
    leaving.gone();
    admission.disconnected(client.sessionId);
    if (this.clients.length === 0) this.armEmptyTimer();
    void this.updateListing();
  }

  onDispose(): void {
    // A room closed because everyone left long ago is over; one closed by a server shutdown is
    // not, and comes back on the next start.
    if (this.state.clock.phase !== 'ended' && matchMaker.state !== matchMaker.MatchMakerState.SHUTTING_DOWN) this.runner.endGame();
    this.archive?.close();
    games.retire(this.exportable(), this.archive !== null);
    admission.closeRoom(this.roomId);
  }

  /** What the export endpoints read: standings, and every subnet's series at every sampled block. */
  private exportable(): ExportableGame {
    return {
      code: this.roomId,
      facilitatorKey: this.settings.facilitatorKey,
      results: () => this.game.host.results(this.roomId),
      series: (maxPoints = EXPORT_POINTS) => fullSeries(this.game.host, maxPoints),
    };
  }

  onUncaughtException(error: RoomException<this>, methodName: string): void {
    // Never let one bad message or tick take the process (and every other room) down. A refused
    // create or join is not a fault: the client already has its message.
    const cause = error.cause ?? error;
    if (cause instanceof Refusal) return;
    console.error(`[arena ${this.roomId}] uncaught in ${methodName}:`, cause);
  }

  /** The game's record (scenario, seed, accepted log): what persistence stores and replay re-runs. */
  record(): GameRecord {
    return this.game.host.record();
  }

  /** The whole game state as plain JSON (chain + game): what persistence snapshots every N blocks. */
  snapshot(): GameSnapshot {
    return this.game.host.game.snapshot();
  }

  private restartSimulation(): void {
    this.setSimulationInterval((dt) => this.runner.tick(dt), this.runner.interval());
  }

  // Housekeeping ------------------------------------------------------------------------------------

  broadcastPatch(): boolean {
    const started = performance.now();
    const sent = super.broadcastPatch();
    if (sent) this.patchTimes.record(performance.now() - started);
    return sent;
  }

  private async updateListing(): Promise<void> {
    const { host, seats } = this.game;
    await this.setMetadata({ preset: host.preset, block: host.block, ...this.settings.listing(seats), phase: this.state.clock.phase });
  }

  private armEmptyTimer(): void {
    this.disarmEmptyTimer();
    this.emptyTimer = this.clock.setTimeout(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, emptyRoomSeconds(this.settings.restored) * 1000);
  }

  private disarmEmptyTimer(): void {
    this.emptyTimer?.clear();
    this.emptyTimer = null;
  }
}
