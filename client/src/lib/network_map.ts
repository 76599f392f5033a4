// The network map as data: where each subnet sits, how big, what colour, how much ring.
// Pure, so the Phaser renderer only draws what this returns and tests can check the rules.

/** What the map needs to know about a subnet; the room adapter fills it from synced state. */
export interface MapSubnet {
  netuid: number;
  name: string;
  /** TAO in the pool, in whole TAO (display only). */
  poolTao: number;
  /** EMA of net TAO flow (positive: more staked than unstaked). */
  netFlow: number;
  /** Share of the block's TAO emission, in [0, 1]. */
  emissionShare: number;
  /** The subnet that would be deregistered if a registration came now. */
  pruneCandidate: boolean;
  immune: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapNode {
  netuid: number;
  label: string;
  x: number;
  y: number;
  radius: number;
  /** 0xRRGGBB */
  fill: number;
  /** Fraction of a full circle drawn around the node: emission share relative to the leader's. */
  ring: number;
  share: number;
  /** Direction of the net flow, so the colour is not its only carrier: 1 in, -1 out, 0 none. */
  flow: -1 | 0 | 1;
  prune: boolean;
  immune: boolean;
}

/** How far a node's drawing reaches, in radii: the emission ring and the prune marker sit outside it. */
export const REACH = 1.5;
/** Smallest node, as a fraction of the largest. */
export const MIN_SIZE = 0.22;
export const NEUTRAL = 0x64748b;
export const INFLOW = 0x22c55e;
export const OUTFLOW = 0xef4444;

/** Linear blend of two 0xRRGGBB colours, t in [0, 1]. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.max(0, Math.min(1, t));
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - k) + ((b >> s) & 255) * k);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** Inflow greens, outflow reds, by the flow's size against the largest flow on the network. */
export function flowColour(flow: number, maxAbsFlow: number): number {
  if (!(maxAbsFlow > 0) || flow === 0 || !Number.isFinite(flow)) return NEUTRAL;
  const t = 0.25 + 0.75 * Math.min(1, Math.abs(flow) / maxAbsFlow);
  return mix(NEUTRAL, flow > 0 ? INFLOW : OUTFLOW, t);
}

/** The grid of `n` equal cells that fits the box with the largest cells. */
export function gridFor(n: number, width: number, height: number): { cols: number; rows: number; cell: number } {
  let best = { cols: 1, rows: n, cell: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const cell = Math.min(width / cols, height / rows);
    if (cell > best.cell) best = { cols, rows, cell };
  }
  return best;
}

/**
 * Places subnets in a grid of `slots` cells by netuid, so a subnet keeps its place while others
 * register and get pruned, and free slots stay visible as gaps. Cells are as large as the box
 * allows; a node (with its ring) fits its cell at the largest pool.
 */
function grid(subnets: readonly MapSubnet[], box: Box, slots: number) {
  const n = Math.max(slots, 1, ...subnets.map((s) => s.netuid));
  const { cols, rows, cell } = gridFor(n, box.width, box.height);
  const x0 = box.x + (box.width - cols * cell) / 2;
  const y0 = box.y + (box.height - rows * cell) / 2;
  /** Centre of the cell of a netuid (1-based; netuid 0, root, takes the last cell). */
  const centre = (netuid: number) => {
    const i = netuid >= 1 ? netuid - 1 : n - 1;
    return { x: x0 + ((i % cols) + 0.5) * cell, y: y0 + (Math.floor(i / cols) + 0.5) * cell };
  };
  return { n, centre, maxRadius: Math.max(3, (cell / 2 - 2) / REACH) };
}

/** Where a registration could still land: the cells of slots no subnet holds. */
export function freeSlots(subnets: readonly MapSubnet[], box: Box, slots: number): { x: number; y: number; radius: number }[] {
  const { n, centre, maxRadius } = grid(subnets, box, slots);
  const taken = new Set(subnets.map((s) => s.netuid));
  const out: { x: number; y: number; radius: number }[] = [];
  for (let netuid = 1; netuid <= n; netuid++) if (!taken.has(netuid)) out.push({ ...centre(netuid), radius: maxRadius * 0.5 });
  return out;
}

export function layoutNetwork(subnets: readonly MapSubnet[], box: Box, slots = 0): MapNode[] {
  const { centre, maxRadius } = grid(subnets, box, slots);
  let maxPool = 0;
  let maxFlow = 0;
  let maxShare = 0;
  for (const s of subnets) {
    maxPool = Math.max(maxPool, s.poolTao);
    maxFlow = Math.max(maxFlow, Math.abs(s.netFlow));
    maxShare = Math.max(maxShare, s.emissionShare);
  }
  return subnets.map((s) => {
    const size = maxPool > 0 ? Math.sqrt(Math.max(0, s.poolTao) / maxPool) : 0;
    return {
      netuid: s.netuid,
      label: s.name || `SN${s.netuid}`,
      ...centre(s.netuid),
      // A floor keeps the long tail visible and tappable next to a giant like Chutes.
      radius: Math.max(MIN_SIZE * maxRadius, size * maxRadius),
      fill: flowColour(s.netFlow, maxFlow),
      ring: maxShare > 0 ? Math.max(0, s.emissionShare) / maxShare : 0,
      share: s.emissionShare,
      flow: Math.sign(s.netFlow) as -1 | 0 | 1,
      prune: s.pruneCandidate,
      immune: s.immune,
    };
  });
}

/** The node under a pointer (touch gets a few pixels of slack), or null. */
export function nodeAt(nodes: readonly MapNode[], x: number, y: number, slack = 6): MapNode | null {
  let best: MapNode | null = null;
  let bestD = Infinity;
  for (const node of nodes) {
    const d = Math.hypot(node.x - x, node.y - y);
    if (d <= node.radius + slack && d < bestD) {
      best = node;
      bestD = d;
    }
  }
  return best;
}

/**
 * The map in words, one line a subnet, largest emission share first: what a screen reader reads,
 * and what carries the map's meaning without its colours and sizes.
 */
export function mapInWords(subnets: readonly MapSubnet[]): string[] {
  return [...subnets]
    .sort((a, b) => b.emissionShare - a.emissionShare || a.netuid - b.netuid)
    .map((s) => {
      const flow = s.netFlow > 0 ? 'net inflow' : s.netFlow < 0 ? 'net outflow' : 'no net flow';
      const status = s.pruneCandidate ? ', next to be pruned' : s.immune ? ', immune' : '';
      return `SN${s.netuid}${s.name && s.name !== `SN${s.netuid}` ? ` ${s.name}` : ''}: ${(s.emissionShare * 100).toFixed(1)} % of emission, ${flow}, pool ${Math.round(s.poolTao).toLocaleString('en-US')} τ${status}`;
    });
}
