// Balance, measured: plays a preset over many seeds headless, with a sensible and a naive stand-in
// for the people of every role beside the preset's bots and the facilitator's events on the
// workshop's schedule, and prints the figures that make a session explainable against targets.
// npm run balance [-- --seeds 24 --from 1 --preset workshop --overrides JSON --json]
import { parseArgs } from 'node:util';
import { type BalanceSummary, buildScenario, isScenarioError, MECHANISMS, playSeed, presetNames, ROLES, summariseSeeds, WORKSHOP_ROOM, WORKSHOP_SCRIPT } from '../../shared/game/index.ts';
import { ProgressBar } from './progress.ts';

const USAGE = `usage: npm run balance -- [--seeds N (24)] [--from S (1)] [--preset ${presetNames.join('|')}] [--overrides JSON] [--json]
  24 seeds take a few minutes on a busy 2-core machine; use --seeds 100 for tighter figures.`;

/** What an explainable 30 minutes needs (the reasons are in README, "Balance"). */
const TARGETS: { name: string; pass: (s: BalanceSummary) => boolean }[] = [
  { name: 'no subnet holds more than 60 % of emission for a minute (median), 75 % (p90)', pass: (s) => s.maxEmissionShare.median <= 0.6 && s.maxEmissionShare.p90 <= 0.75 },
  { name: 'careful play neither sinks nor runs away: every role’s sensible median return within −20 % … +200 %', pass: (s) => ROLES.every((r) => s.roleReturn[r].median >= -0.2 && s.roleReturn[r].median <= 2) },
  { name: 'every role has a path to the top of its table: sensible tops it in ≥ 25 % of seeds', pass: (s) => ROLES.every((r) => s.roleTopRate[r] >= 0.25) },
  { name: 'bots hold at most half the podium places', pass: (s) => s.botPodiumRate <= 0.5 },
  { name: 'no event costs a careful player more than 20 % of net worth (median)', pass: (s) => Object.values(s.eventLoss).every((v) => v >= -0.2) },
  { name: 'the halving shows in every game; the flywheel, a pruning and Yuma clipping in ≥ half', pass: (s) => s.visible.halving === 1 && s.visible.flywheel >= 0.5 && s.visible.pruning >= 0.5 && s.visible.clipping >= 0.5 },
  { name: 'no TAO created or lost in any game', pass: (s) => s.conservation },
];

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({ options: { seeds: { type: 'string', default: '24' }, from: { type: 'string', default: '1' }, preset: { type: 'string', default: 'workshop' }, overrides: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (e) {
    return fail((e as Error).message);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const seeds = Number(values.seeds);
const from = Number(values.from);
if (!Number.isInteger(seeds) || seeds < 1) fail('--seeds must be a positive whole number');
if (!Number.isInteger(from)) fail('--from must be a whole number');
let overrides: unknown;
try {
  overrides = values.overrides === undefined ? undefined : JSON.parse(values.overrides);
} catch {
  fail('--overrides must be JSON');
}
const scenario = buildScenario(values.preset!, overrides);
if (isScenarioError(scenario)) fail(scenario.message);

const bar = new ProgressBar(seeds, `balance ${scenario.name}`);
const started = performance.now();
const figures = [];
for (let i = 0; i < seeds; i++) {
  figures.push(playSeed(scenario, from + i));
  bar.update(i + 1);
}
bar.done();
const s = summariseSeeds(figures);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;
const share = (x: number) => `${(x * 100).toFixed(0)} %`;
const lines = [
  `${scenario.name}: ${seeds} seeds (${from}–${from + seeds - 1}) in ${((performance.now() - started) / 1000).toFixed(0)} s; a room of ${Object.values(WORKSHOP_ROOM).reduce((a, b) => a + b, 0)} stand-ins, half of them careful, beside the preset's bots; surge at block ${WORKSHOP_SCRIPT.surge.block.toLocaleString('en-US')}, shock at ${WORKSHOP_SCRIPT.shock.block.toLocaleString('en-US')}`,
  `largest emission share held for a minute: median ${share(s.maxEmissionShare.median)}, p90 ${share(s.maxEmissionShare.p90)}; one subnet above half of emission for ${s.longestMajorityBlocks.median} blocks (median), ${s.longestMajorityBlocks.p90} (p90)`,
  'return on starting net worth    sensible: median (p10 … p90)        naive: median (p10 … p90)   sensible tops its role',
  ...ROLES.map((r) => `  ${r.padEnd(10)} ${`${pct(s.roleReturn[r].median)} (${pct(s.roleReturn[r].p10)} … ${pct(s.roleReturn[r].p90)})`.padStart(32)}   ${`${pct(s.naiveReturn[r].median)} (${pct(s.naiveReturn[r].p10)} … ${pct(s.naiveReturn[r].p90)})`.padStart(30)}   ${share(s.roleTopRate[r]).padStart(6)}`),
  `bots on the podium: ${share(s.botPodiumRate)} of places`,
  `careful players' net worth across each event (median): ${Object.entries(s.eventLoss).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`,
  `visible in the 30 minutes: ${MECHANISMS.map((m) => `${m} ${share(s.visible[m])}`).join(', ')}`,
  'targets:',
  ...TARGETS.map((t) => `  ${t.pass(s) ? 'met ' : 'MISS'}  ${t.name}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
if (values.json) {
  const { seeds: n, maxEmissionShare, roleReturn, botPodiumRate, eventLoss, visible } = s;
  process.stdout.write(`${JSON.stringify({ seeds: n, maxEmissionShare, roleReturn, botPodiumRate, eventLoss, visible, naiveReturn: s.naiveReturn, roleTopRate: s.roleTopRate, targetsMet: TARGETS.filter((t) => t.pass(s)).length, targets: TARGETS.length })}\n`);
}
if (!s.conservation) process.exit(1);
