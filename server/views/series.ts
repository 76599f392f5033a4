// The charts' series: what the game recorded, thinned to at most `maxPoints` sampled blocks.
import type { SeriesData } from '../../shared/game/index.ts';
import type { SeriesView } from '../../shared/protocol/index.ts';

/**
 * The subnets in `netuids` and every player's net worth (players in join order, as the series
 * numbers them), at evenly spaced sampled blocks, always the first and the last.
 */
export function seriesView(data: SeriesData, players: readonly string[], maxPoints: number, netuids: readonly number[]): SeriesView {
  const wanted = new Set(netuids);
  const rows = data.subnets; // [block, netuid, price, movingPrice, flowEma, emissionShare, taoIn, alphaIn]
  const sampled = [...new Set(rows.map((r) => r[0]))];
  const keep = new Set(thin(sampled, maxPoints));
  const blocks = sampled.filter((b) => keep.has(b));
  const at = new Map(blocks.map((b, i) => [b, i]));
  const subnets: SeriesView['subnets'] = {};
  for (const r of rows) {
    const i = at.get(r[0]);
    if (i === undefined || !wanted.has(r[1])) continue;
    const m = (subnets[r[1]] ??= { price: fill(blocks.length), taoIn: fill(blocks.length), flowEma: fill(blocks.length), emissionShare: fill(blocks.length) });
    m.price[i] = r[2];
    m.flowEma[i] = r[4];
    m.emissionShare[i] = r[5];
    m.taoIn[i] = r[6];
  }
  const netWorth: SeriesView['netWorth'] = {};
  for (const id of players) netWorth[id] = fill(blocks.length);
  for (const [block, player, worth] of data.worth) {
    const i = at.get(block);
    const id = players[player];
    if (i !== undefined && id !== undefined) netWorth[id][i] = worth;
  }
  return { block: blocks, subnets, netWorth };
}

/** Evenly spaced items, always keeping the first and the last. */
function thin<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(items[Math.round((k * (items.length - 1)) / (max - 1))]);
  return out;
}

/** A column with no value yet (a subnet registered later, a pruned one): null in JSON, blank in CSV. */
const fill = (n: number): number[] => new Array(n).fill(NaN);
