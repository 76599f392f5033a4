// Benchmarks: one simulated day of the full network with bots, and one Yuma epoch at 256 UIDs beside
// a bare float64 pass over the same matrices. Prints medians and ratios; `--json` ends with one JSON line.
// npm run bench [-- --runs 3 --yuma-runs 200 --json]
import { parseArgs } from 'node:util';
import type { Subnet } from '../../shared/engine/index.ts';
import { auditConservation, yumaEpoch } from '../../shared/engine/index.ts';
import { yumaInput, yumaStakes } from '../../shared/engine/epoch.ts';
import { buildScenario, Game, isScenarioError } from '../../shared/game/index.ts';
import { barePass, denseInput } from './bare_yuma.ts';
import { ProgressBar } from './progress.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'yuma-runs': { type: 'string', default: '200' }, blocks: { type: 'string', default: '7200' }, json: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs));
const yumaRuns = Math.max(5, Number(values['yuma-runs']));
const blocks = Math.max(1, Number(values.blocks));
// One block is 12 s on the chain.
const SECONDS_PER_BLOCK = 12;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (line: string) => process.stdout.write(`${line}\n`);

function fullNetworkGame(): Game {
  const scenario = buildScenario('mainnet', { durationBlocks: blocks });
  if (isScenarioError(scenario)) throw new Error(scenario.message);
  return Game.create(scenario, 1);
}

// 1. A day of the full network: 128 subnets × 256 UIDs, incumbents and the preset's bots.
const daySeconds: number[] = [];
const dayCpuSeconds: number[] = [];
const engineSeconds: number[] = [];
const createSeconds: number[] = [];

/** Chain.step times of the day's blocks, by how many subnet epochs ran in the block. */
const stepMs = new Map<number, number[]>();
/** Subnet epochs in one run of the day (2,560 in 7,200 blocks of 128 subnets at tempo 360). */
let dayEpochs = 0;

/** Times what the chain itself spends (step, and the actions the game applies), to split engine from game layer. */
function meterChain(game: Game): () => number {
  const chain = game.chain;
  let spent = 0;
  const step = chain.step.bind(chain);
  const apply = chain.apply.bind(chain);
  chain.step = () => {
    const t = performance.now();
    const r = step();
    const ms = performance.now() - t;
    spent += ms;
    const epochs = r.filter((e) => e.type === 'epoch').length;
    dayEpochs += epochs;
    if (!stepMs.has(epochs)) stepMs.set(epochs, []);
    stepMs.get(epochs)!.push(ms);
    return r;
  };
  chain.apply = (a) => {
    const t = performance.now();
    const r = apply(a);
    spent += performance.now() - t;
    return r;
  };
  return () => spent / 1000;
}
let lastGame: Game | null = null;
for (let r = 0; r < runs; r++) {
  dayEpochs = 0;
  const t0 = performance.now();
  const game = fullNetworkGame();
  const engine = meterChain(game);
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  const bar = new ProgressBar(blocks, `day ${r + 1}/${runs}`);
  for (let b = 1; b <= blocks; b++) {
    game.step();
    bar.update(b);
  }
  bar.done();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  createSeconds.push((t1 - t0) / 1000);
  daySeconds.push((t2 - t1) / 1000);
  dayCpuSeconds.push((cpu.user + cpu.system) / 1e6);
  engineSeconds.push(engine());
  if (auditConservation(game.chain.state).length > 0) throw new Error('conservation broken in the bench run');
  lastGame = game;
}
const day = median(daySeconds);
const realTimeFactor = (blocks * SECONDS_PER_BLOCK) / day;
log(`full network (mainnet preset: ${lastGame!.subnetIds().length} subnets × ${lastGame!.chain.state.params.maxAllowedUids} UIDs, ${lastGame!.players().length} bots), ${blocks} blocks:`);
log(`  day median ${day.toFixed(2)} s over ${runs} runs (${daySeconds.map((s) => s.toFixed(2)).join(', ')}; fastest ${Math.min(...daySeconds).toFixed(2)} s); process CPU ${median(dayCpuSeconds).toFixed(2)} s; genesis ${median(createSeconds).toFixed(2)} s`);
log(`  of which the chain (Chain.step + the actions the game applies) ${median(engineSeconds).toFixed(2)} s, the game layer and bots ${(day - median(engineSeconds)).toFixed(2)} s`);
const plainBlock = median(stepMs.get(0) ?? [0]);
const perEpoch = median([...stepMs].filter(([k]) => k > 0).flatMap(([k, xs]) => xs.map((x) => (x - plainBlock) / k)));
log(`  Chain.step: a block with no epoch ${plainBlock.toFixed(3)} ms (median), each 256-UID subnet epoch adds ${perEpoch.toFixed(3)} ms (median)`);
log(`  real-time factor ${Math.round(realTimeFactor).toLocaleString('en')}× (target ≥ 20,000×, a day ≤ 4.3 s)`);

// 2. One Yuma epoch at 256 UIDs on a real subnet of that network (weights and bonds as the day left them).
const chain = lastGame!.chain;
const subnet = chain.state.subnets.find((s): s is Subnet => s !== null && s.neurons.length === 256)!;
const input = yumaInput(chain.state, subnet, 1e12, yumaStakes(chain.state, subnet).weighted);
const dense = denseInput(input);
const time = (fn: () => unknown, n: number): number[] => {
  for (let i = 0; i < Math.min(20, n); i++) fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
};
let sink = 0;
const yumaMs = median(time(() => (sink += yumaEpoch(input).incentive[1]), yumaRuns));
const drainInputMs = median(time(() => (sink += yumaInput(chain.state, subnet, 1e12, yumaStakes(chain.state, subnet).weighted).stake.length), yumaRuns));
const bareMs = median(time(() => (sink += barePass(dense, true)), yumaRuns));
const bareDenseMs = median(time(() => (sink += barePass(dense, false)), yumaRuns));
const yumaRatio = yumaMs / bareMs;
// The whole day as a multiple of its epochs' bare arithmetic: what is not Yuma itself (payouts,
// stake books, incumbents' weights, coinbase, bots, GC) shows as the excess over 1.
const dayOverBare = (day * 1000) / (dayEpochs * bareMs);
// The same by process CPU time: on a machine shared with other work the wall clock counts waiting
// for a core, CPU time does not (a short bare pass's median is rarely interrupted).
const dayCpuOverBare = (median(dayCpuSeconds) * 1000) / (dayEpochs * bareMs);
log(`Yuma epoch at 256 UIDs (subnet ${subnet.netuid}, ${input.validatorPermit.filter(Boolean).length} permits), medians of ${yumaRuns}:`);
log(`  yumaEpoch ${yumaMs.toFixed(3)} ms; building its input from the chain state ${drainInputMs.toFixed(3)} ms`);
log(`  bare float64 pass over the ${dense.rows.length} rows that can be non-zero ${bareMs.toFixed(3)} ms: ratio ${yumaRatio.toFixed(2)}× (target ≤ 10×)`);
log(`  (the same bare pass over all ${dense.n} rows ${bareDenseMs.toFixed(3)} ms: ratio ${(yumaMs / bareDenseMs).toFixed(2)}×)`);
log(`the day ${day.toFixed(2)} s = ${dayOverBare.toFixed(2)}× its ${dayEpochs.toLocaleString('en')} bare passes (${((dayEpochs * bareMs) / 1000).toFixed(2)} s); by CPU time ${dayCpuOverBare.toFixed(2)}×`);
if (sink === 42) log('');

if (values.json) {
  log(JSON.stringify({ daySeconds: day, dayOverBare, dayCpuOverBare, dayEpochs, realTimeFactor, yumaRatio, yumaMs, bareMs, bareDenseMs, yumaInputMs: drainInputMs, genesisSeconds: median(createSeconds), dayCpuSeconds: median(dayCpuSeconds), dayFastestSeconds: Math.min(...daySeconds), engineSeconds: median(engineSeconds), plainBlockMs: plainBlock, epochMs: perEpoch, blocks, runs, daySecondsRuns: daySeconds }));
}
