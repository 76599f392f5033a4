// Networks the map's unit tests lay out.
import type { MapSubnet } from '../../client/src/lib/map_layout.ts';

export const subnet = (netuid: number, over: Partial<MapSubnet> = {}): MapSubnet => ({ netuid, name: `SN${netuid}`, poolTao: 1000, netFlow: 0, emissionShare: 1 / 128, pruneCandidate: false, immune: false, ...over });

/** The seed article's leaders by netuid, name and emission share. */
const LEADERS: [number, string, number][] = [[64, 'Chutes', 0.14], [3, 'Templar', 0.06], [56, 'Gradients', 0.055], [51, 'Lium', 0.05], [4, 'Targon', 0.05], [8, 'Vanta', 0.045], [19, 'Nineteen', 0.04], [9, 'IOTA', 0.04], [62, 'Ridges', 0.04], [120, 'Affine', 0.04]];

/** The seed article's network: its ten leaders by name and share, 118 others sharing the rest, SN100 next to be pruned. */
export const march = (slots = 128): MapSubnet[] => {
  const lead = new Map(LEADERS.map(([id, name, share]) => [id, { name, share }]));
  return Array.from({ length: slots }, (_, i) => {
    const id = i + 1;
    const l = lead.get(id);
    return subnet(id, { name: l?.name ?? `SN${id}`, emissionShare: l?.share ?? (0.44 / 118) * (0.5 + (id % 7) / 6), netFlow: id % 5 === 0 ? -0.1 : 0.2, pruneCandidate: id === 100 });
  });
};
