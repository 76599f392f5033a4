// The snapshot thread (see shadow.ts): each archived game's shadow, rebuilt from the database as a
// restore would be, then kept in step by the room's messages; on a snapshot boundary it serialises
// the shadow and writes it, unless the game under that code has since been replaced or finished.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { decode } from '../../shared/game/codec.ts';
import type { GameHost } from '../game_host.ts';
import type { LogEntry } from '../record.ts';
import { loadGame, packSnapshot } from './archive.ts';
import { rebuildGame } from './recovery.ts';
import type { ShadowMessage, ShadowReply } from './shadow.ts';
import { GameStore } from './store.ts';

const store = GameStore.open((workerData as { path: string }).path);
const games = new Map<string, { host: GameHost; createdAt: number }>();
const took: number[] = [];
let lastBytes = 0;

const send = (m: ShadowReply) => parentPort!.postMessage(m);

function stepTo(host: GameHost, block: number): void {
  while (host.block < block) host.step();
}

/**
 * The game as the room had it when it opened the shadow (at `block`, after `seq` log entries), read
 * from the database as a restore reads it: whatever the room did after that comes as messages.
 */
function open(code: string, createdAt: number, block: number, seq: number): void {
  games.delete(code);
  const stored = store.game(code);
  const loaded = loadGame(store, code, block);
  // Replaced (a practice round's real game) or gone before this thread got to it: a later open follows.
  if (!stored || !loaded || stored.createdAt !== createdAt) return;
  loaded.record.log.length = Math.min(loaded.record.log.length, seq);
  loaded.record.block = block;
  // Quietly: a snapshot that does not load was already said by the room's own restore.
  const host = rebuildGame(code, loaded, () => {});
  if (host.block !== block || host.logLength !== seq) throw new Error(`rebuilt at block ${host.block} after ${host.logLength} entries, the room was at block ${block} after ${seq}`);
  games.set(code, { host, createdAt });
}

function entry(host: GameHost, seq: number, json: string): void {
  if (seq !== host.logLength) throw new Error(`log entry ${seq} came after entry ${host.logLength - 1}`);
  const e = decode(JSON.parse(json)) as LogEntry;
  stepTo(host, e.block);
  const r = host.apply(e);
  if (!r.ok) throw new Error(`log entry ${seq} does not apply at block ${e.block}: ${r.error.code} ${r.error.message}`);
}

function snapshot(code: string, g: { host: GameHost; createdAt: number }, block: number, seq: number): void {
  stepTo(g.host, block);
  if (g.host.block !== block || g.host.logLength !== seq) throw new Error(`shadow at block ${g.host.block} after ${g.host.logLength} entries, the room at block ${block} after ${seq}`);
  const started = performance.now();
  const state = packSnapshot(JSON.stringify(g.host.game.snapshot()));
  store.saveSnapshot(code, g.createdAt, block, seq, state);
  took.push(performance.now() - started);
  lastBytes = state.length;
}

function stats(): Extract<ShadowReply, { kind: 'settled' }>['stats'] {
  const sorted = [...took].sort((a, b) => a - b);
  return {
    games: games.size,
    snapshots: took.length,
    snapshotMs: { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 },
    snapshotBytes: lastBytes,
    heapMB: getHeapStatistics().used_heap_size / 2 ** 20,
  };
}

send({ kind: 'ready' });
parentPort!.on('message', (m: ShadowMessage) => {
  if (m.kind === 'settle') return send({ kind: 'settled', id: m.id, stats: stats() });
  try {
    if (m.kind === 'open') return open(m.code, m.createdAt, m.block, m.seq);
    if (m.kind === 'close') return void games.delete(m.code);
    const g = games.get(m.code);
    if (!g) return;
    if (m.kind === 'entry') entry(g.host, m.seq, m.entry);
    else if (m.kind === 'reached') stepTo(g.host, m.block);
    else snapshot(m.code, g, m.block, m.seq);
  } catch (e) {
    // This game's snapshots stop (its log still restores it); the other games go on.
    games.delete(m.code);
    send({ kind: 'failed', code: m.code, message: e instanceof Error ? e.message : String(e) });
  }
});
