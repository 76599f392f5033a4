import type { ResultsView, SeriesView } from '../shared/protocol/index.ts';

const cell = (v: string | number | boolean): string => {
  if (typeof v === 'number' && !Number.isFinite(v)) return ''; // no sample (a subnet not yet registered)
  if (typeof v !== 'string') return String(v);
  // A name like "=HYPERLINK(…)" must stay text in a spreadsheet: prefix formula starters with '.
  const s = /^[=+\-@\t]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const row = (values: (string | number | boolean)[]): string => values.map(cell).join(',');

export function resultsCsv(r: ResultsView): string {
  const head = ['rank', 'player_id', 'name', 'role', 'bot', 'net_worth_tao', 'change_tao', 'emission_income_tao', 'price_gains_tao'];
  const lines = r.rows.map((x) => row([x.rank, x.playerId, x.name, x.role, x.bot, x.netWorth, x.change, x.emissionIncome, x.priceGains]));
  return [row(head), ...lines].join('\n') + '\n';
}

/**
 * Wide format, one row per sampled block: what a spreadsheet charts directly. Players' columns are
 * headed by their names (unique in a room), from `results`; an id stands only where no name is known.
 */
export function seriesCsv(s: SeriesView, results?: ResultsView): string {
  const names = new Map(results?.rows.map((r) => [r.playerId, r.name]) ?? []);
  const columns: [string, number[]][] = [];
  for (const [netuid, m] of Object.entries(s.subnets)) {
    columns.push([`sn${netuid}_price`, m.price], [`sn${netuid}_tao_in`, m.taoIn], [`sn${netuid}_flow_ema`, m.flowEma], [`sn${netuid}_emission_share`, m.emissionShare]);
  }
  for (const [player, worth] of Object.entries(s.netWorth)) columns.push([`${names.get(player) ?? player}_net_worth`, worth]);
  const lines = s.block.map((b, i) => row([b, ...columns.map(([, col]) => col[i] ?? '')]));
  return [row(['block', ...columns.map(([name]) => name)]), ...lines].join('\n') + '\n';
}
