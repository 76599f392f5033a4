// The archive's snapshots are taken off the room thread: a worker thread keeps a shadow of each
// archived game, fed the same accepted log entries and clock marks the database gets, and since the
// game is deterministic the shadow is the same game, bit for bit. The worker serialises it and
// writes the snapshot through its own connection, so a room's tick never builds or writes one.
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../ts_worker.ts';
import type { GameStore } from './store.ts';

/** A snapshot thread that stops sooner than this after starting is not restarted. */
const RESTART_AFTER_MS = 60_000;

/** What the room thread tells the shadows, in the order it happened. */
export type ShadowMessage =
  | { kind: 'open'; code: string; createdAt: number; block: number; seq: number }
  | { kind: 'entry'; code: string; seq: number; entry: string }
  | { kind: 'reached'; code: string; block: number }
  | { kind: 'snapshot'; code: string; block: number; seq: number }
  | { kind: 'close'; code: string }
  | { kind: 'settle'; id: number };

/** What the shadows have done: for the load script and tests. */
export interface ShadowStats {
  games: number;
  snapshots: number;
  /** Time to build, gzip and write each snapshot, ms. */
  snapshotMs: { median: number; max: number };
  /** The last snapshot's size as stored (gzipped). */
  snapshotBytes: number;
  heapMB: number;
  /** The worker's event-loop utilisation since it started. */
  busy: number;
}

export type ShadowReply = { kind: 'ready' } | { kind: 'settled'; id: number; stats: Omit<ShadowStats, 'busy'> } | { kind: 'failed'; code: string; message: string };

/** The worker thread holding one database's shadow games, restarted (games re-opened) if it dies. */
export class ShadowGames {
  private worker!: Worker;
  /** Games open in the worker, with the block and log length each last reached: what a restarted worker re-opens. */
  private readonly games = new Map<string, { createdAt: number; block: number; seq: number }>();
  private readonly waiting = new Map<number, { ok: (s: ShadowStats) => void; fail: (e: Error) => void }>();
  private nextId = 0;
  /** The thread has started and opened the database. */
  private ready = false;
  private startedAt = 0;
  /** Snapshots are off in this process: the thread could not start, or died again soon after a restart. */
  private stopped = false;

  constructor(private readonly path: string) {
    this.start();
  }

  private start(): void {
    this.ready = false;
    this.startedAt = Date.now();
    this.worker = tsWorker(new URL('./shadow_worker.ts', import.meta.url).href, { workerData: { path: this.path } });
    // The shadows never keep a process alive: a process that exits mid-snapshot is a crash, and the
    // previous snapshot plus the log still restore the game.
    this.worker.unref();
    this.worker.on('message', (m: ShadowReply) => this.reply(m));
    this.worker.on('error', (e) => console.error(`[archive] snapshot thread failed: ${e.message}`));
    this.worker.on('exit', () => this.restart());
    for (const [code, g] of this.games) this.worker.postMessage({ kind: 'open', code, ...g } satisfies ShadowMessage);
  }

  private restart(): void {
    for (const w of this.waiting.values()) w.fail(new Error('the snapshot thread stopped'));
    this.waiting.clear();
    // A thread that dies as it starts, or soon after, would die again: no restart loop.
    if (!this.ready || Date.now() - this.startedAt < RESTART_AFTER_MS) {
      this.stopped = true;
      console.error('[archive] the snapshot thread could not start or keeps stopping: no more snapshots in this process (a restore replays from the last one written, or the whole log)');
      return;
    }
    console.error(`[archive] snapshot thread stopped; restarting it with ${this.games.size} games`);
    this.start();
  }

  private reply(m: ShadowReply): void {
    if (m.kind === 'ready') {
      this.ready = true;
      return;
    }
    if (m.kind === 'failed') {
      console.error(`[archive] game ${m.code}: no more snapshots in this process (${m.message}); a restore replays its log from the last one`);
      return;
    }
    const w = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    w?.ok({ ...m.stats, busy: this.worker.performance.eventLoopUtilization().utilization });
  }

  post(m: Exclude<ShadowMessage, { kind: 'settle' }>): void {
    const g = this.games.get(m.code);
    if (m.kind === 'open') this.games.set(m.code, { createdAt: m.createdAt, block: m.block, seq: m.seq });
    if (m.kind === 'reached' && g) g.block = m.block;
    if (m.kind === 'entry' && g) g.seq = m.seq + 1;
    if (m.kind === 'close') this.games.delete(m.code);
    if (!this.stopped) this.worker.postMessage(m);
  }

  /** Resolves once everything posted before has been done (snapshots written), with the worker's figures. */
  settled(): Promise<ShadowStats> {
    const id = this.nextId++;
    if (this.stopped) return Promise.reject(new Error('the snapshot thread is stopped'));
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.worker.postMessage({ kind: 'settle', id } satisfies ShadowMessage);
    });
  }
}

const byPath = new Map<string, ShadowGames>();

/** The shadows writing to this store's file (one worker per database); none for an in-memory database, which a second connection cannot see. */
export function shadowsOf(store: GameStore): ShadowGames | null {
  if (store.path === null) return null;
  let s = byPath.get(store.path);
  if (!s) byPath.set(store.path, (s = new ShadowGames(store.path)));
  return s;
}
