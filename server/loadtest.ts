// Measures one room under load: simulation tick time (median, p99), patch time, and bytes each
// client receives per second. The server runs on the main thread; the clients (the example bot
// playing every role, plus spectators) run in a worker thread so their decoding does not sit in the
// server's event loop.
//   npm run loadtest -- --preset workshop --clients 50 --seconds 30
//   npm run loadtest -- --preset mainnet --clients 20 --bps 10 --seconds 30
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { matchMaker } from '@colyseus/core';
import { listen } from '@colyseus/tools';
import type { Room } from 'colyseus.js';
import { Client } from 'colyseus.js';
import type { ArenaRoom } from './arena_room.ts';
import { appConfig } from './app.config.ts';
import { runBot } from './bot.ts';
import type { ArenaState } from './schema.ts';

interface Plan {
  url: string;
  code: string;
  clients: number;
  spectators: number;
  warmupSeconds: number;
  seconds: number;
  subnets: number;
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

async function clients(plan: Plan): Promise<void> {
  const meters: Meter[] = [];
  const rooms: Room<ArenaState>[] = [];
  for (let i = 0; i < plan.clients; i++) {
    const spectator = i >= plan.clients - plan.spectators;
    const room = spectator
      ? await new Client(plan.url).joinById<ArenaState>(plan.code, { name: `Screen ${i}`, role: 'spectator' })
      : await runBot({ url: plan.url, code: plan.code, role: ROLES[i % ROLES.length], name: `Load ${i}`, every: 10 }, () => {});
    if (spectator) room.onMessage('*', () => {});
    // Everyone looks at some subnet's neuron table, as a player's detail panel would.
    room.send('watch_subnet', { netuid: 1 + (i % plan.subnets) });
    meters.push(meter(room));
    rooms.push(room);
  }
  parentPort!.postMessage({ joined: true });
  await new Promise((r) => setTimeout(r, plan.warmupSeconds * 1000));
  for (const m of meters) {
    m.bytes = 0;
    m.byKind = {};
  }
  parentPort!.postMessage({ measuring: true });
  await new Promise((r) => setTimeout(r, plan.seconds * 1000));
  const perClient = meters.map((m) => m.bytes / plan.seconds).sort((a, b) => a - b);
  const byKind: Record<string, number> = {};
  for (const m of meters) for (const [k, b] of Object.entries(m.byKind)) byKind[k] = (byKind[k] ?? 0) + b / plan.seconds / meters.length;
  parentPort!.postMessage({ bytesPerClientPerSecond: { median: perClient[Math.floor(perClient.length / 2)], max: perClient.at(-1), byKind } });
  await Promise.all(rooms.map((r) => r.leave().catch(() => {})));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const preset = arg('preset', 'workshop');
  const port = Number(arg('port', '2599'));
  const n = Number(arg('clients', preset === 'workshop' ? '50' : '20'));
  const seconds = Number(arg('seconds', '30'));
  const bps = arg('bps', '');
  const server = await listen({ ...appConfig({ clientDir: '/nonexistent' }), displayLogs: false }, port);
  const created = await matchMaker.createRoom('arena', { preset, seed: 'load', ...(bps ? { overrides: { blocksPerSecond: Number(bps) } } : {}) });
  const room = matchMaker.getLocalRoomById(created.roomId) as ArenaRoom;
  const plan: Plan = { url: `ws://localhost:${port}`, code: created.roomId, clients: n, spectators: Math.round(n / 5), warmupSeconds: 5, seconds, subnets: room.state.subnets.size };

  // The worker runs this same TypeScript file, so it registers tsx's loader in its own thread first.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: plan });
  const bytes = await new Promise<{ median: number; max: number; byKind: Record<string, number> }>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m) => {
      if (m.joined) process.stderr.write(`${n} clients joined ${plan.code} (${preset}); warming up ${plan.warmupSeconds} s\n`);
      if (m.measuring) {
        room.tickTimes.reset();
        room.patchTimes.reset();
        process.stderr.write(`measuring for ${seconds} s…\n`);
      }
      if (m.bytesPerClientPerSecond) resolve(m.bytesPerClientPerSecond);
    });
  });
  const ticks = room.tickTimes.summary();
  const patches = room.patchTimes.summary();
  const result = {
    preset,
    clients: n,
    subnets: room.state.subnets.size,
    blocksPerSecond: room.state.clock.blocksPerSecond * room.state.clock.speed,
    blocks: room.state.clock.block,
    tickMs: { median: round(ticks.median), p99: round(ticks.p99), max: round(ticks.max), ticks: ticks.count },
    patchMs: { median: round(patches.median), p99: round(patches.p99) },
    bytesPerClientPerSecond: { median: Math.round(bytes.median), max: Math.round(bytes.max), meanByKind: Object.fromEntries(Object.entries(bytes.byKind).map(([k, v]) => [k, Math.round(v)])) },
  };
  console.log(JSON.stringify(result));
  await worker.terminate();
  await server.gracefullyShutdown(false);
  process.exit(0);
}

const round = (x: number) => Math.round(x * 100) / 100;

if (isMainThread) await main();
else await clients(workerData as Plan);
