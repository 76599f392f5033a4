import type { IncomingMessage } from 'node:http';
import { buildScenario, isScenarioError, scenarioLoadMs } from '../shared/game/overrides.ts';
import { createOptionsChecker } from '../shared/protocol/index.ts';
import type { Scenario } from '../shared/game/scenario.ts';
import { logRefusal, Refusal } from './refusal.ts';
import { newToken } from './secrets.ts';
import { limits } from './limits.ts';
import { RateLimiter } from './rate_limit.ts';

/** Why a create, a join or a speed change was turned away: the client reads "CODE: message". */
export interface Refused {
  code: 'RATE_LIMITED' | 'OVER_CAPACITY';
  message: string;
}

/** What the matchmaker's auth context carries (HTTP matchmaking gives `req`). */
export interface RequestContext {
  ip?: string | string[];
  headers?: Record<string, string | string[] | undefined>;
  req?: Pick<IncomingMessage, 'socket'>;
}

/**
 * The address a request comes from: the socket's, unless the operator says a proxy in front sets
 * X-Forwarded-For (then its first entry). Trusting that header without a proxy would let anyone
 * pick a fresh address per request.
 */
export function clientAddress(context: RequestContext | undefined, trustProxy = limits().trustProxy): string {
  if (trustProxy) {
    const forwarded = context?.headers?.['x-forwarded-for'] ?? context?.headers?.['x-real-ip'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return context?.req?.socket?.remoteAddress ?? (typeof context?.ip === 'string' ? context.ip : 'unknown');
}

const MINUTE_MS = 60_000;

/** A room as admission counts it: who created it and what it is estimated to cost. */
interface RoomCost {
  address: string;
  loadMs: number;
}

/**
 * An admitted create whose room has not started building within this long never will (matchmaking
 * failed between the gate and the room). Until then it counts as a room. Building a big room takes
 * longer than this on a loaded machine, and a fork replays its log: once building, the ticket lasts
 * until the room opens or its build fails (`building`).
 */
const TICKET_MS = 5_000;

/**
 * Per-address and per-process counters: room creations, live rooms and their estimated load, open
 * connections, messages. Pure bookkeeping (time is passed in); the room and the HTTP routes ask
 * before they do the work, so a refusal costs nothing.
 */
export class Admission {
  private readonly creates = new Map<string, number[]>();
  private readonly rooms = new Map<string, RoomCost>();
  /** Creates admitted by the matchmaker and not yet opened by their room (the room learns its creator from the ticket). */
  private readonly tickets = new Map<string, RoomCost & { at: number; building: boolean }>();
  private readonly connections = new Map<string, number>();
  private readonly sessions = new Map<string, string>();
  private totalConnections = 0;
  private readonly buckets = new Map<string, RateLimiter>();

  /** May `address` create a room estimated at `loadMs`? A ticket for the room to open with, or why not. */
  admitCreate(address: string, loadMs: number, now: number): { ticket: string } | Refused {
    const l = limits();
    for (const [t, pending] of this.tickets) if (!pending.building && now - pending.at > TICKET_MS) this.tickets.delete(t);
    if (loadMs > l.roomLoadMs) return { code: 'OVER_CAPACITY', message: `this scenario needs about ${Math.round(loadMs)} ms of work a second; a room may use ${l.roomLoadMs} (fewer blocks a second, fewer subnets or UIDs, or a longer tempo)` };
    const recent = (this.creates.get(address) ?? []).filter((t) => now - t < MINUTE_MS);
    if (recent.length >= l.createsPerMinute) return { code: 'RATE_LIMITED', message: `at most ${l.createsPerMinute} games a minute from one address; try again shortly` };
    const all = [...this.rooms.values(), ...this.tickets.values()];
    if (all.length >= l.maxRooms) return { code: 'OVER_CAPACITY', message: `this server runs at most ${l.maxRooms} games; try again later` };
    if (all.filter((r) => r.address === address).length >= l.roomsPerAddress) return { code: 'RATE_LIMITED', message: `at most ${l.roomsPerAddress} live games from one address` };
    const load = all.reduce((sum, r) => sum + r.loadMs, 0);
    if (load + loadMs > l.processLoadMs) return { code: 'OVER_CAPACITY', message: 'this server is busy with the games it runs; try again later or a lighter scenario' };
    recent.push(now);
    this.creates.set(address, recent);
    const ticket = newToken();
    this.tickets.set(ticket, { address, loadMs, at: now, building: false });
    return { ticket };
  }

  /**
   * Builds the room admitted with `ticket` (none: the server's own room): however long that takes,
   * it counts against its creator until it opens (`openRoom`); a build that fails (options refused
   * after the gate: a replay or fork of an unknown game) gives the ticket up.
   */
  async building<T>(ticket: unknown, build: () => Promise<T>): Promise<T> {
    const pending = typeof ticket === 'string' ? this.tickets.get(ticket) : undefined;
    if (pending) pending.building = true;
    try {
      return await build();
    } catch (e) {
      if (pending) this.tickets.delete(ticket as string);
      throw e;
    }
  }

  /** A room opens: with the ticket its create was admitted with, or as the server's own (restore, quick play). */
  openRoom(roomId: string, ticket: unknown, scenario: Scenario, speed = 1): void {
    const loadMs = scenarioLoadMs(scenario, speed);
    const admitted = typeof ticket === 'string' ? this.tickets.get(ticket) : undefined;
    if (admitted) this.tickets.delete(ticket as string);
    this.rooms.set(roomId, { address: admitted?.address ?? 'server', loadMs });
  }

  closeRoom(roomId: string): void {
    this.rooms.delete(roomId);
  }

  /** May a room run at `speed` times its scenario's pace? Recorded when it may. */
  admitSpeed(roomId: string, scenario: Scenario, speed: number): Refused | null {
    const l = limits();
    const loadMs = scenarioLoadMs(scenario, speed);
    const room = this.rooms.get(roomId);
    if (loadMs > l.roomLoadMs) return { code: 'OVER_CAPACITY', message: `that speed needs about ${Math.round(loadMs)} ms of work a second; a room may use ${l.roomLoadMs}` };
    const others = [...this.rooms].filter(([id]) => id !== roomId).reduce((sum, [, r]) => sum + r.loadMs, 0);
    if (others + loadMs > l.processLoadMs) return { code: 'OVER_CAPACITY', message: 'this server is too busy for that speed' };
    if (room) room.loadMs = loadMs;
    return null;
  }

  /** May `address` open one more connection? */
  admitConnection(address: string): Refused | null {
    const l = limits();
    if (this.totalConnections >= l.maxConnections) return { code: 'OVER_CAPACITY', message: `this server takes at most ${l.maxConnections} connections` };
    if ((this.connections.get(address) ?? 0) >= l.connectionsPerAddress) return { code: 'RATE_LIMITED', message: `at most ${l.connectionsPerAddress} connections from one address` };
    return null;
  }

  /** A socket got in (counted once per session, whatever reconnects it goes through). */
  connected(sessionId: string, address: string): void {
    if (this.sessions.has(sessionId)) return;
    this.sessions.set(sessionId, address);
    this.connections.set(address, (this.connections.get(address) ?? 0) + 1);
    this.totalConnections++;
  }

  /** A session is gone for good (a refused join that was never counted changes nothing). */
  disconnected(sessionId: string): void {
    const address = this.sessions.get(sessionId);
    if (address === undefined) return;
    this.sessions.delete(sessionId);
    const n = (this.connections.get(address) ?? 0) - 1;
    if (n > 0) this.connections.set(address, n);
    else {
      this.connections.delete(address);
      this.buckets.delete(address);
    }
    this.totalConnections = Math.max(0, this.totalConnections - 1);
  }

  /** One message from `address` (all its sockets share the bucket); false when it is over its rate. */
  admitMessage(address: string, now: number): boolean {
    const l = limits();
    let bucket = this.buckets.get(address);
    if (!bucket) this.buckets.set(address, (bucket = new RateLimiter(l.messagesPerSecond, 2 * l.messagesPerSecond, now)));
    return bucket.take(now);
  }

  /** Live rooms and their summed estimated load, for /health. */
  load(): { rooms: number; loadMs: number; connections: number } {
    let loadMs = 0;
    for (const r of this.rooms.values()) loadMs += r.loadMs;
    return { rooms: this.rooms.size, loadMs: Math.round(loadMs), connections: this.totalConnections };
  }

  /** Forgets creation times older than a minute (called now and then so idle addresses cost nothing). */
  sweep(now: number): void {
    for (const [address, times] of this.creates) {
      const recent = times.filter((t) => now - t < MINUTE_MS);
      if (recent.length === 0) this.creates.delete(address);
      else this.creates.set(address, recent);
    }
  }
}

/** One per process: the arena rooms and the HTTP routes share it. */
export const admission = new Admission();

/** What a create may carry (Colyseus and SDKs may add their own keys beside them). */
export const CREATE_OPTIONS = ['preset', 'overrides', 'seed', 'name', 'role', 'autostart', 'public', 'practice', 'seats', 'replay', 'fork'] as const;

/** Only the options a room understands; Colyseus and SDKs may add their own keys beside them. */
export function pickKnown(raw: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (raw === null || typeof raw !== 'object') return out;
  for (const k of keys) if (Object.hasOwn(raw, k)) out[k] = (raw as Record<string, unknown>)[k];
  return out;
}

/** The create options, checked: one check for the matchmaker's gate and the room. */
export const checkCreateOptions = (raw: unknown) => createOptionsChecker(pickKnown(raw, CREATE_OPTIONS), 'options');

/** The create option that carries an admitted create's ticket from the matchmaker to the room. */
export const TICKET_OPTION = 'admissionTicket';

/** The address a room's client came from (set by `admitMatchmake` when its seat was reserved). */
export const addressOf = (client: { auth?: unknown }): string => (client.auth as { address?: unknown } | undefined)?.address as string ?? 'unknown';

/**
 * The arena's matchmaking gate (Colyseus calls it before a create or a join reserves anything): a
 * create is costed and counted here, so a refused one never builds a room, and a join is refused
 * when its address or the process has as many connections as it may.
 */
export function admitMatchmake(options: unknown, context: RequestContext & { req?: { url?: string } }, now = Date.now()): { address: string } {
  const address = clientAddress(context);
  const creating = /\/matchmake\/(create|joinOrCreate)\//.test(context.req?.url ?? '');
  const full = admission.admitConnection(address);
  if (full) throw refusal(creating ? 'create' : 'join', address, full);
  if (!creating) return { address };
  const o = options !== null && typeof options === 'object' ? (options as Record<string, unknown>) : {};
  // The room's own check of its options, run here too so a refused create never counts as one.
  const checked = checkCreateOptions(options);
  if (!checked.ok) throw refusal('create', address, { code: 'INVALID_OPTIONS', message: checked.message });
  let loadMs = 0;
  if (o.replay === undefined && o.fork === undefined) {
    const scenario = buildScenario(typeof o.preset === 'string' ? o.preset : 'workshop', o.overrides);
    if (isScenarioError(scenario)) throw refusal('create', address, { code: 'INVALID_OPTIONS', message: scenario.message });
    loadMs = scenarioLoadMs(scenario);
  }
  const admitted = admission.admitCreate(address, loadMs, now);
  if ('code' in admitted) throw refusal('create', address, admitted);
  o[TICKET_OPTION] = admitted.ticket;
  return { address };
}

function refusal(what: string, address: string, why: { code: string; message: string }): Refusal {
  logRefusal(what, address, `${why.code}: ${why.message}`);
  return new Refusal(`${why.code}: ${why.message}`);
}

/** Seconds an empty room lives on: longer for one restored after a restart, whose people are finding their way back. */
export const emptyRoomSeconds = (restored: boolean): number => (restored ? limits().restoredEmptyRoomSeconds : limits().emptyRoomSeconds);

/** Spectators fill at most their own share of a room: player seats stay open however many watch. */
export function admitSpectator(spectators: number): Refused | null {
  const cap = limits().spectatorsPerRoom;
  return spectators >= cap ? { code: 'OVER_CAPACITY', message: `this game has its ${cap} spectators; players can still join` } : null;
}
