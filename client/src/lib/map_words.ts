// The map in words: what a screen reader reads for the map, and the details card of one subnet.
import { GRID_UP_TO, LEADERS, type MapSubnet, rankByEmission, shareOfTop, wholePercent } from './map_layout.ts';

/** The facts the map's list reads and its hover card shows, beside the name and the rank. */
function facts(s: MapSubnet): string[] {
  const flow = s.netFlow > 0 ? 'net inflow' : s.netFlow < 0 ? 'net outflow' : 'no net flow';
  const status = s.pruneCandidate ? ['next to be pruned'] : s.immune ? ['immune'] : [];
  return [`${(s.emissionShare * 100).toFixed(1)} % of emission`, flow, `pool ${Math.round(s.poolTao).toLocaleString('en-US')} τ`, ...status];
}

const title = (s: MapSubnet) => `SN${s.netuid}${s.name && s.name !== `SN${s.netuid}` ? ` ${s.name}` : ''}`;

/** A line of the map in words, keyed so a list can keep one item per subnet (and one for the groups) across updates. */
export interface MapLine {
  key: string;
  text: string;
}

/**
 * The map in words, one line a subnet, largest emission share first: what a screen reader reads,
 * and what carries the map's meaning without its colours and sizes. A grouped map says its groups first.
 */
export function mapInWords(subnets: readonly MapSubnet[]): MapLine[] {
  const ranked = rankByEmission(subnets);
  const lines = ranked.map((s) => ({ key: `SN${s.netuid}`, text: `${title(s)}: ${facts(s).join(', ')}` }));
  if (subnets.length <= GRID_UP_TO) return lines;
  const top = shareOfTop(subnets, ranked.slice(0, LEADERS));
  return [{ key: 'groups', text: `The top ${LEADERS} take ${wholePercent(top)} of emission, the other ${subnets.length - LEADERS} ${wholePercent(Math.max(0, 1 - top))}.` }, ...lines];
}

/** What the map shows of one subnet when it is pointed at or tapped: name, rank by emission, facts. */
export function subnetCard(subnets: readonly MapSubnet[], netuid: number): { title: string; lines: string[] } | null {
  const s = subnets.find((x) => x.netuid === netuid);
  if (!s) return null;
  const rank = 1 + subnets.filter((x) => x.emissionShare > s.emissionShare || (x.emissionShare === s.emissionShare && x.netuid < s.netuid)).length;
  return { title: title(s), lines: [`#${rank} of ${subnets.length} by emission`, ...facts(s)] };
}
