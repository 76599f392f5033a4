// Servers in their own processes on a file's database, killed (SIGKILL, as a crash would) after the
// file's tests; and a room's messages kept so a test can wait for the next one of a kind.
import type { Room } from 'colyseus.js';
import { afterAll } from 'vitest';
import { type ServerProcess, spawnServer } from '../support/server_process.ts';

/** Returns `start(db)`: a server on that database; every one started is killed after the file's tests. */
export function serverProcesses(): (db: string) => Promise<ServerProcess> {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  });
  return async (db) => {
    const s = await spawnServer({ env: { ARENA_DB: db } });
    servers.push(s);
    return s;
  };
}

/** Collects a room's messages; `next` takes (and removes) the first of a kind that matches, waiting for it. */
export function inbox(room: Room) {
  const seen: { type: string; body: unknown }[] = [];
  room.onMessage('*', (type, body) => void seen.push({ type: String(type), body }));
  const next = async <T>(type: string, match: (b: T) => boolean = () => true, ms = 30_000): Promise<T> => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const hit = seen.find((m) => m.type === type && match(m.body as T));
      if (hit) {
        seen.splice(seen.indexOf(hit), 1);
        return hit.body as T;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no '${type}' message within ${ms} ms; saw ${seen.map((m) => m.type).join(', ')}`);
  };
  return { next, clear: () => seen.splice(0) };
}
