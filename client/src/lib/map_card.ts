// Where the details card of a pointed-at or tapped subnet goes: off the subnet and off its near
// neighbours, which the pointer or finger visits next, off every leader and off the subnet next to
// be pruned, which a player reads the map for; over as few other dots as the screen allows; never
// past the screen's edge. Pure, so tests can check it on any map and screen.
import { type Box, dotBox, labelBox, type MapCaption, type MapLayout, MIN_TARGET, type MapNode } from './map_layout.ts';
import { textWidth } from './map_labels.ts';

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** What the card must leave uncovered, and what it had better leave uncovered where the screen has room. */
export interface KeepClear {
  must: Box[];
  rather: Box[];
}

/** Space kept between the card and the map's edge, the screen's, or the subnet's side of the map. */
const MARGIN = 8;

/** Distance between two boxes along the axis that separates them most: 0 when they touch or overlap. */
const gap = (a: Box, b: Box) => Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width), a.y - (b.y + b.height), b.y - (a.y + a.height));

/** Where a caption's words are drawn (one line, centred on its anchor). */
const captionBox = (c: MapCaption): Box => {
  const width = textWidth(c.text, c.size);
  return { x: c.x - width / 2, y: c.y - 0.75 * c.size, width, height: 1.5 * c.size };
};

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Must: the subnet's target, every target less than one tap target away from it, the map's buttons
 * (a group that opens) and captions, each named leader's dot and name on a grouped map, the prune marker.
 * Rather: every other dot.
 */
export function keepClear(layout: MapLayout, node: MapNode): KeepClear {
  const own = node.hit ?? dotBox(node);
  const near = layout.nodes.filter((n) => n !== node && n.hit && gap(own, n.hit) < MIN_TARGET).map((n) => n.hit!);
  const leaders = layout.grouped ? layout.nodes.filter((n) => n.labelSize > 0).flatMap((n) => [dotBox(n), labelBox(n)]) : [];
  const prune = layout.nodes.filter((n) => n.prune).map(dotBox);
  const captions = layout.captions.map((c) => (c.opens ? c.box : captionBox(c)));
  return { must: [own, ...near, ...captions, ...leaders, ...prune], rather: layout.nodes.map(dotBox) };
}

/**
 * The card's top-left corner, in the map's coordinates. Tried in turn: the map's corner across from
 * the subnet, the one across only sideways, then up or down, its own, then below or above the map
 * (the side away from the subnet first); the first that covers nothing in `clear` wins, else the one
 * that covers least of what it must not, then the fewest other dots.
 * `screen` is the visible page in the map's coordinates.
 */
export function cardSpot(card: Size, at: Point, clear: KeepClear, map: Box, screen: Box): Point {
  const left = map.x + MARGIN;
  const right = map.x + map.width - MARGIN - card.width;
  const top = map.y + MARGIN;
  const bottom = map.y + map.height - MARGIN - card.height;
  const xs = at.x < map.x + map.width / 2 ? [right, left] : [left, right];
  const ys = at.y < map.y + map.height / 2 ? [bottom, top] : [top, bottom];
  const out = at.y < map.y + map.height / 2 ? [map.y + map.height + MARGIN, map.y - MARGIN - card.height] : [map.y - MARGIN - card.height, map.y + map.height + MARGIN];
  const tries = [[xs[0], ys[0]], [xs[0], ys[1]], [xs[1], ys[0]], [xs[1], ys[1]], [xs[0], out[0]], [xs[1], out[0]], [xs[0], out[1]], [xs[1], out[1]]];
  let best: Point = { x: left, y: top };
  let least = [Infinity, Infinity];
  for (const [x, y] of tries) {
    const p = {
      x: Math.max(screen.x + MARGIN, Math.min(screen.x + screen.width - MARGIN - card.width, x)),
      y: Math.max(screen.y + MARGIN, Math.min(screen.y + screen.height - MARGIN - card.height, y)),
    };
    const box = { ...p, ...card };
    const covered = [clear.must.reduce((a, b) => a + overlap(box, b), 0), clear.rather.filter((b) => overlap(box, b) > 0).length];
    if (covered[0] === 0 && covered[1] === 0) return p;
    if (covered[0] < least[0] || (covered[0] === least[0] && covered[1] < least[1])) [best, least] = [p, covered];
  }
  return best;
}
