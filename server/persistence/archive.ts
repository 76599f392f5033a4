import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from '../../shared/game/codec.ts';
import type { GameSnapshot } from '../../shared/game/index.ts';
import type { PlayerRole, ResultsView, SeriesView } from '../../shared/protocol/index.ts';
import type { GameHost } from '../game_host.ts';
import type { GameRecord, LogEntry } from '../record.ts';
import type { ExportableGame } from '../game_registry.ts';
import { digestOf, newToken, type TokenDigest, tokenMatches } from '../secrets.ts';
import { type ShadowGames, shadowsOf } from './shadow.ts';
import type { GameStore, StoredSnapshot, StoredState } from './store.ts';

/** A seat as the room keeps it, without its live connection. */
export interface SavedSeat {
  /** The player token's digest: the database holds no token itself. */
  key: TokenDigest;
  name: string;
  role: PlayerRole;
  removed: boolean;
}

/** The room's own settings, which the game's record does not hold: who may do what, and how fast. */
export interface RoomMeta {
  facilitatorKey: TokenDigest;
  isPublic: boolean;
  quickplay: boolean;
  /** A new game runs at once, else waits for `start` (absent in games stored before the practice round: true). */
  autostart?: boolean;
  /** Still the practice round (absent: false). */
  practice?: boolean;
  seats: number;
  phase: 'lobby' | 'running' | 'paused' | 'ended';
  speed: number;
  players: [string, SavedSeat][];
}

/** What a finished game keeps for the export endpoints once its room is gone. */
export interface StoredResults {
  results: ResultsView;
  series: SeriesView;
}

/** Blocks between snapshots: a restore replays at most this many blocks after the last one… */
export const SNAPSHOT_EVERY_BLOCKS = 300;
/**
 * …unless they came faster than this: the snapshot thread serialises a full network's state in a
 * few hundred ms, so a fast room asks it at most this often (a restore then replays a few more blocks).
 */
export const SNAPSHOT_MIN_SECONDS = 10;
/** Sampled blocks a finished game keeps in its series export (evenly thinned, first and last kept). */
export const EXPORT_POINTS = 1000;
/**
 * Blocks between clock marks: a restored game runs on to the last mark, so its clock steps back at
 * most this far (blocks with no action re-run identically from the seed; a one-row UPDATE is cheap).
 */
export const MARK_EVERY_BLOCKS = 10;

let current: GameStore | null = null;
/** Per-process secret that only the server's own restore calls know, so no client can restore a game. */
export const RESTORE_SECRET = newToken();

/** The process's game database, or null (tests that boot rooms in-process keep nothing). */
export const gameStore = (): GameStore | null => current;
export const useGameStore = (store: GameStore | null): void => {
  current = store;
};

/**
 * One room's part of the database: its record goes in entry by entry (each before its ack), its
 * state every SNAPSHOT_EVERY_BLOCKS blocks, its settings whenever they change, its results at the end.
 * The room thread writes the log, clock marks, settings and results; the snapshots come from the
 * game's shadow on the snapshot thread (shadow.ts), which the same entries and marks keep in step.
 */
export class RoomArchive {
  private lastSnapshotAt = -Infinity;

  private constructor(
    private readonly store: GameStore,
    readonly code: string,
    private readonly shadows: ShadowGames | null,
  ) {}

  /**
   * Starts archiving a new game (a fresh one, or a fork whose record already has entries).
   * `replace`: the code's practice round is dropped and this game takes its place.
   */
  static begin(store: GameStore, code: string, host: GameHost, meta: RoomMeta, createdAt: number, replace = false): RoomArchive {
    const record = host.record();
    const entries = record.log.map((entry, seq) => ({ seq, block: entry.block, entry: JSON.stringify(encode(entry)) }));
    const stored = store.createGame({ code, preset: record.preset, scenario: JSON.stringify(encode(record.overrides ?? null)), seed: String(record.seed), createdAt, status: 'running', meta: JSON.stringify(meta) }, entries, replace);
    // Into the database file at once: a lost or damaged log must not take the game's existence with it.
    store.checkpoint();
    return RoomArchive.attach(store, code, host, stored);
  }

  /** Continues archiving a game already in the store (after a restore). */
  static attach(store: GameStore, code: string, host: GameHost, createdAt = store.game(code)!.createdAt): RoomArchive {
    const shadows = shadowsOf(store);
    const archive = new RoomArchive(store, code, shadows);
    shadows?.post({ kind: 'open', code, createdAt, block: host.block, seq: host.logLength });
    host.onEntry = (entry, count) => {
      const json = JSON.stringify(encode(entry));
      store.append(code, [{ seq: count - 1, block: entry.block, entry: json }]);
      shadows?.post({ kind: 'entry', code, seq: count - 1, entry: json });
    };
    return archive;
  }

  meta(meta: RoomMeta): void {
    this.store.updateMeta(this.code, JSON.stringify(meta));
  }

  /** Called after every block: a clock mark, and a snapshot on the snapshot boundaries (both also to the shadow). */
  afterBlock(host: GameHost, now = Date.now()): void {
    if (host.block % MARK_EVERY_BLOCKS === 0) {
      this.store.markReached(this.code, host.block);
      this.shadows?.post({ kind: 'reached', code: this.code, block: host.block });
    }
    if (host.block % SNAPSHOT_EVERY_BLOCKS !== 0 || now - this.lastSnapshotAt < SNAPSHOT_MIN_SECONDS * 1000) return;
    this.lastSnapshotAt = now;
    this.shadows?.post({ kind: 'snapshot', code: this.code, block: host.block, seq: host.logLength });
  }

  finish(results: StoredResults, finishedAt: number): void {
    this.store.finish(this.code, finishedAt, JSON.stringify(results));
    this.close();
  }

  /** The room is gone (finished, or the server is shutting down): its shadow goes too. */
  close(): void {
    this.shadows?.post({ kind: 'close', code: this.code });
  }
}

/**
 * A room's stored settings. A game stored before tokens were kept as digests has them digested on
 * the way in, so its players and facilitator still get in with the tokens they hold.
 */
export function readMeta(json: string): RoomMeta {
  const meta = JSON.parse(json) as RoomMeta & { facilitatorToken?: string; players: [string, SavedSeat & { token?: string }][] };
  if (typeof meta.facilitatorToken === 'string') meta.facilitatorKey = digestOf(meta.facilitatorToken);
  delete meta.facilitatorToken;
  for (const [, seat] of meta.players) {
    if (typeof seat.token === 'string') seat.key = digestOf(seat.token);
    delete seat.token;
  }
  return meta;
}

/** A stored game as a record and settings, with its latest snapshot when it has one. */
export interface LoadedGame {
  record: GameRecord;
  meta: RoomMeta;
  snapshot: { block: number; seq: number; state: GameSnapshot } | null;
  /** A stored snapshot that is not JSON counts as none, and why is said here: the log still replays the game. */
  unreadableSnapshot?: string;
  finished: boolean;
}

export function loadGame(store: GameStore, code: string, atOrBefore?: number): LoadedGame | null {
  const game = store.game(code);
  if (!game) return null;
  const log = store.logAfter(code).map((e) => decode(JSON.parse(e.entry)) as LogEntry);
  const snap = store.latestSnapshot(code, atOrBefore);
  const overrides = decode(JSON.parse(game.scenario));
  const lastBlock = Math.max(log.at(-1)?.block ?? 0, snap?.block ?? 0, game.reached);
  const seed = /^-?\d+$/.test(game.seed) && Number.isSafeInteger(Number(game.seed)) ? Number(game.seed) : game.seed;
  return {
    record: { preset: game.preset, ...(overrides !== null ? { overrides } : {}), seed, block: atOrBefore === undefined ? lastBlock : Math.min(lastBlock, atOrBefore), log },
    meta: readMeta(game.meta),
    ...parseSnapshot(snap),
    finished: game.status === 'finished',
  };
}

/**
 * A snapshot as it is stored: gzipped JSON, so a full network's ~9 MB takes ~1 MB and the write
 * holds the database's one write lock (which the room thread's log appends wait on) an eighth as long.
 */
export const packSnapshot = (json: string): Buffer => gzipSync(json, { level: 1 });

/** A stored snapshot's JSON (snapshots written before they were gzipped are the text itself). */
export const snapshotJson = (state: StoredState): string => (typeof state === 'string' ? state : gunzipSync(state).toString());

function parseSnapshot(snap: StoredSnapshot | null): Pick<LoadedGame, 'snapshot' | 'unreadableSnapshot'> {
  if (!snap) return { snapshot: null };
  try {
    return { snapshot: { block: snap.block, seq: snap.seq, state: JSON.parse(snapshotJson(snap.state)) as GameSnapshot } };
  } catch (e) {
    return { snapshot: null, unreadableSnapshot: `its snapshot at block ${snap.block} is not readable (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** A finished game's exports from the database, if the token is its facilitator's. */
export function storedExports(code: string, token: string | undefined): ExportableGame | null {
  const store = gameStore();
  const game = store?.game(code);
  const json = store?.results(code);
  if (!game || !json) return null;
  const meta = readMeta(game.meta);
  if (!tokenMatches(meta.facilitatorKey, token)) return null;
  const { results, series } = JSON.parse(json) as StoredResults;
  return { code, facilitatorKey: meta.facilitatorKey, results: () => results, series: () => series };
}
