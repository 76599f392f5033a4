// A subnet's colour on the map: the direction and strength of its net TAO flow.

export const NEUTRAL = 0x64748b;
export const INFLOW = 0x22c55e;
export const OUTFLOW = 0xef4444;

/** Linear blend of two 0xRRGGBB colours, t in [0, 1]. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.max(0, Math.min(1, t));
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - k) + ((b >> s) & 255) * k);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** Steps of a flow colour's strength: the eye tells no finer ones apart, and each step is a redraw. */
const FLOW_STEPS = 8;

/** Inflow greens, outflow reds, by the flow's size against the largest flow on the network. */
export function flowColour(flow: number, maxAbsFlow: number): number {
  if (!(maxAbsFlow > 0) || flow === 0 || !Number.isFinite(flow)) return NEUTRAL;
  const t = 0.25 + (0.75 * Math.round(FLOW_STEPS * Math.min(1, Math.abs(flow) / maxAbsFlow))) / FLOW_STEPS;
  return mix(NEUTRAL, flow > 0 ? INFLOW : OUTFLOW, t);
}

/** The largest net flow on the network, either way: what every subnet's colour is measured against. */
export const largestFlow = (flows: Iterable<number>): number => {
  let max = 0;
  for (const f of flows) max = Math.max(max, Math.abs(f));
  return max;
};
