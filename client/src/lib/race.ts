// The net-worth race replayed at the end: who is in it, and how much of it is drawn at a moment.
import type { ResultRow, SeriesView } from '../../../shared/protocol/index.ts';

export interface Runner {
  playerId: string;
  label: string;
  values: number[];
}

/** The top `n` of the final standings plus the best-placed person if no person made the cut. */
export function runners(rows: readonly ResultRow[], series: Pick<SeriesView, 'netWorth'>, n = 8): Runner[] {
  const picked = rows.slice(0, n);
  const person = rows.find((r) => !r.bot);
  if (person && !picked.includes(person)) picked[picked.length - 1] = person;
  return picked.flatMap((r) => (series.netWorth[r.playerId] ? [{ playerId: r.playerId, label: `${r.rank}. ${r.name}${r.bot ? ' (bot)' : ''}`, values: series.netWorth[r.playerId] }] : []));
}

/** The first `shown` points of each line, the rest left blank so the axis keeps the whole game. */
export function revealed(values: readonly number[], fraction: number): number[] {
  const shown = Math.max(1, Math.ceil(values.length * Math.min(1, Math.max(0, fraction))));
  return values.map((v, i) => (i < shown ? v : NaN));
}
