import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { GameHost } from '../game_host.ts';
import type { LoadedGame } from './archive.ts';
import { readMeta } from './archive.ts';
import type { StoredGame } from './store.ts';
import { GameStore } from './store.ts';

type Say = (line: string) => void;

/** The first four bytes of a write-ahead log SQLite wrote (big- or little-endian checksums). */
const WAL_MAGIC = [0x377f0682, 0x377f0683];
const WAL_HEADER_BYTES = 32;

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : -1);

function walHeaderIsSound(wal: string): boolean {
  const size = sizeOf(wal);
  if (size <= 0) return true;
  if (size < WAL_HEADER_BYTES) return false;
  const fd = openSync(wal, 'r');
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return WAL_MAGIC.includes(head.readUInt32BE(0));
  } finally {
    closeSync(fd);
  }
}

/** Moves the database and its log files to `<path>.damaged-<time>…`, keeping them for whoever wants to dig. */
function moveAside(path: string, stamp: string): string {
  const aside = `${path}.damaged-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  return aside;
}

/**
 * Opens the game database and checks it before anything reads it. A database that fails the check
 * (or cannot be opened at all) is moved aside with a message saying where, and the server starts
 * on a fresh one: a damaged file never keeps the server down (no crash loop under a supervisor).
 * A damaged write-ahead log is kept as evidence and said so; SQLite then reads the database file
 * as of its last checkpoint.
 */
export function openGameStore(path: string, say: Say = console.error, now: Date = new Date()): GameStore {
  if (path === ':memory:') return GameStore.open(path);
  mkdirSync(dirname(path), { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const wal = `${path}-wal`;
  if (sizeOf(path) === 0 && sizeOf(wal) > 0) {
    const aside = moveAside(path, stamp);
    say(`DATABASE DAMAGED: ${path} is empty but its write-ahead log is not; both were moved to ${aside} and the server starts with no stored games.`);
    return GameStore.open(path);
  }
  if (sizeOf(path) === 0) say(`database ${path} is an empty file: the server starts with no stored games.`);
  if (!walHeaderIsSound(wal)) {
    copyFileSync(wal, `${path}.damaged-${stamp}-wal`);
    say(`DATABASE LOG DAMAGED: the write-ahead log of ${path} has no valid header (copied to ${path}.damaged-${stamp}-wal); games are restored as of the last checkpoint.`);
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(path);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    return new GameStore(db);
  } catch (e) {
    db?.close();
    const aside = moveAside(path, stamp);
    say(`DATABASE DAMAGED: ${path} failed its integrity check (${e instanceof Error ? e.message : String(e)}); it was moved to ${aside} (sqlite3's .recover may get games back from it) and the server starts with an empty database.`);
    return GameStore.open(path);
  }
}

/**
 * The game a stored record describes: from its latest snapshot plus the log after it, or, when the
 * snapshot does not load, by replaying the whole log (slower, same game).
 */
export function rebuildGame(code: string, loaded: LoadedGame, say: Say = console.error): GameHost {
  const snap = loaded.snapshot;
  if (loaded.unreadableSnapshot) say(`game ${code}: ${loaded.unreadableSnapshot}; replaying its log instead`);
  if (snap && snap.block <= loaded.record.block) {
    try {
      return GameHost.resume(loaded.record, { seq: snap.seq, snapshot: snap.state });
    } catch (e) {
      say(`game ${code}: its snapshot at block ${snap.block} does not load (${e instanceof Error ? e.message : String(e)}); replaying its log instead`);
    }
  }
  return GameHost.replay(loaded.record);
}

/** Games with people in them first, then the newest: the ones somebody is waiting for. */
export function restoreOrder(games: readonly StoredGame[]): StoredGame[] {
  const occupied = (g: StoredGame): boolean => {
    try {
      return readMeta(g.meta).players.some(([, seat]) => !seat.removed);
    } catch {
      return false;
    }
  };
  return games
    .map((g) => ({ g, busy: occupied(g) }))
    .sort((a, b) => Number(b.busy) - Number(a.busy) || b.g.createdAt - a.g.createdAt || a.g.code.localeCompare(b.g.code))
    .map((x) => x.g);
}

/**
 * Brings back the games this process was running, one at a time with a yield between them, so the
 * server answers (health, joins, the games already back) while the rest are restored. At most `max`
 * come back; the others stay stored for a later start.
 */
export async function restoreGames(store: GameStore, restore: (code: string) => Promise<unknown>, max: number, say: Say = console.log): Promise<string[]> {
  const order = restoreOrder(store.games('running', Number.MAX_SAFE_INTEGER));
  const restored: string[] = [];
  for (const game of order.slice(0, max)) {
    await new Promise((r) => setImmediate(r));
    try {
      await restore(game.code);
      restored.push(game.code);
      say(`restored game ${game.code}`);
    } catch (e) {
      say(`could not restore game ${game.code}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (order.length > max) say(`${order.length - max} stored games were not restored: this process runs at most ${max} games (ARENA_MAX_ROOMS)`);
  return restored;
}

/** Every this often the log is checkpointed into the database file. */
export const CHECKPOINT_SECONDS = 30;
/** Every this often finished games' heavy data is pruned. */
export const PRUNE_SECONDS = 600;

/** Checkpoints and pruning on a schedule (and pruning once now). Returns a stop function. */
export function maintain(store: GameStore, keepFinishedDays: number, say: Say = console.log): () => void {
  const prune = () => {
    const gone = store.prune(Date.now() - keepFinishedDays * 86_400_000);
    if (gone > 0) say(`pruned ${gone} games finished more than ${keepFinishedDays} days ago`);
  };
  const guard = (job: () => void, what: string) => () => {
    try {
      job();
    } catch (e) {
      console.error(`database ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  guard(prune, 'pruning')();
  const timers = [setInterval(guard(() => store.checkpoint(), 'checkpoint'), CHECKPOINT_SECONDS * 1000), setInterval(guard(prune, 'pruning'), PRUNE_SECONDS * 1000)];
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
