import type { Client, RoomException } from '@colyseus/core';
import { matchMaker, Room } from '@colyseus/core';
import type { GameSnapshot } from '../shared/game/index.ts';
import type { Ack, ActionRequest, ClientRequest, ControlRequest, CreateOptions, JoinRole, PlayerRole, QueryRequest, Ref, RoomControls, WireError, WireErrorCode } from '../shared/protocol/index.ts';
import { controlEntry, createOptionsChecker, joinOptionsChecker, MAX_SEATS, parseClientMessage, poolLimitsView } from '../shared/protocol/index.ts';
import { GameHost } from './game_host.ts';
import { announce } from './announce.ts';
import { debriefOf } from './debrief_view.ts';
import type { RoomArchive, RoomMeta } from './persistence/archive.ts';
import { EXPORT_POINTS, gameStore, loadGame, RESTORE_SECRET, RoomArchive as Archive } from './persistence/archive.ts';
import { rebuildGame } from './persistence/recovery.ts';
import type { ExportableGame } from './game_registry.ts';
import { games } from './game_registry.ts';
import { freshJoinCode } from './join_codes.ts';
import { Mirror } from './mirror.ts';
import { PrivateFeeds } from './private_feeds.ts';
import { addressOf, admission, admitMatchmake, admitSpectator, emptyRoomSeconds, TICKET_OPTION } from './admission.ts';
import { Refusal } from './refusal.ts';
import { nameForSeat } from './names.ts';
import { kitTransferRefusal } from './kits.ts';
import { TickBudget } from './tick_budget.ts';
import { SeriesCache } from './series_cache.ts';
import { MESSAGE_BURST, MESSAGES_PER_SECOND, RateLimiter } from './rate_limit.ts';
import type { GameRecord, LogEntry } from './record.ts';
import { ArenaState } from '../shared/protocol/schema.ts';
import { digestOf, newToken, sameToken, type TokenDigest, tokenMatches } from './secrets.ts';
import { TickStats } from './tick_stats.ts';

/** Seconds a dropped client has to come back with `client.reconnect` before it counts as gone. */
export const RECONNECT_SECONDS = 60;
/** Most actions one client may have waiting for the next block. */
const MAX_QUEUED_PER_CLIENT = 16;
/** Most blocks run in one tick when the server falls behind: it slows rather than stalls. */
const MAX_BLOCKS_PER_TICK = 20;
/** Shortest simulation tick; faster block rates run several blocks per tick. */
const MIN_TICK_MS = 50;
/** One connection: a player (playerId set) or a spectator. */
interface Member {
  playerId: string | null;
  limiter: RateLimiter;
  queued: number;
}

/** A player seat: survives disconnects, refreshes (by token) and leaving, until the game ends. */
interface Seat {
  key: TokenDigest;
  name: string;
  role: PlayerRole;
  sessionId: string | null;
  removed: boolean;
}

interface Queued {
  /** The sender's session: after a reconnect its Client object is a new one. */
  sessionId: string;
  playerId: string;
  request: ActionRequest;
  ref?: Ref;
}

/**
 * The room: the authority for one game. Client messages are validated (shared/protocol), actions
 * queued and applied in order at the next block boundary, blocks run at the scenario's rate, and
 * what changed is mirrored into the synced state and the private feeds.
 */
export class ArenaRoom extends Room<ArenaState> {
  maxClients = 250;
  autoDispose = false;

  static async onAuth(_token: string, options: unknown, context: Parameters<typeof admitMatchmake>[1]): Promise<{ address: string }> {
    return admitMatchmake(options, context);
  }

  private host!: GameHost;
  private mirror!: Mirror;
  private feeds!: PrivateFeeds;
  /** Handed once, to the creator's first welcome; the room keeps only its digest. */
  private creatorToken: string | null = newToken();
  private facilitatorKey: TokenDigest = digestOf(this.creatorToken!);
  private creatorPending = false;
  private isPublic = false;
  private quickplay = false;
  private seats = 0;
  private readonly members = new Map<string, Member>();
  private readonly seatsById = new Map<string, Seat>();
  private queue: Queued[] = [];
  private owedBlocks = 0;
  private emptyTimer: { clear(): void } | null = null;
  private restored = false;
  private admissionTicket: unknown;
  private readonly budget = new TickBudget();
  private readonly seriesCache = new SeriesCache();
  /** Where this game is kept (null when the process keeps no games, or for a replay). */
  private archive: RoomArchive | null = null;
  /** A replay room's source log, fed in at its blocks; null for a live game. */
  private replaySource: LogEntry[] | null = null;
  private replayUntil = 0;
  /** How long ticks that ran blocks took (ms): the load script reads it. */
  readonly tickTimes = new TickStats();
  /** How long encoding and sending each state patch took (ms). */
  readonly patchTimes = new TickStats();

  async onCreate(raw: unknown): Promise<void> {
    const restore = (raw as { restore?: unknown; restoreSecret?: unknown } | null) ?? {};
    if (typeof restore.restore === 'string' && restore.restoreSecret === RESTORE_SECRET) return this.restore(restore.restore);

    this.admissionTicket = (raw as Record<string, unknown> | null)?.[TICKET_OPTION];
    const opts = pickKnown(raw, ['preset', 'overrides', 'seed', 'name', 'role', 'autostart', 'public', 'seats', 'replay', 'fork']);
    const checked = createOptionsChecker(opts, 'options');
    if (!checked.ok) throw new Refusal(`INVALID_OPTIONS: ${checked.message}`);
    const o: CreateOptions = checked.value;
    const quickplay = (this.quickplay = (raw as { quickplay?: unknown } | null)?.quickplay === true);
    const host = o.replay || o.fork ? this.fromStoredGame(o) : GameHost.create({ preset: o.preset ?? 'workshop', overrides: o.overrides, seed: o.seed ?? newToken().slice(0, 8) });
    if ('code' in host) throw new Refusal(`INVALID_OPTIONS: ${host.message}`);

    const code = await freshJoinCode(async (c) => (await matchMaker.query({ roomId: c })).length > 0 || gameStore()?.game(c) != null);
    this.isPublic = (o.public === true || quickplay) && !this.replaySource;
    // A facilitated room stays unlisted until its creator has joined and taken the token.
    this.creatorPending = !quickplay;
    this.seats = Math.min(o.seats ?? host.defaultSeats(quickplay), MAX_SEATS);
    await this.open(code, host, o.autostart === false && !quickplay ? 'lobby' : 'running');
    const store = gameStore();
    if (store && !this.replaySource) this.archive = Archive.begin(store, code, host, this.roomMeta(), Date.now());
  }

  /**
   * A replay re-runs the stored game's log from block 0 (the room feeds it in at its blocks); a fork
   * rebuilds the state at the chosen block and plays on, its players keeping their seats and tokens.
   */
  private fromStoredGame(o: CreateOptions): GameHost {
    const source = (o.replay ?? o.fork)!;
    const store = gameStore();
    const loaded = store ? loadGame(store, source.code.toUpperCase(), source.block) : null;
    if (!loaded || !tokenMatches(loaded.meta.facilitatorKey, source.token)) throw new Refusal('NOT_FOUND: no stored game with that code and facilitator token');
    if (o.replay) {
      this.replaySource = loaded.record.log.slice();
      this.replayUntil = loaded.record.block;
      const host = GameHost.create(loaded.record);
      if ('code' in host) throw new Refusal(`INVALID_OPTIONS: ${host.message}`);
      return host;
    }
    for (const [playerId, seat] of loaded.meta.players) this.seatsById.set(playerId, { ...seat, sessionId: null });
    return rebuildGame(source.code.toUpperCase(), loaded);
  }

  /** A game this process was running when it stopped: same code, same tokens, same state. */
  private async restore(code: string): Promise<void> {
    const store = gameStore();
    const loaded = store ? loadGame(store, code) : null;
    if (!store || !loaded) throw new Error(`no stored game ${code}`);
    const { meta } = loaded;
    this.restored = true;
    const host = rebuildGame(code, loaded);
    this.facilitatorKey = meta.facilitatorKey;
    this.creatorToken = null;
    this.isPublic = meta.isPublic;
    this.quickplay = meta.quickplay;
    this.seats = meta.seats;
    for (const [playerId, seat] of meta.players) this.seatsById.set(playerId, { ...seat, sessionId: null });
    this.archive = Archive.attach(store, code, host);
    // Everyone was cut off by the restart; they count as away until they rejoin by token.
    for (const [playerId, seat] of this.seatsById) if (!seat.removed) host.setConnected(playerId, false);
    await this.open(code, host, meta.phase);
    this.state.clock.speed = meta.speed;
    // Rewritten at once: a game stored by an older version may still hold its tokens themselves.
    this.saveMeta();
    this.restartSimulation();
  }

  /** What every room does once it has its game, whether new, forked, replayed or restored. */
  private async open(code: string, host: GameHost, phase: RoomMeta['phase']): Promise<void> {
    this.host = host;
    this.roomId = code;
    this.setState(new ArenaState());
    this.mirror = new Mirror(this.state, host, this.roomId);
    this.feeds = new PrivateFeeds(host);
    this.state.clock.phase = phase;
    await this.setPrivate(this.creatorPending || !this.isPublic);

    this.onMessage('*', (client, type, payload) => this.receive(client, type, payload));
    this.setPatchRate(100);
    this.restartSimulation();
    this.mirror.sync(true);
    await this.updateListing();
    games.add(this.exportable());
    admission.openRoom(code, this.admissionTicket, host.game.scenario, this.state.clock.speed);
    this.armEmptyTimer();
  }

  /** The room's settings as persistence keeps them. */
  private roomMeta(): RoomMeta {
    const players = [...this.seatsById].map(([id, s]) => [id, { key: s.key, name: s.name, role: s.role, removed: s.removed }] as [string, RoomMeta['players'][number][1]]);
    return { facilitatorKey: this.facilitatorKey, isPublic: this.isPublic, quickplay: this.quickplay, seats: this.seats, phase: this.state.clock.phase as RoomMeta['phase'], speed: this.state.clock.speed, players };
  }

  private saveMeta(): void {
    this.archive?.meta(this.roomMeta());
  }

  onJoin(client: Client, raw: unknown): void {
    const o = joinOptionsChecker(pickKnown(raw, ['name', 'role', 'playerToken', 'bot']), 'options');
    if (!o.ok) throw new Refusal(`INVALID_OPTIONS: ${o.message}`);
    const isCreator = this.creatorPending;
    const name = o.value.name ?? (isCreator ? 'Facilitator' : 'Player');
    const wanted: JoinRole = o.value.role ?? (isCreator ? 'spectator' : 'staker');

    let playerId: string | null = null;
    let role: JoinRole = wanted;
    let token: string;
    const back = o.value.playerToken ? this.seatByToken(o.value.playerToken) : null;
    if (back) {
      [playerId, token, role] = [back[0], o.value.playerToken!, back[1].role];
      // The same seat from a new tab: the old connection, if still open, no longer speaks for it.
      const previous = back[1].sessionId;
      if (previous && previous !== client.sessionId) {
        this.members.delete(previous);
        this.feeds.unsubscribe(previous);
      }
      back[1].sessionId = client.sessionId;
      if (!back[1].removed) {
        this.host.setConnected(playerId, true);
        if (this.quickplay) this.host.makeRoomForHuman(back[1].role, this.seats);
      }
    } else if (wanted === 'spectator') {
      const full = admitSpectator(this.spectatorCount());
      if (full) throw new Refusal(`${full.code}: ${full.message}`);
      token = newToken();
    } else if (this.replaySource) {
      throw new Refusal('REPLAY: a replay is watched, not played; join as a spectator');
    } else {
      if (this.state.clock.phase === 'ended') throw new Refusal('GAME_OVER: the game has ended; join as a spectator');
      const named = nameForSeat(o.value.name, name, [...this.seatsById.values()].map((s) => s.name));
      if ('code' in named) throw new Refusal(`${named.code}: ${named.message}`);
      const joined = this.host.join(named.name, wanted, o.value.bot === true);
      if (!joined.ok) throw new Refusal(`${joined.error.code}: ${joined.error.message}`);
      playerId = joined.playerId;
      token = newToken();
      this.seatsById.set(playerId, { key: digestOf(token), name: named.name, role: wanted, sessionId: client.sessionId, removed: false });
      this.mirror.events(joined.events);
      if (this.quickplay) this.host.makeRoomForHuman(wanted, this.seats);
      this.saveMeta();
    }
    // Only a creator who actually got in takes the facilitator token.
    this.creatorPending = false;
    admission.connected(client.sessionId, addressOf(client));
    this.members.set(client.sessionId, { playerId, limiter: new RateLimiter(MESSAGES_PER_SECOND, MESSAGE_BURST, Date.now()), queued: 0 });
    this.feeds.subscribe(client, playerId);
    client.send('welcome', {
      code: this.roomId,
      playerId,
      role,
      name: playerId ? this.seatsById.get(playerId)!.name : name,
      playerToken: token,
      ...(isCreator && this.creatorToken ? { facilitatorToken: this.creatorToken } : {}),
      preset: this.host.preset,
      seed: this.host.seed,
      blocksPerSecond: this.host.blocksPerSecond,
      pool: poolLimitsView(this.host.chain.state.params),
    });
    if (isCreator) this.creatorToken = null;
    if (isCreator && this.isPublic) void this.setPrivate(false);
    this.disarmEmptyTimer();
    this.mirror.sync(true);
    this.mirror.spectators(this.spectatorCount());
    this.feeds.flush([client], true);
    void this.updateListing();
  }

  async onLeave(client: Client, consented: boolean): Promise<void> {
    const member = this.members.get(client.sessionId);
    const seat = member?.playerId ? this.seatsById.get(member.playerId) : undefined;
    const playerId = member?.playerId ?? null;
    if (seat && playerId && seat.sessionId === client.sessionId) {
      seat.sessionId = null;
      if (!seat.removed) this.host.setConnected(playerId, false);
      this.mirror.sync(true);
    }
    // A dropped socket (not a leave) may come back: players and spectators alike (a projector's wifi).
    if (member && !consented && this.state.clock.phase !== 'ended') {
      try {
        const back = await this.allowReconnection(client, RECONNECT_SECONDS);
        if (seat && playerId && seat.sessionId === null) {
          seat.sessionId = back.sessionId;
          if (!seat.removed) this.host.setConnected(playerId, true);
        }
        this.feeds.rebind(back);
        this.feeds.flush([back], true);
        this.mirror.sync(true);
        return;
      } catch {
        // Gone for good from this socket; the seat and its wallet stay (rejoin by token).
      }
    }
    this.members.delete(client.sessionId);
    this.feeds.unsubscribe(client.sessionId);
    if (this.quickplay && seat && !seat.removed && seat.sessionId === null && this.state.clock.phase !== 'ended') {
      this.host.fillSeatLeftBy(seat.role);
      this.mirror.sync(true);
    }
    admission.disconnected(client.sessionId);
    this.mirror.spectators(this.spectatorCount());
    if (this.clients.length === 0) this.armEmptyTimer();
    void this.updateListing();
  }

  onDispose(): void {
    // A room closed because everyone left long ago is over; one closed by a server shutdown is
    // not, and comes back on the next start.
    if (this.state.clock.phase !== 'ended' && matchMaker.state !== matchMaker.MatchMakerState.SHUTTING_DOWN) this.endGame();
    games.retire(this.exportable());
    admission.closeRoom(this.roomId);
  }

  /** What the export endpoints read: standings, and every subnet's series at every sampled block. */
  private exportable(): ExportableGame {
    return {
      code: this.roomId,
      facilitatorKey: this.facilitatorKey,
      results: () => this.host.results(this.roomId),
      series: (maxPoints = EXPORT_POINTS) => this.host.series(maxPoints, this.host.topSubnets(Infinity)),
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
    return this.host.record();
  }

  /** The whole game state as plain JSON (chain + game): what persistence snapshots every N blocks. */
  snapshot(): GameSnapshot {
    return this.host.game.snapshot();
  }

  // Messages ----------------------------------------------------------------------------------------

  private receive(client: Client, type: unknown, payload: unknown): void {
    const member = this.members.get(client.sessionId);
    if (!member) return;
    const now = Date.now();
    if (!member.limiter.take(now) || !admission.admitMessage(addressOf(client), now)) {
      if (member.limiter.shouldWarn(now)) this.refuse(client, String(type).slice(0, 32), 'TOO_MANY_MESSAGES', `more than ${MESSAGES_PER_SECOND} messages a second; some were dropped`);
      return;
    }
    const parsed = parseClientMessage(type, payload);
    const action = typeof type === 'string' ? type.slice(0, 32) : '?';
    if (!parsed.ok) return this.refuse(client, action, parsed.code, parsed.message, parsed.ref);
    const req: ClientRequest = parsed.value;
    if (req.kind === 'control') return this.control(client, action, req.token, req.request, parsed.ref);
    if (req.kind === 'query') return this.query(client, req.request);
    this.enqueue(client, member, req.request, parsed.ref);
  }

  private enqueue(client: Client, member: Member, request: ActionRequest, ref?: Ref): void {
    const phase = this.state.clock.phase;
    if (member.playerId === null) return this.refuse(client, request.type, 'SPECTATOR', 'spectators watch; join with a player role to act', ref);
    const seat = this.seatsById.get(member.playerId);
    if (!seat || seat.removed) return this.refuse(client, request.type, 'REMOVED', 'the facilitator removed you from this game', ref);
    if (phase === 'ended') return this.refuse(client, request.type, 'GAME_OVER', 'the game has ended', ref);
    if (phase === 'lobby') return this.refuse(client, request.type, 'NOT_STARTED', 'the game has not started yet', ref);
    if (member.queued >= MAX_QUEUED_PER_CLIENT) return this.refuse(client, request.type, 'QUEUE_FULL', `at most ${MAX_QUEUED_PER_CLIENT} actions may wait for the next block`, ref);
    member.queued++;
    this.queue.push({ sessionId: client.sessionId, playerId: member.playerId, request, ref });
  }

  private query(client: Client, q: QueryRequest): void {
    if (q.type === 'watch_subnet') return this.feeds.watch(client, q.netuid);
    if (q.type === 'get_debrief') return client.send('debrief', debriefOf(this.host));
    client.send('series', this.seriesCache.get(this.host, q.maxPoints, q.netuids));
  }

  private control(client: Client, action: string, token: string, c: ControlRequest, ref?: Ref): void {
    if (!tokenMatches(this.facilitatorKey, token)) return this.refuse(client, action, 'NOT_FACILITATOR', 'this needs the facilitator token', ref);
    const entry = controlEntry(c.type);
    if (this.state.clock.phase === 'ended' && !entry.afterEnd) return this.refuse(client, action, 'GAME_OVER', 'the game has ended', ref);
    if (this.replaySource && !entry.inReplay) return this.refuse(client, action, 'REPLAY', 'a replay follows its recorded game; pause, resume and speed are what it takes', ref);
    const r = entry.run(this.controls, c as never);
    if (!r.ok) return this.refuse(client, action, r.error.code, r.error.message, ref);
    this.mirror.events(r.events);
    this.ack(client, action, ref);
    this.saveMeta();
    this.mirror.sync(true);
    void this.updateListing();
  }

  /** What the facilitator's controls do to this room (shared/protocol/controls.ts names them). */
  private readonly controls: RoomControls = {
    start: () => {
      if (this.state.clock.phase !== 'lobby') return { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'the game has already started' } };
      this.state.clock.phase = 'running';
      return { ok: true, events: [] };
    },
    pause: () => {
      if (this.state.clock.phase === 'running') this.state.clock.phase = 'paused';
      // Everyone's wallet and watched table as of the paused block, not as of the last flush.
      this.feeds.flush(this.clients, true);
    },
    resume: () => {
      if (this.state.clock.phase === 'paused') this.state.clock.phase = 'running';
    },
    setSpeed: (speed) => {
      const tooFast = admission.admitSpeed(this.roomId, this.host.game.scenario, speed);
      if (tooFast) return { ok: false, error: tooFast };
      this.state.clock.speed = speed;
      this.restartSimulation();
      return { ok: true, events: [] };
    },
    end: () => this.endGame(),
    trigger: (event) => this.host.trigger(event),
    addBot: (role, strategy) => this.host.addBot(role, strategy),
    removeBot: (playerId) => this.host.removeBot(playerId),
    announce: (text, pause) => {
      if (pause) this.controls.pause();
      announce(this, this.state.clock, { type: 'announce', text, pause }, this.host.block);
    },
    showDebrief: (page) => announce(this, this.state.clock, { type: 'show_debrief', page }, this.host.block),
    removePlayer: (playerId) => {
      const seat = this.seatsById.get(playerId);
      if (!seat) {
        const r = this.host.removeBot(playerId);
        return r.ok ? r : { ok: false, error: { code: 'UNKNOWN_PLAYER', message: `no player ${playerId} in this game` } };
      }
      const r = this.host.remove(playerId);
      if (!r.ok) return r;
      seat.removed = true;
      // Their queued actions die with their seat.
      this.queue = this.queue.filter((q) => q.playerId !== playerId);
      const sessionId = seat.sessionId;
      const member = sessionId ? this.members.get(sessionId) : undefined;
      if (member) member.queued = 0;
      return r;
    },
  };

  private ack(client: Client, action: string, ref?: Ref): void {
    const ack: Ack = { action, ...(ref !== undefined ? { ref } : {}), block: this.host.block };
    client.send('ack', ack);
  }

  private refuse(client: Client, action: string, code: WireErrorCode, message: string, ref?: Ref, facts?: WireError['facts']): void {
    const error: WireError = { code, message, action, ...(ref !== undefined ? { ref } : {}), ...(facts ? { facts } : {}) };
    client.send('error', error);
  }

  // Blocks ------------------------------------------------------------------------------------------

  private blocksPerSecond(): number {
    return this.host.blocksPerSecond * this.state.clock.speed;
  }

  private restartSimulation(): void {
    const interval = Math.max(MIN_TICK_MS, 1000 / this.blocksPerSecond());
    this.setSimulationInterval((dt) => this.tick(dt), interval);
  }

  private tick(deltaMs: number): void {
    if (this.state.clock.phase !== 'running') {
      this.owedBlocks = 0;
      return;
    }
    this.owedBlocks = Math.min(this.owedBlocks + (deltaMs * this.blocksPerSecond()) / 1000, MAX_BLOCKS_PER_TICK);
    const started = performance.now();
    if (!this.budget.mayRun(started)) return;
    let ran = 0;
    while (this.owedBlocks >= 1 && this.state.clock.phase === 'running' && this.budget.more(started, performance.now())) {
      this.owedBlocks -= 1;
      this.runBlock();
      this.archive?.afterBlock(this.host);
      ran++;
    }
    this.budget.done(started, performance.now());
    if (ran === 0) return;
    this.mirror.sync(false);
    this.feeds.flush(this.clients, false);
    if (this.host.block % 50 < ran) void this.updateListing();
    this.tickTimes.record(performance.now() - started);
  }

  /** One block boundary: the queued actions in arrival order (a replay's recorded ones), then the chain steps. */
  private runBlock(): void {
    if (this.replaySource) return this.runReplayBlock(this.replaySource);
    const queue = this.queue;
    this.queue = [];
    for (const q of queue) {
      const member = this.members.get(q.sessionId);
      if (member) member.queued = Math.max(0, member.queued - 1);
      const kit = kitTransferRefusal(this.host, q.playerId, q.request);
      const result = kit ? { ok: false as const, error: kit } : this.host.act(q.playerId, q.request);
      const client = this.clients.getById(q.sessionId);
      if (result.ok) {
        this.mirror.events(result.events);
        this.feeds.touch(q.sessionId);
        if (client) this.ack(client, q.request.type, q.ref);
      } else if (client) this.refuse(client, q.request.type, result.error.code, result.error.message, q.ref, this.host.refusalFacts(q.playerId, q.request, result.error.code));
    }
    const events = this.host.step();
    this.mirror.events(events);
    if (this.host.over) this.endGame();
  }

  private runReplayBlock(source: LogEntry[]): void {
    while (source.length > 0 && source[0].block <= this.host.block) {
      const r = this.host.apply(source.shift()!);
      if (r.ok) this.mirror.events(r.events);
    }
    if (source.length === 0 && this.host.block >= this.replayUntil) return this.endGame();
    this.mirror.events(this.host.step());
    if (this.host.over) this.endGame();
  }

  private endGame(): void {
    if (this.state.clock.phase === 'ended') return;
    this.host.end();
    this.state.clock.phase = 'ended';
    this.queue = [];
    for (const m of this.members.values()) m.queued = 0;
    this.mirror.sync(true);
    const results = this.host.results(this.roomId);
    this.broadcast('results', results);
    this.saveMeta();
    this.archive?.finish({ results, series: this.host.series(EXPORT_POINTS, this.host.topSubnets(Infinity)) }, Date.now());
    void this.updateListing();
  }

  // Housekeeping ------------------------------------------------------------------------------------

  broadcastPatch(): boolean {
    const started = performance.now();
    const sent = super.broadcastPatch();
    if (sent) this.patchTimes.record(performance.now() - started);
    return sent;
  }

  private seatByToken(token: string): [string, Seat] | null {
    const key = digestOf(token);
    for (const entry of this.seatsById) if (sameToken(entry[1].key, key)) return entry;
    return null;
  }

  private spectatorCount(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.playerId === null) n++;
    return n;
  }

  private async updateListing(): Promise<void> {
    // A quick-play seat whose person left is a bot's until someone comes, so it counts as free.
    const humans = [...this.seatsById.values()].filter((s) => !s.removed && (!this.quickplay || s.sessionId !== null)).length;
    await this.setMetadata({ preset: this.host.preset, block: this.host.block, players: humans, freeSeats: Math.max(0, this.seats - humans), phase: this.state.clock.phase });
  }

  private armEmptyTimer(): void {
    this.disarmEmptyTimer();
    this.emptyTimer = this.clock.setTimeout(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, emptyRoomSeconds(this.restored) * 1000);
  }

  private disarmEmptyTimer(): void {
    this.emptyTimer?.clear();
    this.emptyTimer = null;
  }
}


/** Only the options a room understands; Colyseus and SDKs may add their own keys beside them. */
function pickKnown(raw: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (raw === null || typeof raw !== 'object') return out;
  for (const k of keys) if (Object.hasOwn(raw, k)) out[k] = (raw as Record<string, unknown>)[k];
  return out;
}
