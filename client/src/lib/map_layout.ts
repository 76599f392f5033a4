// The network map's layout: where each subnet sits, how big, what colour, how much ring, where its
// label goes and which box a tap on it lands in. Pure, so the Phaser renderer only draws what this
// returns and tests can check the rules.
import { flowColour, largestFlow } from './flow_colour.ts';
import { fit, labelHeight, labelWidth, sizeForHeight, sizeForWidth, textWidth } from './map_labels.ts';

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
  /** Font size of the node's name and share, in px; 0: unlabeled (a picked tail node's label then takes `PICKED_LABEL`). */
  labelSize: number;
  /** The label's anchor: its centre, or the middle of its left edge (`labelAlign`). On the node in the grid, under or beside it for the grouped leaders, above or below a tail node for when it is picked. */
  labelX: number;
  labelY: number;
  labelAlign: 'center' | 'left';
  /** Where a pointer or a tap picks this subnet; null: too small to pick alone (its group is tapped instead). */
  hit: Box | null;
}

/** A caption the grouped map writes over a group (the leaders' share, the tail's count and share), and the group's frame. */
export interface MapCaption {
  text: string;
  x: number;
  y: number;
  size: number;
  box: Box;
  /** A tap on the frame shows this part of the map: the tail's subnets large enough to tap, or everything again. */
  opens?: MapFocus;
}

/** What the grouped map shows: every subnet, or only the tail, when its dots are too small to tap on the whole map. */
export type MapFocus = 'all' | 'tail';

/** A free slot: where the next subnet registration would land. */
export interface FreeSlot {
  x: number;
  y: number;
  radius: number;
}

export interface MapLayout {
  /** Leaders named and large, the tail small and unlabeled (a full network), or one grid (a workshop). */
  grouped: boolean;
  /** The part shown: 'tail' only when it was asked for and the tail cannot be tapped on the whole map. */
  focus: MapFocus;
  nodes: MapNode[];
  free: FreeSlot[];
  captions: MapCaption[];
}

/** How far a node's drawing reaches, in radii: the emission ring and the prune marker sit outside it. */
export const REACH = 1.5;
/** Smallest tap target, CSS px (WCAG 2.2's target size). */
export const MIN_TARGET = 24;
/** Smallest node, as a fraction of the largest. */
export const MIN_SIZE = 0.22;
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
  return { n, centre, cell, maxRadius: Math.max(3, (cell / 2 - 2) / REACH) };
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
  const { centre, cell, maxRadius } = grid(subnets, box, slots);
  let maxPool = 0;
  let maxShare = 0;
  for (const s of subnets) {
    maxPool = Math.max(maxPool, s.poolTao);
    maxShare = Math.max(maxShare, s.emissionShare);
  }
  const maxFlow = largestFlow(subnets.map((s) => s.netFlow));
  return subnets.map((s) => {
    const size = maxPool > 0 ? Math.sqrt(Math.max(0, s.poolTao) / maxPool) : 0;
    const at = centre(s.netuid);
    // A floor keeps the long tail visible and tappable next to a giant like Chutes.
    const radius = Math.max(MIN_SIZE * maxRadius, size * maxRadius);
    return {
      ...node(s, at.x, at.y, radius, flowColour(s.netFlow, maxFlow)),
      ring: maxShare > 0 ? Math.max(0, s.emissionShare) / maxShare : 0,
      labelSize: radius >= LABEL_MIN_RADIUS ? Math.max(10, Math.min(28, radius * 0.45)) : 0,
      hit: cellBox(at.x, at.y, cell, cell),
    };
  });
}

/** Grid nodes smaller than this carry no label: a 10 px label over a dot is noise from afar. */
const LABEL_MIN_RADIUS = 13;

function node(s: MapSubnet, x: number, y: number, radius: number, fill: number): MapNode {
  return { netuid: s.netuid, label: s.name || `SN${s.netuid}`, x, y, radius, fill, ring: 0, share: s.emissionShare, flow: Math.sign(s.netFlow) as -1 | 0 | 1, prune: s.pruneCandidate, immune: s.immune, labelSize: 0, labelX: x, labelY: y, labelAlign: 'center', hit: null };
}

/** The box of a cell centred on (x, y). */
const cellBox = (x: number, y: number, width: number, height: number): Box => ({ x: x - width / 2, y: y - height / 2, width, height });

/** Up to this many subnets, every one is drawn in its netuid's cell and named (the workshop's 4-6). */
export const GRID_UP_TO = 16;
/** How many subnets the grouped map names: the seed article's "top 10". */
export const LEADERS = 10;
/** Largest and smallest leader label, px: a 1080p projector read from the back of a room wants the large end, a phone the small one. */
const LABEL_MAX = 34;
const LABEL_MIN = 12;
/** A leader label this large reads at arm's length: past it, larger circles matter more than larger type. */
const LABEL_EASY = 16;
/** Smallest leader and tail dot, as a fraction of their group's largest. */
const LEADER_FLOOR = 0.3;
const TAIL_FLOOR = 0.45;
/** Below this, the largest leader's circle is too small for the leaders' sizes to tell apart. */
const LEADER_RADIUS_MIN = 6;
/** Gap between a grouped node and its selection ring; a leader's label starts clear of that ring. */
export const SELECT_GAP = 7;
const LABEL_GAP = SELECT_GAP + 6;
/** Room a leader keeps around its circle for the selection ring (3 px wide). */
const RING_ROOM = SELECT_GAP + 3;
/** The prune marker's radius: the outermost ring a node wears (3 px wide; 2 px, and close, on a dot tapped only with its group). */
export const pruneRingRadius = (n: MapNode): number => n.radius + (n.hit ? Math.max(7, n.radius * 0.45) : 4);
/** What a node's drawing covers: its circle and every ring it may wear. */
export const dotBox = (n: MapNode): Box => {
  const r = pruneRingRadius(n) + 1.5;
  return { x: n.x - r, y: n.y - r, width: 2 * r, height: 2 * r };
};
/** Where a node's label is drawn, as the layout sizes it (`size`: a picked tail node's). */
export const labelBox = (n: MapNode, size = n.labelSize): Box => {
  const width = labelWidth(n.label, size);
  const height = labelHeight(size);
  return { x: n.labelAlign === 'left' ? n.labelX : n.labelX - width / 2, y: n.labelY - height / 2, width, height };
};

/** Size of the label a picked tail node gets, which otherwise carries none. */
export const PICKED_LABEL = 14;
/** The lane under a tappable tail that holds a picked node's label: among the dots it would cover its neighbours. */
const PICKED_LANE = labelHeight(PICKED_LABEL) + 4;

export interface MapOptions {
  /** Subnet slots on the network: the ones no subnet holds are drawn as free. */
  slots?: number;
  focus?: MapFocus;
}

/** The full network's two groups: the leaders by emission share, and the tail's cells in netuid order (a number: a free slot). */
function groups(subnets: readonly MapSubnet[], slots: number) {
  const leaders = rankByEmission(subnets).slice(0, LEADERS);
  const leaderIds = new Set(leaders.map((s) => s.netuid));
  const topShare = shareOfTop(subnets, leaders);
  const maxFlow = largestFlow(subnets.map((s) => s.netFlow));
  // The tail keeps netuid order, free slots in place, so a subnet stays put while the leaders reshuffle.
  const n = Math.max(slots, ...subnets.map((s) => s.netuid));
  const byId = new Map(subnets.map((s) => [s.netuid, s]));
  const cells: (MapSubnet | number)[] = [];
  for (let id = 1; id <= n; id++) if (!leaderIds.has(id)) cells.push(byId.get(id) ?? id);
  for (const s of subnets) if ((s.netuid < 1 || s.netuid > n) && !leaderIds.has(s.netuid)) cells.push(s);
  const top = `Top ${leaders.length} · ${wholePercent(topShare)}`;
  const others = `${subnets.length - leaders.length} others · ${wholePercent(Math.max(0, 1 - topShare))}`;
  return { leaders, cells, maxFlow, top, others };
}

type Groups = ReturnType<typeof groups>;

/**
 * The map for a network of any size. A workshop's handful of subnets: one grid by netuid, sized by
 * pool (`layoutNetwork`). A full network: the `LEADERS` largest emission takers named and large,
 * sized by emission share, under a caption with their share of the whole; the rest small and
 * unlabeled in a block of their own, captioned with their count and share, free slots among them.
 * Where the tail's dots would be too small to tap one by one (a phone), the tail is one strip that a
 * tap opens (`focus: 'tail'`): then the tail alone fills the map, each subnet a fair target.
 */
export function layoutMap(subnets: readonly MapSubnet[], box: Box, { slots = 0, focus = 'all' }: MapOptions = {}): MapLayout {
  if (subnets.length <= GRID_UP_TO) return { grouped: false, focus: 'all', nodes: layoutNetwork(subnets, box, slots), free: freeSlots(subnets, box, slots), captions: [] };
  const net = groups(subnets, slots);
  const captionSize = Math.round(Math.max(12, Math.min(30, Math.min(box.width, box.height) * 0.05)));
  const band = captionSize * 1.5;

  // Side by side on a wide box, leaders above the tail on a tall one.
  const wide = box.width >= box.height;
  const lead: Box = wide ? { ...box, width: box.width * 0.68 } : { ...box, height: box.height * 0.64 };
  const tail: Box = wide ? { ...box, x: box.x + lead.width, width: box.width - lead.width } : { ...box, y: box.y + lead.height, height: box.height - lead.height };
  const tailArea: Box = { x: tail.x + 6, y: tail.y + band, width: tail.width - 12, height: tail.height - band - 4 };
  if (gridFor(Math.max(1, net.cells.length), tailArea.width, tailArea.height - PICKED_LANE).cell >= MIN_TARGET) {
    const captions = [caption(`${net.top} of emission`, lead, band, captionSize), caption(net.others, tail, band, Math.max(12, Math.round(captionSize * 0.85)))];
    return withTail('all', net, placeLeaders(net, below(lead, band)), tailArea, true, captions);
  }

  if (focus === 'tail') {
    // The tail alone, under a bar whose left end goes back to the whole map.
    const bar = Math.max(band, MIN_TARGET + 8);
    const back = `‹ ${net.top}`;
    const backSize = fit(back, box.width / 2 - 32, captionSize);
    const backBox: Box = { x: box.x + 4, y: box.y + 4, width: textWidth(back, backSize) + 24, height: bar - 8 };
    const right = box.x + box.width - (backBox.x + backBox.width);
    const captions: MapCaption[] = [
      { text: net.others, x: backBox.x + backBox.width + right / 2, y: box.y + bar / 2, size: fit(net.others, right - 16, captionSize), box },
      { text: back, x: backBox.x + backBox.width / 2, y: backBox.y + backBox.height / 2, size: backSize, box: backBox, opens: 'all' },
    ];
    return withTail('tail', net, [], { x: box.x + 4, y: box.y + bar, width: box.width - 8, height: box.height - bar - 4 }, true, captions);
  }

  // The tail as one strip across the bottom, its dots a picture of how many and how small; a tap opens it.
  const strip = band + Math.max(18, Math.min(40, box.height * 0.09));
  const rest: Box = { ...box, height: box.height - strip - 4 };
  const tailBox: Box = { ...box, y: box.y + box.height - strip, height: strip };
  const captions = [caption(`${net.top} of emission`, rest, band, captionSize), caption(`${net.others} · tap to see them ›`, tailBox, band, captionSize, 'tail')];
  return withTail('all', net, placeLeaders(net, below(rest, band)), { x: tailBox.x + 8, y: tailBox.y + band, width: tailBox.width - 16, height: strip - band - 4 }, false, captions);
}

const caption = (text: string, box: Box, band: number, size: number, opens?: MapFocus): MapCaption => ({ text, x: box.x + box.width / 2, y: box.y + band / 2, size: fit(text, box.width - 16, size), box, ...(opens ? { opens } : {}) });
const below = (box: Box, band: number): Box => ({ ...box, y: box.y + band, height: box.height - band });

/** The grouped layout: the leaders placed, the tail's cells laid out in `area`, one by one tappable (above the lane for a picked one's label) or not. */
function withTail(focus: MapFocus, net: Groups, leaders: MapNode[], area: Box, tappable: boolean, captions: MapCaption[]): MapLayout {
  const { cells, maxFlow } = net;
  const lane = tappable ? PICKED_LANE : 0;
  const { cols, rows, cell } = gridFor(Math.max(1, cells.length), area.width, area.height - lane);
  const x0 = area.x + (area.width - cols * cell) / 2;
  const y0 = area.y + (area.height - lane - rows * cell) / 2;
  const maxR = Math.max(2, cell * 0.36);
  let tailMax = 0;
  for (const c of cells) if (typeof c !== 'number') tailMax = Math.max(tailMax, c.emissionShare);
  const nodes = [...leaders];
  const free: FreeSlot[] = [];
  cells.forEach((c, i) => {
    const x = x0 + ((i % cols) + 0.5) * cell;
    const y = y0 + (Math.floor(i / cols) + 0.5) * cell;
    if (typeof c === 'number') return void free.push({ x, y, radius: maxR * 0.6 });
    const size = tailMax > 0 ? Math.sqrt(Math.max(0, c.emissionShare) / tailMax) : 0;
    const n = node(c, x, y, maxR * Math.max(TAIL_FLOOR, size), flowColour(c.netFlow, maxFlow));
    // A picked node's label: in the lane under its column, never past the group's sides.
    const half = labelWidth(n.label, PICKED_LABEL) / 2;
    const labelX = Math.max(area.x + half, Math.min(area.x + area.width - half, x));
    nodes.push({ ...n, labelX, labelY: area.y + area.height - lane / 2, hit: tappable ? cellBox(x, y, cell, cell) : null });
  });
  return { grouped: true, focus, nodes, free, captions };
}

/** How a grid of leaders would look: its label size, its largest circle, labels under or beside the circles. */
interface LeaderFit {
  cols: number;
  rows: number;
  label: number;
  radius: number;
  beside: boolean;
}

/** Labels centred under their circles: a row holds the ring's room, the circle, a gap and the label. */
function under(cols: number, rows: number, cw: number, ch: number, longest: number): LeaderFit {
  const label = Math.min(LABEL_MAX, sizeForWidth(cw * 0.92, longest), ch * 0.28);
  return { cols, rows, label, beside: false, radius: Math.min(cw * 0.42, cw / 2 - RING_ROOM, (ch - RING_ROOM - LABEL_GAP - labelHeight(label) - 4) / 2) };
}

/** Labels beside their circles, like a legend: what a short, wide box (a phone) reads best. */
function beside(cols: number, rows: number, cw: number, ch: number, longest: number): LeaderFit {
  const tall = Math.min(LABEL_MAX, sizeForHeight(ch - 4));
  const radius = Math.min((ch - 2 * RING_ROOM) / 2, tall * 0.8);
  return { cols, rows, radius, beside: true, label: Math.min(tall, sizeForWidth(cw - 8 - RING_ROOM - 2 * radius - LABEL_GAP, longest)) };
}

const legible = (f: LeaderFit) => f.label >= LABEL_MIN && f.radius >= LEADER_RADIUS_MIN;

/** The better of two leader grids: every leader named legibly first, then type up to easy reading, then the larger circles. */
function better(a: LeaderFit, b: LeaderFit): boolean {
  if (legible(a) !== legible(b)) return legible(a);
  if (!legible(a)) return a.label > b.label;
  const easy = Math.min(a.label, LABEL_EASY) - Math.min(b.label, LABEL_EASY);
  return easy !== 0 ? easy > 0 : a.radius > b.radius;
}

/** The leaders in rank order, in the grid of cells, labels under or beside, that reads best; each cell is its leader's target. */
function placeLeaders({ leaders, maxFlow }: Groups, box: Box): MapNode[] {
  const longest = Math.max(8, ...leaders.map((s) => (s.name || `SN${s.netuid}`).length));
  let best: LeaderFit | null = null;
  for (let cols = 1; cols <= leaders.length; cols++) {
    const rows = Math.ceil(leaders.length / cols);
    for (const place of [under, beside]) {
      const f = place(cols, rows, box.width / cols, box.height / rows, longest);
      if (!best || better(f, best)) best = f;
    }
  }
  const { cols, rows, label, beside: aside } = best!;
  const maxR = Math.max(4, best!.radius);
  const cw = box.width / cols;
  const ch = box.height / rows;
  const top = Math.max(0, leaders[0]?.emissionShare ?? 0);
  return leaders.map((s, i) => {
    const radius = maxR * Math.max(LEADER_FLOOR, top > 0 ? Math.sqrt(Math.max(0, s.emissionShare) / top) : 0);
    const cx = box.x + (i % cols) * cw;
    const cy = box.y + Math.floor(i / cols) * ch;
    const hit = { x: cx, y: cy, width: cw, height: ch };
    const n = (x: number, y: number) => node(s, x, y, radius, flowColour(s.netFlow, maxFlow));
    if (aside) {
      // The circles on one line down the cells' left, the names starting clear of the largest one's ring.
      const x = cx + 4 + RING_ROOM + maxR;
      return { ...n(x, cy + ch / 2), labelSize: label, labelX: x + maxR + LABEL_GAP, labelY: cy + ch / 2, labelAlign: 'left', hit };
    }
    // The circles share a centre line per row, the largest circle and its label centred in the
    // row below the ring's room; each label sits just under its own circle.
    const y = cy + RING_ROOM + (ch - RING_ROOM - 4 - 2 * maxR - LABEL_GAP - labelHeight(label)) / 2 + maxR;
    return { ...n(cx + cw / 2, y), labelSize: label, labelY: y + radius + LABEL_GAP + labelHeight(label) / 2, hit };
  });
}

/** A share as a whole percentage, as the captions and the map in words say it. */
export const wholePercent = (ratio: number): string => `${Math.round(ratio * 100)} %`;

/** Largest emission share first, ties by netuid: the order the leaders are picked and the list reads. */
export const rankByEmission = (subnets: readonly MapSubnet[]): MapSubnet[] => [...subnets].sort((a, b) => b.emissionShare - a.emissionShare || a.netuid - b.netuid);

/** The share of all emission that `top` takes. */
export function shareOfTop(subnets: readonly MapSubnet[], top: readonly MapSubnet[]): number {
  const sum = (xs: readonly MapSubnet[]) => xs.reduce((a, s) => a + Math.max(0, s.emissionShare), 0);
  const total = sum(subnets);
  return total > 0 ? sum(top) / total : 0;
}
