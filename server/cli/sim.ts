// Headless simulation: a preset with its bots, run block by block; writes the time series as CSV and JSON.
// npm run sim -- --preset mainnet --blocks 7200 --seed 1 --out run.csv
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditConservation, formatAmount } from '../../shared/engine/index.ts';
import { BLOCK_COLUMNS, buildScenario, EPOCH_COLUMNS, Game, isScenarioError, presetNames, SUBNET_COLUMNS, toCsv, topShare } from '../../shared/game/index.ts';
import { ProgressBar } from './progress.ts';

const USAGE = `usage: npm run sim -- [--preset ${presetNames.join('|')}] [--blocks N] [--seed S] [--out run.csv] [--overrides JSON]
  --out run.csv writes run.csv (one row a block), run.subnets.csv (every subnet, sampled),
  run.epochs.csv (one row a subnet epoch) and run.json (all of it, with the final leaderboard).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({ options: { preset: { type: 'string', default: 'workshop' }, blocks: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, overrides: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (e) {
    return fail((e as Error).message);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let overrides: Record<string, unknown> = {};
if (values.overrides) {
  try {
    overrides = JSON.parse(values.overrides);
  } catch {
    fail('--overrides must be JSON');
  }
}
const blocksArg = values.blocks === undefined ? undefined : Number(values.blocks);
if (blocksArg !== undefined && !(Number.isInteger(blocksArg) && blocksArg > 0)) fail('--blocks must be a positive whole number');
// The game lasts as long as asked, so it does not end (and stop taking moves) before the last block.
if (blocksArg !== undefined) overrides = { ...overrides, durationBlocks: blocksArg };

const scenario = buildScenario(values.preset!, overrides);
if (isScenarioError(scenario)) fail(scenario.message);
const blocks = blocksArg ?? scenario.game.durationBlocks;
const seed = /^-?\d+$/.test(values.seed!) ? Number(values.seed) : values.seed!;

const game = Game.create(scenario, seed);
const bar = new ProgressBar(blocks, `${scenario.name} seed ${seed}`);
for (let b = 1; b <= blocks; b++) {
  game.step();
  bar.update(b);
}
bar.done();

const signed = (rao: bigint): string => (rao < 0n ? `-${formatAmount(-rao)}` : `+${formatAmount(rao)}`);
const problems = auditConservation(game.chain.state);
const board = game.leaderboard();
const st = game.chain.state;
process.stdout.write(
  [
    `${scenario.name}, seed ${seed}: ${blocks} blocks to block ${game.block}; conservation ${problems.length === 0 ? 'exact' : `BROKEN: ${problems.join('; ')}`}`,
    `block emission ${formatAmount(st.blockEmission)} TAO, issuance ${formatAmount(st.tao.issuance)} TAO, top-10 emission share ${(topShare(game.chain, 10) * 100).toFixed(1)} %, bot moves refused: ${game.botRefusals.length}`,
    ...board.slice(0, 10).map((r) => `  ${String(r.rank).padStart(2)}. ${r.name.padEnd(24)} ${r.role.padEnd(9)} ${formatAmount(r.netWorth).padStart(16)} TAO  change ${signed(r.change)}`),
  ].join('\n') + '\n',
);

if (values.out) {
  const stem = values.out.replace(/\.csv$/i, '');
  const series = game.series;
  writeFileSync(`${stem}.csv`, toCsv(BLOCK_COLUMNS, series.blocks));
  writeFileSync(`${stem}.subnets.csv`, toCsv(SUBNET_COLUMNS, series.subnets));
  writeFileSync(`${stem}.epochs.csv`, toCsv(EPOCH_COLUMNS, series.epochs));
  const json = {
    preset: scenario.name,
    seed,
    blocks,
    columns: { blocks: BLOCK_COLUMNS, subnets: SUBNET_COLUMNS, epochs: EPOCH_COLUMNS },
    series: { blocks: series.blocks, subnets: series.subnets, epochs: series.epochs },
    leaderboard: board.map((r) => ({ ...r, netWorth: formatAmount(r.netWorth), startWorth: formatAmount(r.startWorth), change: r.change.toString(), emissionIncome: r.emissionIncome.toString(), priceGains: r.priceGains.toString(), business: r.business.toString() })),
    conservation: problems,
  };
  writeFileSync(`${stem}.json`, JSON.stringify(json));
  process.stdout.write(`wrote ${stem}.csv, ${stem}.subnets.csv, ${stem}.epochs.csv, ${stem}.json\n`);
}
if (problems.length > 0) process.exit(1);
