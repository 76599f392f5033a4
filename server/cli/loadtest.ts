// Measures one server process under load: simulation tick time (median, p99 over every room's
// ticks), patch time, how late the server's timers fire, and bytes each client receives per second.
// The server runs on the main thread; the clients (the example bot playing every role, plus
// spectators) run in worker threads so their decoding does not sit in the server's event loop.
//   npm run loadtest -- --preset workshop --clients 50 --seconds 30
//   npm run loadtest -- --preset mainnet --json          (and march-2026: 100 clients at 10 blocks/s)
//   npm run loadtest -- --preset workshop --rooms 20 --clients 50 --bps 10 --workers 1 --seconds 30
// --clients is per room; rooms are dealt round-robin to the --workers client threads. The full
// network presets default to the big-screen case: 100 clients, 10 blocks/s (120× the chain's pace).
// `--json` ends the output with one JSON line of every figure.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants as perf, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { isMainThread, parentPort, type Worker, workerData } from 'node:worker_threads';
import { matchMaker } from '@colyseus/core';
import { listen } from '@colyseus/tools';
import type { Room } from 'colyseus.js';
import { Client } from 'colyseus.js';
import type { ArenaRoom } from '../arena_room.ts';
import { appConfig } from '../app.config.ts';
import { runBot } from './bot.ts';
import { mainThreadCpuSeconds } from './proc_cpu.ts';
import { useGameStore } from '../persistence/archive.ts';
import { shadowsOf } from '../persistence/shadow.ts';
import { GameStore } from '../persistence/store.ts';
import type { ArenaState } from '../../shared/protocol/schema.ts';
import { limits, useLimits } from '../limits.ts';
import { TickStats } from '../tick_stats.ts';
import { tsWorker } from '../ts_worker.ts';

/** One room a worker fills with clients. */
interface RoomPlan {
  code: string;
  clients: number;
  spectators: number;
  subnets: number;
}

interface Plan {
  url: string;
  rooms: RoomPlan[];
}

/** What a worker reports: bytes per second of each of its clients, and the sum by kind. */
interface WorkerReport {
  perClient: number[];
  byKind: Record<string, number>;
}

const ROLES = ['staker', 'validator', 'miner', 'owner'] as const;

interface Meter {
  bytes: number;
  /** Bytes by what they carried: 'patch', 'state', or the message type. */
  byKind: Record<string, number>;
}

/** What a frame carries: a state patch, the full state, or a message (its type is a short string). */
function kindOf(data: Uint8Array): string {
  if (data[0] === 15) return 'patch';
  if (data[0] === 14) return 'state';
  if (data[0] === 13 && (data[1] & 0xe0) === 0xa0) return new TextDecoder().decode(data.subarray(2, 2 + (data[1] & 0x1f)));
  return `code ${data[0]}`;
}

/** Counts the bytes a client receives from the moment this is called. */
function meter(room: Room<ArenaState>): Meter {
  const m: Meter = { bytes: 0, byKind: {} };
  const ws = (room.connection.transport as unknown as { ws: { onmessage: (e: { data: ArrayBuffer }) => void } }).ws;
  const original = ws.onmessage;
  ws.onmessage = (e) => {
    const n = e.data.byteLength;
    m.bytes += n;
    const kind = kindOf(new Uint8Array(e.data));
    m.byKind[kind] = (m.byKind[kind] ?? 0) + n;
    original(e);
  };
  return m;
}

/** Joins one room's clients one after another (as people arriving), returning their meters. */
async function fill(url: string, r: RoomPlan): Promise<{ meters: Meter[]; rooms: Room<ArenaState>[] }> {
  const meters: Meter[] = [];
  const rooms: Room<ArenaState>[] = [];
  for (let i = 0; i < r.clients; i++) {
    const spectator = i >= r.clients - r.spectators;
    const room = spectator
      ? await new Client(url).joinById<ArenaState>(r.code, { name: `Screen ${i}`, role: 'spectator' })
      : await runBot({ url, code: r.code, role: ROLES[i % ROLES.length], name: `Load ${i}`, every: 10 }, () => {});
    if (spectator) room.onMessage('*', () => {});
    // Everyone looks at some subnet's neuron table, as a player's detail panel would.
    room.send('watch_subnet', { netuid: 1 + (i % r.subnets) });
    meters.push(meter(room));
    rooms.push(room);
  }
  return { meters, rooms };
}

/** A worker: fills its rooms (all at once), then measures when the main thread says so. */
async function clients(plan: Plan): Promise<void> {
  const filled = await Promise.all(plan.rooms.map((r) => fill(plan.url, r)));
  const meters = filled.flatMap((f) => f.meters);
  let since = 0;
  parentPort!.on('message', async (m: { reset?: boolean; report?: boolean }) => {
    if (m.reset) {
      for (const x of meters) {
        x.bytes = 0;
        x.byKind = {};
      }
      since = performance.now();
    }
    if (m.report) {
      const seconds = (performance.now() - since) / 1000;
      const byKind: Record<string, number> = {};
      for (const x of meters) for (const [k, b] of Object.entries(x.byKind)) byKind[k] = (byKind[k] ?? 0) + b / seconds;
      const report: WorkerReport = { perClient: meters.map((x) => x.bytes / seconds), byKind };
      parentPort!.postMessage({ report, busy: performance.eventLoopUtilization() });
      await Promise.all(filled.flatMap((f) => f.rooms).map((r) => r.leave().catch(() => {})));
    }
  });
  parentPort!.postMessage({ joined: true });
}

/** Starts a worker thread on this same file with its share of the rooms. */
function startWorker(plan: Plan): Worker {
  return tsWorker(import.meta.url, { workerData: plan });
}

/** Resolves with the first message from each worker that satisfies `pick`. */
function fromEach<T>(workers: Worker[], pick: (m: any) => T | undefined): Promise<T[]> {
  return Promise.all(
    workers.map(
      (w) =>
        new Promise<T>((resolve, reject) => {
          w.once('error', reject);
          const on = (m: unknown) => {
            const v = pick(m);
            if (v === undefined) return;
            w.off('message', on);
            resolve(v);
          };
          w.on('message', on);
        }),
    ),
  );
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const preset = arg('preset', 'workshop');
  const port = Number(arg('port', '2599'));
  const fullNetwork = preset !== 'workshop';
  const perRoom = Number(arg('clients', fullNetwork ? '100' : '50'));
  const roomCount = Number(arg('rooms', '1'));
  const workerCount = Math.min(Number(arg('workers', '1')), roomCount);
  const seconds = Number(arg('seconds', '30'));
  const warmup = Number(arg('warmup', '5'));
  const bps = arg('bps', fullNetwork ? '10' : '');
  const json = argv.includes('--json');
  // Rooms archive to a database as under `npm start` (a throwaway file; `--db none` to leave it out).
  const db = arg('db', join(tmpdir(), `arena-load-${process.pid}.sqlite`));
  const store = db === 'none' ? null : GameStore.open(db);
  useGameStore(store);
  // Every bot connects from this one address: lift the per-address cap (300, sized for a workshop
  // behind one NAT) to what the run opens, or more than three rooms of 100 would be refused.
  const connections = perRoom * roomCount;
  if (connections > limits().connectionsPerAddress) useLimits({ connectionsPerAddress: connections });
  const server = await listen({ ...appConfig({ clientDir: '/nonexistent' }), displayLogs: false }, port);

  const memory0 = process.memoryUsage();
  // Every room's ticks go into one distribution: the p99 a player in any room may meet.
  const ticks = new TickStats(1_000_000);
  const patches = new TickStats(1_000_000);
  const parts = { blocks: new TickStats(1_000_000), mirror: new TickStats(1_000_000), feeds: new TickStats(1_000_000) };
  const rooms: ArenaRoom[] = [];
  const plans: RoomPlan[] = [];
  for (let r = 0; r < roomCount; r++) {
    const created = await matchMaker.createRoom('arena', { preset, seed: `load-${r}`, ...(bps ? { overrides: { blocksPerSecond: Number(bps) } } : {}) });
    const room = matchMaker.getLocalRoomById(created.roomId) as ArenaRoom;
    const pairs = [[room.tickTimes, ticks], [room.patchTimes, patches], ...(['blocks', 'mirror', 'feeds'] as const).map((k) => [room.tickParts[k], parts[k]] as const)];
    for (const [own, all] of pairs) {
      const record = own.record.bind(own);
      own.record = (ms) => {
        record(ms);
        all.record(ms);
      };
    }
    rooms.push(room);
    plans.push({ code: created.roomId, clients: perRoom, spectators: Math.round(perRoom / 5), subnets: room.state.subnets.size });
  }
  const url = `ws://localhost:${port}`;
  const workers = Array.from({ length: workerCount }, (_, w) => startWorker({ url, rooms: plans.filter((_, r) => r % workerCount === w) }));
  await fromEach(workers, (m) => m.joined);
  process.stderr.write(`${roomCount} × ${perRoom} clients joined (${preset}, ${workerCount} worker${workerCount > 1 ? 's' : ''}); warming up ${warmup} s\n`);
  await sleep(warmup);

  for (const stats of [ticks, patches, ...Object.values(parts)]) stats.reset();
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  // The server thread's garbage collections (this isolate's only: the clients' threads have their own heaps).
  const scavenges = new TickStats(1_000_000);
  const fullGcs = new TickStats(1_000_000);
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) ((e as unknown as { detail: { kind: number } }).detail.kind === perf.NODE_PERFORMANCE_GC_MINOR ? scavenges : fullGcs).record(e.duration);
  });
  gcs.observe({ entryTypes: ['gc'] });
  const busy0 = performance.eventLoopUtilization();
  const cpu0 = mainThreadCpuSeconds();
  const blocks0 = rooms.map((r) => r.state.clock.block);
  for (const w of workers) w.postMessage({ reset: true });
  process.stderr.write(`measuring for ${seconds} s…\n`);
  await sleep(seconds);
  const busy = performance.eventLoopUtilization(busy0);
  const cpu1 = mainThreadCpuSeconds();
  lag.disable();
  gcs.disconnect();
  const memory = process.memoryUsage();
  const blocksPerSecond = rooms.map((r, i) => (r.state.clock.block - blocks0[i]) / seconds).sort((a, b) => a - b);
  for (const w of workers) w.postMessage({ report: true });
  const reports = await fromEach(workers, (m) => (m.report ? (m as { report: WorkerReport; busy: { utilization: number } }) : undefined));

  // The snapshot thread's figures (after it has caught up: a thread far behind shows here as a wait).
  const shadow = store ? await shadowsOf(store)?.settled() : undefined;

  const perClient = reports.flatMap((r) => r.report.perClient).sort((a, b) => a - b);
  const byKind: Record<string, number> = {};
  for (const r of reports) for (const [k, b] of Object.entries(r.report.byKind)) byKind[k] = (byKind[k] ?? 0) + b / perClient.length;
  const t = ticks.summary();
  const p = patches.summary();
  const sc = scavenges.summary();
  const other = fullGcs.summary();
  const result = {
    preset,
    database: db !== 'none',
    rooms: roomCount,
    clientsPerRoom: perRoom,
    clients: perClient.length,
    workers: workerCount,
    subnets: rooms[0].state.subnets.size,
    blocksPerSecond: { target: rooms[0].state.clock.blocksPerSecond * rooms[0].state.clock.speed, achievedMin: round(blocksPerSecond[0]), achievedMedian: round(blocksPerSecond[Math.floor(blocksPerSecond.length / 2)]) },
    tickMs: { median: round(t.median), p99: round(t.p99), max: round(t.max), ticks: t.count },
    patchMs: { median: round(p.median), p99: round(p.p99) },
    // The ticks above by part, each part's own distribution (so the parts' p99s need not add up to the tick's).
    tickPartsMs: Object.fromEntries(Object.entries(parts).map(([k, stats]) => {
      const s = stats.summary();
      return [k, { median: round(s.median), p99: round(s.p99), max: round(s.max) }];
    })),
    // How late timers fire on the server thread: what a tick waits for before it can even start.
    eventLoopDelayMs: { median: lateMs(lag.percentile(50)), p99: lateMs(lag.percentile(99)), max: lateMs(lag.max) },
    // Its young-generation collections stop the thread wherever they land: a tick they land in is a slow tick.
    gcMs: { scavenges: sc.count, scavengeMedian: round(sc.median), scavengeP99: round(sc.p99), scavengeMax: round(sc.max), otherCollections: other.count, otherMax: round(other.max) },
    busy: { server: round(busy.utilization), clientWorkers: reports.map((r) => round(r.busy.utilization)) },
    // CPU time the server thread used per second measured: unlike busy (wall time), not inflated when other work shares the cores.
    serverThreadCpu: cpu0 === null || cpu1 === null ? null : round((cpu1 - cpu0) / seconds),
    bytesPerClientPerSecond: { median: Math.round(perClient[Math.floor(perClient.length / 2)]), max: Math.round(perClient.at(-1)!), meanByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, Math.round(v)])) },
    // What the rooms and their connections added to the server process (heap includes garbage not yet collected).
    memoryMB: { heapPerRoom: round((memory.heapUsed - memory0.heapUsed) / MB / roomCount), heapUsed: round(memory.heapUsed / MB), rss: round(memory.rss / MB), snapshotThreadHeap: shadow ? round(shadow.heapMB) : null },
    // The thread that keeps each game's shadow and writes its snapshots (none with --db none).
    snapshots: shadow ? { written: shadow.snapshots, ms: { median: round(shadow.snapshotMs.median), max: round(shadow.snapshotMs.max) }, storedKB: Math.round(shadow.snapshotBytes / 1000), threadBusy: round(shadow.busy) } : null,
  };
  const kinds = Object.entries(result.bytesPerClientPerSecond.meanByKind).sort((a, b) => b[1] - a[1]);
  console.log(`${preset}: ${roomCount} room${roomCount > 1 ? 's' : ''} × ${perRoom} clients, ${result.blocksPerSecond.achievedMedian} blocks/s (target ${result.blocksPerSecond.target})`);
  console.log(`  tick median ${result.tickMs.median} ms, p99 ${result.tickMs.p99} ms, max ${result.tickMs.max} ms (${t.count} ticks); patch median ${result.patchMs.median} ms; loop late p99 ${result.eventLoopDelayMs.p99} ms; server busy ${Math.round(result.busy.server * 100)} %${result.serverThreadCpu === null ? '' : ` (CPU ${Math.round(result.serverThreadCpu * 100)} % of a core)`}`);
  console.log(`  server thread GC: ${result.gcMs.scavenges} scavenges, median ${result.gcMs.scavengeMedian} ms, max ${result.gcMs.scavengeMax} ms; ${result.gcMs.otherCollections} other collections, max ${result.gcMs.otherMax} ms`);
  console.log(`  tick parts (median / p99 ms): ${Object.entries(result.tickPartsMs).map(([k, v]) => `${k} ${v.median} / ${v.p99}`).join(', ')}`);
  console.log(`  bytes per client per second: median ${(result.bytesPerClientPerSecond.median / 1000).toFixed(1)} KB (${kinds.map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ')} KB)`);
  console.log(`  memory: heap ${result.memoryMB.heapPerRoom} MB per room, snapshot thread heap ${result.memoryMB.snapshotThreadHeap} MB, process rss ${result.memoryMB.rss} MB`);
  if (result.snapshots) console.log(`  snapshots (off the room thread): ${result.snapshots.written}, each ${result.snapshots.ms.median} ms median, ${result.snapshots.ms.max} ms max, ${result.snapshots.storedKB} KB stored; snapshot thread busy ${Math.round(result.snapshots.threadBusy * 100)} %`);
  if (json) console.log(JSON.stringify(result));
  await Promise.all(workers.map((w) => w.terminate()));
  await server.gracefullyShutdown(false);
  if (!argv.includes('--db')) rmSync(db, { force: true });
  process.exit(0);
}

const round = (x: number) => Math.round(x * 100) / 100;

const MB = 1024 * 1024;
/** The histogram holds the whole interval between samples (ns); what is past the interval is lateness. */
const LAG_RESOLUTION_MS = 5;
const lateMs = (ns: number) => round(Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS));

if (isMainThread) await main();
else await clients(workerData as Plan);
