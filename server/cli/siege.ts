// The resource attacks of issue 11 against a running server, with /health timed throughout:
//   npx tsx server/cli/siege.ts --url http://127.0.0.1:2567 [--seconds 20] [--creates 300] [--heavy no]
// 1. the stalling create (mainnet, 1000 blocks/s, tempo 1) over HTTP with no socket after it;
// 2. the heaviest create this server admits (mainnet with a 10-block tempo at falling rates);
// 3. a flood of `--creates` HTTP creates from this one address, as fast as they are answered.
// /health is asked every 100 ms (one at a time); its latency median, p99 and max are printed,
// with what each create got back.

import { argv } from 'node:process';
import { quantile } from '../../shared/game/index.ts';

const arg = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const url = arg('url', 'http://127.0.0.1:2567');
const seconds = Number(arg('seconds', '20'));
const creates = Number(arg('creates', '300'));
const heavyRates = arg('heavy', 'yes') === 'no' ? [] : [200, 100, 50, 20, 10, 5];

async function create(options: unknown): Promise<string> {
  try {
    const res = await fetch(`${url}/matchmake/create/arena`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
    const body = (await res.json()) as { room?: unknown; error?: string };
    return body.room ? 'created' : (body.error ?? 'refused').split(':')[0];
  } catch (e) {
    return `failed (${e instanceof Error ? e.message : String(e)})`;
  }
}

const HEALTH_TIMEOUT_MS = 15_000;
const latencies: number[] = [];
let probing = true;
async function probe(): Promise<void> {
  while (probing) {
    const started = performance.now();
    try {
      await fetch(`${url}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
      latencies.push(performance.now() - started);
    } catch {
      latencies.push(HEALTH_TIMEOUT_MS);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tally = (results: string[]) => Object.entries(results.reduce<Record<string, number>>((t, r) => ((t[r] = (t[r] ?? 0) + 1), t), {})).map(([k, n]) => `${k} ×${n}`).join(', ');

const probing_ = probe();
const stall: string[] = [];
const heavy: string[] = [];
const flood: string[] = [];
let floodSeconds = NaN;
const attack = (async () => {
  stall.push(await create({ preset: 'mainnet', overrides: { blocksPerSecond: 1000, chain: { tempo: 1 } } }));
  for (const bps of heavyRates) heavy.push(`${bps}/s: ${await create({ preset: 'mainnet', overrides: { blocksPerSecond: bps, chain: { tempo: 10 } } })}`);
  const floodStarted = performance.now();
  for (let i = 0; i < creates; i++) flood.push(await create({ preset: 'workshop' }));
  floodSeconds = (performance.now() - floodStarted) / 1000;
})();
// The run lasts `seconds` whatever the server does: a stalled server shows as unanswered requests.
await Promise.race([attack, new Promise((r) => setTimeout(r, seconds * 1000))]);
probing = false;
await probing_;
const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }).then((r) => r.json(), () => 'no answer');

console.log(`stalling create: ${stall[0] ?? 'no answer'}`);
console.log(`heaviest mainnet (tempo 10) creates: ${heavy.join(', ') || 'none answered'}`);
console.log(`${flood.length} of ${creates} workshop creates answered${Number.isNaN(floodSeconds) ? '' : ` in ${floodSeconds.toFixed(1)} s`}: ${tally(flood)}`);
console.log(`/health over ${seconds} s: ${latencies.length} asked, median ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (${HEALTH_TIMEOUT_MS / 1000} s = no answer)`);
console.log(`/health at the end: ${JSON.stringify(health)}`);
process.exit(0);
