import { boot } from '@colyseus/testing';
import type { ColyseusTestServer } from '@colyseus/testing';
import type { Room } from 'colyseus.js';
import { afterAll } from 'vitest';
import { appConfig } from '../../server/app.config.ts';
import type { ArenaState } from '../../shared/protocol/schema.ts';
import { freePort } from '../support/server_process.ts';
import type { CreateOptions, JoinOptions, ServerMessages, Welcome } from '../../shared/protocol/index.ts';

export type ArenaClient = Room<ArenaState>;

/**
 * The test file's own real server (express + ws transport) on a free port, as test files run in
 * parallel; shut down after the file's tests.
 */
export async function serverForFile(): Promise<{ server: ColyseusTestServer; port: number }> {
  const port = await freePort();
  const server = await boot(appConfig({ clientDir: '/nonexistent' }), port);
  afterAll(() => server.shutdown());
  return { server, port };
}

/**
 * Collects every message of a room from the moment it is joined, so a test can wait for one that
 * already arrived. (colyseus.js drops messages that have no handler.)
 */
export class Inbox {
  readonly messages: { type: string; payload: any }[] = [];
  private waiters: { match: (m: { type: string; payload: any }) => boolean; resolve: (p: any) => void }[] = [];

  constructor(readonly room: ArenaClient) {
    room.onMessage('*', (type, payload) => {
      const m = { type: String(type), payload };
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(m)) return true;
        w.resolve(m.payload);
        return false;
      });
    });
  }

  /** The next message of `type` satisfying `pred` (already received ones count if `since` allows). */
  next<T extends keyof ServerMessages>(type: T, pred: (p: ServerMessages[T]) => boolean = () => true, since = 0): Promise<ServerMessages[T]> {
    const found = this.messages.slice(since).find((m) => m.type === type && pred(m.payload));
    if (found) return Promise.resolve(found.payload);
    return new Promise((resolve) => this.waiters.push({ match: (m) => m.type === type && pred(m.payload), resolve }));
  }

  /** Mark to wait only for messages after now. */
  mark(): number {
    return this.messages.length;
  }

  all<T extends keyof ServerMessages>(type: T): ServerMessages[T][] {
    return this.messages.filter((m) => m.type === type).map((m) => m.payload);
  }

  last<T extends keyof ServerMessages>(type: T): ServerMessages[T] | undefined {
    return this.all(type).at(-1);
  }
}

export interface Joined {
  room: ArenaClient;
  inbox: Inbox;
  welcome: Welcome;
}

async function wrap(room: ArenaClient): Promise<Joined> {
  const inbox = new Inbox(room);
  const welcome = await inbox.next('welcome');
  return { room, inbox, welcome };
}

export const create = async (server: ColyseusTestServer, o: CreateOptions): Promise<Joined> => wrap(await server.sdk.create<ArenaState>('arena', o));
export const join = async (server: ColyseusTestServer, code: string, o: JoinOptions): Promise<Joined> => wrap(await server.sdk.joinById<ArenaState>(code, o));

/** Resolves once the room's synced state satisfies `pred` (checked now and after every patch). */
export function until(room: ArenaClient, pred: (s: ArenaState) => boolean): Promise<void> {
  // Before the first full state arrives the root has no fields yet: not satisfied, not an error.
  const holds = (s: ArenaState | undefined) => s?.players !== undefined && s.clock !== undefined && pred(s);
  return new Promise((resolve) => {
    if (holds(room.state)) return resolve();
    // onStateChange(cb) returns the signal itself, whose clear() would drop every listener.
    const check = (s: ArenaState) => {
      if (!holds(s)) return;
      room.onStateChange.remove(check);
      resolve();
    };
    room.onStateChange(check);
  });
}

/** Sends an action and waits for its ack or error (matched by ref). */
export async function act(j: Joined, type: string, payload: Record<string, unknown>): Promise<{ ok: true; block: number } | { ok: false; code: string; message: string }> {
  const ref = `r${Math.random().toString(36).slice(2, 10)}`;
  const since = j.inbox.mark();
  j.room.send(type, { ...payload, ref });
  const result = await Promise.race([
    j.inbox.next('ack', (a) => a.ref === ref, since).then((a) => ({ ok: true as const, block: a.block })),
    j.inbox.next('error', (e) => e.ref === ref, since).then((e) => ({ ok: false as const, code: e.code, message: e.message })),
  ]);
  return result;
}

/** Fast workshop scenario for tests: 50 blocks a second, so an action lands within a tick or two. */
/** A facilitator control, sent with the token the creator's welcome carried. */
export const control = (j: Joined, type: string, payload: Record<string, unknown> = {}) => act(j, type, { token: j.welcome.facilitatorToken, ...payload });

export const FAST = { blocksPerSecond: 50 };
