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
  /** Font size of the node's name and share, in px; 0: drawn without a label. */
  labelSize: number;
  /** Centre of the label's two lines: on the node in the grid, under it for the grouped leaders. */
  labelY: number;
}

/** A caption the grouped map writes over a group (the leaders' share, the tail's count and share), and the group's frame. */
export interface MapCaption {
  text: string;
  x: number;
  y: number;
  size: number;
  box: Box;
}

/** A free slot: where the next subnet registration would land. */
export interface FreeSlot {
  x: number;
  y: number;
  radius: number;
}

export interface MapLayout {
  /** Leaders named and large, the tail small and unlabeled (a full network), or one grid (a workshop). */
  grouped: boolean;
  nodes: MapNode[];
  free: FreeSlot[];
  captions: MapCaption[];
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

/** Steps of a flow colour's strength: the eye tells no finer ones apart, and each step is a redraw. */
const FLOW_STEPS = 8;

/** Inflow greens, outflow reds, by the flow's size against the largest flow on the network. */
export function flowColour(flow: number, maxAbsFlow: number): number {
  if (!(maxAbsFlow > 0) || flow === 0 || !Number.isFinite(flow)) return NEUTRAL;
  const t = 0.25 + (0.75 * Math.round(FLOW_STEPS * Math.min(1, Math.abs(flow) / maxAbsFlow))) / FLOW_STEPS;
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
export function freeSlots(subnets: readonly MapSubnet[], box: Box, slots: number): FreeSlot[] {
  const { n, centre, maxRadius } = grid(subnets, box, slots);
  const taken = new Set(subnets.map((s) => s.netuid));
  const out: FreeSlot[] = [];
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
    const at = centre(s.netuid);
    // A floor keeps the long tail visible and tappable next to a giant like Chutes.
    const radius = Math.max(MIN_SIZE * maxRadius, size * maxRadius);
    return {
      ...node(s, at.x, at.y, radius, flowColour(s.netFlow, maxFlow)),
      ring: maxShare > 0 ? Math.max(0, s.emissionShare) / maxShare : 0,
      labelSize: radius >= LABEL_MIN_RADIUS ? Math.max(10, Math.min(28, radius * 0.45)) : 0,
      labelY: at.y,
    };
  });
}

/** Grid nodes smaller than this carry no label: a 10 px label over a dot is noise from afar. */
const LABEL_MIN_RADIUS = 13;

function node(s: MapSubnet, x: number, y: number, radius: number, fill: number): MapNode {
  return { netuid: s.netuid, label: s.name || `SN${s.netuid}`, x, y, radius, fill, ring: 0, share: s.emissionShare, flow: Math.sign(s.netFlow) as -1 | 0 | 1, prune: s.pruneCandidate, immune: s.immune, labelSize: 0, labelY: y };
}

/** Up to this many subnets, every one is drawn in its netuid's cell and named (the workshop's 4-6). */
export const GRID_UP_TO = 16;
/** How many subnets the grouped map names: the seed article's "top 10". */
export const LEADERS = 10;
/** Leader labels (bold): the longest name must fit its cell at this many px per character and em. */
const CHAR_EM = 0.66;
/** Largest and smallest leader label, px: a 1080p projector read from the back wants the large end. */
const LABEL_MAX = 34;
const LABEL_MIN = 11;
/** A leader's label is two lines: the name, then flow and share. */
const LABEL_LINES = 2.3;
/** Smallest leader and tail dot, as a fraction of their group's largest. */
const LEADER_FLOOR = 0.3;
const TAIL_FLOOR = 0.45;
/** Gap between a grouped node and its selection ring; a leader's label starts clear of that ring. */
export const SELECT_GAP = 7;
const LABEL_GAP = SELECT_GAP + 6;

/**
 * The map for a network of any size. A workshop's handful of subnets: one grid by netuid, sized by
 * pool (`layoutNetwork`). A full network: the `LEADERS` largest emission takers named and large,
 * sized by emission share, under a caption with their share of the whole; the rest small and
 * unlabeled in a block of their own, captioned with their count and share, free slots among them.
 */
export function layoutMap(subnets: readonly MapSubnet[], box: Box, slots = 0): MapLayout {
  if (subnets.length <= GRID_UP_TO) return { grouped: false, nodes: layoutNetwork(subnets, box, slots), free: freeSlots(subnets, box, slots), captions: [] };
  const ranked = [...subnets].sort((a, b) => b.emissionShare - a.emissionShare || a.netuid - b.netuid);
  const leaders = ranked.slice(0, LEADERS);
  const leaderIds = new Set(leaders.map((s) => s.netuid));
  const total = subnets.reduce((a, s) => a + Math.max(0, s.emissionShare), 0);
  const topShare = total > 0 ? leaders.reduce((a, s) => a + Math.max(0, s.emissionShare), 0) / total : 0;
  let maxFlow = 0;
  for (const s of subnets) maxFlow = Math.max(maxFlow, Math.abs(s.netFlow));

  // Side by side on a wide box, leaders above the tail on a tall one (a phone).
  const wide = box.width >= box.height;
  const captionSize = Math.round(Math.max(12, Math.min(30, Math.min(box.width, box.height) * 0.05)));
  const band = captionSize * 1.5;
  const lead: Box = wide ? { ...box, width: box.width * 0.68 } : { ...box, height: box.height * 0.64 };
  const tail: Box = wide ? { ...box, x: box.x + lead.width, width: box.width - lead.width } : { ...box, y: box.y + lead.height, height: box.height - lead.height };
  const others = subnets.length - leaders.length;
  const captions: MapCaption[] = [
    { text: `Top ${leaders.length} · ${fixed(topShare)} of emission`, x: lead.x + lead.width / 2, y: lead.y + band / 2, size: captionSize, box: lead },
    { text: `${others} others · ${fixed(Math.max(0, 1 - topShare))}`, x: tail.x + tail.width / 2, y: tail.y + band / 2, size: Math.round(captionSize * 0.85), box: tail },
  ];
  const leadNodes = placeLeaders(leaders, { ...lead, y: lead.y + band, height: lead.height - band }, maxFlow);

  // The tail keeps netuid order, free slots in place, so a subnet stays put while the leaders reshuffle.
  const n = Math.max(slots, ...subnets.map((s) => s.netuid));
  const byId = new Map(subnets.map((s) => [s.netuid, s]));
  const cells: (MapSubnet | number)[] = [];
  for (let id = 1; id <= n; id++) if (!leaderIds.has(id)) cells.push(byId.get(id) ?? id);
  for (const s of subnets) if ((s.netuid < 1 || s.netuid > n) && !leaderIds.has(s.netuid)) cells.push(s);
  const area: Box = { x: tail.x + 6, y: tail.y + band, width: tail.width - 12, height: tail.height - band - 4 };
  const { cols, rows, cell } = gridFor(Math.max(1, cells.length), area.width, area.height);
  const x0 = area.x + (area.width - cols * cell) / 2;
  const y0 = area.y + (area.height - rows * cell) / 2;
  const maxR = Math.max(2, cell * 0.36);
  let tailMax = 0;
  for (const c of cells) if (typeof c !== 'number') tailMax = Math.max(tailMax, c.emissionShare);
  const tailNodes: MapNode[] = [];
  const free: FreeSlot[] = [];
  cells.forEach((c, i) => {
    const x = x0 + ((i % cols) + 0.5) * cell;
    const y = y0 + (Math.floor(i / cols) + 0.5) * cell;
    if (typeof c === 'number') return void free.push({ x, y, radius: maxR * 0.6 });
    const size = tailMax > 0 ? Math.sqrt(Math.max(0, c.emissionShare) / tailMax) : 0;
    tailNodes.push(node(c, x, y, maxR * Math.max(TAIL_FLOOR, size), flowColour(c.netFlow, maxFlow)));
  });
  return { grouped: true, nodes: [...leadNodes, ...tailNodes], free, captions };
}

/** The leaders in rank order, in the grid of cells that gives the largest nodes with their labels under them. */
function placeLeaders(leaders: readonly MapSubnet[], box: Box, maxFlow: number): MapNode[] {
  // The second line ("▲ 14.0 %") is 8 characters.
  const longest = Math.max(8, ...leaders.map((s) => (s.name || `SN${s.netuid}`).length));
  // The best grid names every leader legibly (no label under LABEL_MIN), then has the largest nodes.
  let best = { cols: 1, rows: 1, radius: -Infinity, label: 0, fits: false };
  for (let cols = 1; cols <= leaders.length; cols++) {
    const rows = Math.ceil(leaders.length / cols);
    const cw = box.width / cols;
    const ch = box.height / rows;
    const label = Math.min(LABEL_MAX, (cw * 0.92) / (longest * CHAR_EM), ch * 0.28);
    const radius = Math.min(cw * 0.42, (ch - label * LABEL_LINES - LABEL_GAP - 4) / 2.2);
    const fits = label >= LABEL_MIN;
    if ((fits && !best.fits) || (fits === best.fits && (fits ? radius > best.radius : label > best.label))) best = { cols, rows, radius, label, fits };
  }
  const { cols, rows, label } = best;
  const maxR = Math.max(4, best.radius);
  const cw = box.width / cols;
  const ch = box.height / rows;
  const top = Math.max(0, leaders[0]?.emissionShare ?? 0);
  return leaders.map((s, i) => {
    const radius = maxR * Math.max(LEADER_FLOOR, top > 0 ? Math.sqrt(Math.max(0, s.emissionShare) / top) : 0);
    const x = box.x + ((i % cols) + 0.5) * cw;
    // The circles share a centre line per row, the largest circle and its label centred in the
    // row; each label sits just under its own circle.
    const y = box.y + Math.floor(i / cols) * ch + (ch - 2 * maxR - LABEL_GAP - label * LABEL_LINES) / 2 + maxR;
    return { ...node(s, x, y, radius, flowColour(s.netFlow, maxFlow)), labelSize: label, labelY: y + radius + LABEL_GAP + (label * LABEL_LINES) / 2 };
  });
}

const fixed = (ratio: number) => `${Math.round(ratio * 100)} %`;

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
  const ranked = [...subnets].sort((a, b) => b.emissionShare - a.emissionShare || a.netuid - b.netuid);
  const lines = ranked.map((s) => ({ key: `SN${s.netuid}`, text: `${title(s)}: ${facts(s).join(', ')}` }));
  if (subnets.length <= GRID_UP_TO) return lines;
  const total = subnets.reduce((a, s) => a + Math.max(0, s.emissionShare), 0);
  const top = total > 0 ? ranked.slice(0, LEADERS).reduce((a, s) => a + Math.max(0, s.emissionShare), 0) / total : 0;
  return [{ key: 'groups', text: `The top ${LEADERS} take ${fixed(top)} of emission, the other ${subnets.length - LEADERS} ${fixed(Math.max(0, 1 - top))}.` }, ...lines];
}

/** What the map shows of one subnet when it is pointed at or tapped: name, rank by emission, facts. */
export function subnetCard(subnets: readonly MapSubnet[], netuid: number): { title: string; lines: string[] } | null {
  const s = subnets.find((x) => x.netuid === netuid);
  if (!s) return null;
  const rank = 1 + subnets.filter((x) => x.emissionShare > s.emissionShare || (x.emissionShare === s.emissionShare && x.netuid < s.netuid)).length;
  return { title: title(s), lines: [`#${rank} of ${subnets.length} by emission`, ...facts(s)] };
}
