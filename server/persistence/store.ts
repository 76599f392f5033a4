import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where games are kept unless ARENA_DB says otherwise: under the project's data folder. */
export const DEFAULT_DB_PATH = 'data/arena.sqlite';

export type GameStatus = 'running' | 'finished';

/** What is needed to recreate a room: everything else follows from the seed and the log. */
export interface StoredGame {
  code: string;
  preset: string;
  /** The scenario as JSON text (validated preset + overrides). */
  scenario: string;
  seed: string;
  createdAt: number;
  status: GameStatus;
  /** Room-level settings as JSON text (public, names, digests of the tokens, …). */
  meta: string;
  /** The latest block the game is known to have run (marked every few blocks, between snapshots). */
  reached: number;
}

/** One accepted input to a game, in order. `entry` is the room's own JSON encoding of it. */
export interface StoredEntry {
  seq: number;
  block: number;
  entry: string;
}

/** A snapshot's state: gzipped JSON (a BLOB), or JSON text as snapshots were first written. */
export type StoredState = string | Buffer;

export interface StoredSnapshot {
  block: number;
  seq: number;
  state: StoredState;
}

/**
 * The embedded game database. Writes are synchronous and in WAL mode, so once a call returns the
 * row survives a crash of the process (kill -9): an acknowledged action is never lost.
 */
export class GameStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS games (
        code TEXT PRIMARY KEY, preset TEXT NOT NULL, scenario TEXT NOT NULL, seed TEXT NOT NULL,
        created_at INTEGER NOT NULL, status TEXT NOT NULL, meta TEXT NOT NULL,
        finished_at INTEGER, results TEXT, reached INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS log (
        code TEXT NOT NULL, seq INTEGER NOT NULL, block INTEGER NOT NULL, entry TEXT NOT NULL,
        PRIMARY KEY (code, seq));
      CREATE TABLE IF NOT EXISTS snapshots (
        code TEXT NOT NULL, block INTEGER NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL,
        PRIMARY KEY (code, block));
    `);
    // A database from before the clock mark: add the column (SQLite has no ADD COLUMN IF NOT EXISTS).
    const columns = db.prepare('PRAGMA table_info(games)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'reached')) db.exec('ALTER TABLE games ADD COLUMN reached INTEGER NOT NULL DEFAULT 0');
    this.statements = {
      insertGame: db.prepare('INSERT INTO games (code, preset, scenario, seed, created_at, status, meta) VALUES (@code, @preset, @scenario, @seed, @createdAt, @status, @meta)'),
      game: db.prepare('SELECT code, preset, scenario, seed, created_at AS createdAt, status, meta, reached FROM games WHERE code = ?'),
      byStatus: db.prepare('SELECT code, preset, scenario, seed, created_at AS createdAt, status, meta, reached FROM games WHERE status = ? ORDER BY created_at DESC LIMIT ?'),
      updateMeta: db.prepare('UPDATE games SET meta = ? WHERE code = ?'),
      markReached: db.prepare('UPDATE games SET reached = ? WHERE code = ? AND reached < ?'),
      finish: db.prepare("UPDATE games SET status = 'finished', finished_at = ?, results = ? WHERE code = ?"),
      results: db.prepare('SELECT results FROM games WHERE code = ?'),
      append: db.prepare('INSERT INTO log (code, seq, block, entry) VALUES (?, ?, ?, ?)'),
      logAfter: db.prepare('SELECT seq, block, entry FROM log WHERE code = ? AND seq > ? ORDER BY seq'),
      lastSeq: db.prepare('SELECT MAX(seq) AS seq FROM log WHERE code = ?'),
      saveSnapshot: db.prepare("INSERT OR REPLACE INTO snapshots (code, block, seq, state) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM games WHERE code = ? AND created_at = ? AND status = 'running')"),
      pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE code = ? AND block < (SELECT MAX(block) FROM snapshots WHERE code = ?)'),
      latestSnapshot: db.prepare('SELECT block, seq, state FROM snapshots WHERE code = ? ORDER BY block DESC LIMIT 1'),
      snapshotAtOrBefore: db.prepare('SELECT block, seq, state FROM snapshots WHERE code = ? AND block <= ? ORDER BY block DESC LIMIT 1'),
      dropFinishedSnapshots: db.prepare("DELETE FROM snapshots WHERE code IN (SELECT code FROM games WHERE status = 'finished')"),
      oldFinished: db.prepare("SELECT code FROM games WHERE status = 'finished' AND finished_at < ?"),
      deleteGame: db.prepare('DELETE FROM games WHERE code = ?'),
      deleteLog: db.prepare('DELETE FROM log WHERE code = ?'),
      deleteSnapshots: db.prepare('DELETE FROM snapshots WHERE code = ?'),
    };
  }

  /**
   * Opens (creating if needed) the database at `path`; ':memory:' gives a private in-memory one.
   * No integrity check: the server opens its database through persistence/recovery.ts, which has one.
   */
  static open(path: string = process.env.ARENA_DB ?? DEFAULT_DB_PATH): GameStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return new GameStore(new Database(path));
  }

  /** The database file, or null for an in-memory database (no other connection can open it). */
  get path(): string | null {
    return this.db.memory ? null : this.db.name;
  }

  /**
   * Copies what the write-ahead log holds into the database file and empties the log, so a lost or
   * damaged log loses only what came after this call.
   */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Drops what finished games no longer need: their snapshots (a fork or replay re-runs the log),
   * and every row of games finished before `finishedBefore`. Returns how many games went.
   */
  prune(finishedBefore: number): number {
    return this.db.transaction(() => {
      this.statements.dropFinishedSnapshots.run();
      const old = this.statements.oldFinished.all(finishedBefore) as { code: string }[];
      for (const { code } of old) {
        this.statements.deleteLog.run(code);
        this.statements.deleteSnapshots.run(code);
        this.statements.deleteGame.run(code);
      }
      return old.length;
    })();
  }

  /**
   * Stores a new game with its first entries, in one transaction. `replace` first drops every row
   * kept under the code (a practice round giving way to the real game), so a crash leaves one or the other.
   * Returns the creation time stored (a replacing game's is later than the one it replaces).
   */
  createGame(record: Omit<StoredGame, 'reached'>, entries: readonly StoredEntry[] = [], replace = false): number {
    return this.db.transaction(() => {
      const replaced = replace ? this.game(record.code) : null;
      // The creation time tells the games under one code apart (a late snapshot of the replaced one is refused).
      if (replaced && replaced.createdAt >= record.createdAt) record = { ...record, createdAt: replaced.createdAt + 1 };
      if (replace) {
        this.statements.deleteLog.run(record.code);
        this.statements.deleteSnapshots.run(record.code);
        this.statements.deleteGame.run(record.code);
      }
      this.statements.insertGame.run(record);
      for (const e of entries) this.statements.append.run(record.code, e.seq, e.block, e.entry);
      return record.createdAt;
    })();
  }

  game(code: string): StoredGame | null {
    return (this.statements.game.get(code) as StoredGame | undefined) ?? null;
  }

  games(status: GameStatus, limit = 100): StoredGame[] {
    return this.statements.byStatus.all(status, limit) as StoredGame[];
  }

  updateMeta(code: string, meta: string): void {
    this.statements.updateMeta.run(meta, code);
  }

  /** Notes that the game has run to `block` (never moves back). */
  markReached(code: string, block: number): void {
    this.statements.markReached.run(block, code, block);
  }

  /** Appends accepted inputs; all of them or none (one transaction). */
  append(code: string, entries: readonly StoredEntry[]): void {
    this.db.transaction(() => {
      for (const e of entries) this.statements.append.run(code, e.seq, e.block, e.entry);
    })();
  }

  logAfter(code: string, seq = -1): StoredEntry[] {
    return this.statements.logAfter.all(code, seq) as StoredEntry[];
  }

  lastSeq(code: string): number {
    return (this.statements.lastSeq.get(code) as { seq: number | null }).seq ?? -1;
  }

  /**
   * Keeps the room's state at `block`, taken after log entry `seq`; older snapshots of a running
   * game are dropped (the log still replays from the start), so the file stays small. Only while
   * the game created at `createdAt` is the one running under the code: a snapshot written late
   * (off the room thread) of a game since replaced or finished is not kept. Returns whether it was.
   */
  saveSnapshot(code: string, createdAt: number, block: number, seq: number, state: StoredState): boolean {
    return this.db.transaction(() => {
      const saved = this.statements.saveSnapshot.run(code, block, seq, state, code, createdAt).changes > 0;
      if (saved) this.statements.pruneSnapshots.run(code, code);
      return saved;
    })();
  }

  latestSnapshot(code: string, atOrBefore?: number): StoredSnapshot | null {
    const row = atOrBefore === undefined ? this.statements.latestSnapshot.get(code) : this.statements.snapshotAtOrBefore.get(code, atOrBefore);
    return (row as StoredSnapshot | undefined) ?? null;
  }

  finish(code: string, finishedAt: number, results: string): void {
    this.statements.finish.run(finishedAt, results, code);
  }

  results(code: string): string | null {
    return (this.statements.results.get(code) as { results: string | null } | undefined)?.results ?? null;
  }

  close(): void {
    this.db.close();
  }
}
