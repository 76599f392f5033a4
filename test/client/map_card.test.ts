import { describe, expect, it } from 'vitest';
import { cardSpot, keepClear } from '../../client/src/lib/map_card.ts';
import { type Box, labelBox, layoutMap, type MapFocus, type MapNode, pruneRingRadius, SELECT_GAP } from '../../client/src/lib/map_layout.ts';
import { textWidth } from '../../client/src/lib/map_labels.ts';
import { march } from './map_fixtures.ts';

const net = march();

/** The square around a node's centre out to `reach`. */
const ringed = (n: MapNode, reach: number): Box => ({ x: n.x - reach, y: n.y - reach, width: 2 * reach, height: 2 * reach });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

// Each screen: the map's box, where its hole sits on the page, the page, and the card as the page draws it there.
const screens = [
  { name: 'projector', map: { x: 0, y: 0, width: 1401, height: 548 }, at: { x: 8, y: 126 }, page: { width: 1920, height: 1080 }, card: { width: 270, height: 170 } },
  { name: 'laptop', map: { x: 0, y: 0, width: 856, height: 520 }, at: { x: 8, y: 128 }, page: { width: 1280, height: 720 }, card: { width: 190, height: 110 } },
  // A phone's map is taller with the tail opened (style.css).
  { name: 'phone 360', map: { x: 0, y: 0, width: 348, height: 258 }, open: { x: 0, y: 0, width: 348, height: 305 }, at: { x: 4, y: 199 }, page: { width: 360, height: 740 }, card: { width: 332, height: 64 } },
  { name: 'phone 390', map: { x: 0, y: 0, width: 378, height: 258 }, open: { x: 0, y: 0, width: 378, height: 305 }, at: { x: 4, y: 199 }, page: { width: 390, height: 844 }, card: { width: 362, height: 64 } },
];

describe('the details card', () => {
  it('leaves every subnet, its near neighbours, the map\'s buttons and captions, every leader\'s dot and name and the prune marker uncovered, on screen, wherever the pointer goes', () => {
    for (const s of screens)
      for (const focus of ['all', 'tail'] as MapFocus[]) {
        const box = (focus === 'tail' && s.open) || s.map;
        const map = layoutMap(net, box, { slots: 128, focus });
        const screen = { x: -s.at.x, y: -s.at.y, ...s.page };
        // Computed here from what the layout draws, not taken from keepClear: the leaders' circles with their rings, their names, the orange ring.
        const leaders = map.nodes.filter((n) => n.labelSize > 0).flatMap((n) => [ringed(n, n.radius + SELECT_GAP + 3), labelBox(n)]);
        const prune = ringed(map.nodes.find((n) => n.prune)!, pruneRingRadius(map.nodes.find((n) => n.prune)!) + 1.5);
        const captions = map.captions.map((c) => ({ x: c.x - textWidth(c.text, c.size) / 2, y: c.y - c.size / 2, width: textWidth(c.text, c.size), height: c.size }));
        for (const n of map.nodes.filter((x) => x.hit)) {
          const clear = keepClear(map, n);
          const card = { ...cardSpot(s.card, n, clear, box, screen), ...s.card };
          for (const b of [...clear.must, ...leaders, prune, ...captions]) expect(overlaps(card, b), `${s.name} ${focus}: SN${n.netuid}'s card over ${JSON.stringify(b)}`).toBe(false);
          expect(within(card, screen)).toBe(true);
        }
      }
  });

  it('on a phone with the tail opened, covers none of its dots: the card goes above or below the map', () => {
    for (const s of screens.slice(2)) {
      const map = layoutMap(net, s.open!, { slots: 128, focus: 'tail' });
      const screen = { x: -s.at.x, y: -s.at.y, ...s.page };
      for (const n of map.nodes) {
        const card = { ...cardSpot(s.card, n, keepClear(map, n), s.open!, screen), ...s.card };
        for (const d of map.nodes) expect(overlaps(card, ringed(d, pruneRingRadius(d))), `${s.name}: SN${n.netuid}'s card over SN${d.netuid}`).toBe(false);
      }
    }
  });

  it('covers no dot where the screen has room: on a laptop, Chutes\' card leaves the whole map in sight', () => {
    const s = screens[1];
    const map = layoutMap(net, s.map, { slots: 128 });
    const chutes = map.nodes.find((n) => n.label === 'Chutes')!;
    const screen = { x: -8, y: -128, ...s.page };
    const card = { ...cardSpot(s.card, chutes, keepClear(map, chutes), s.map, screen), ...s.card };
    for (const d of map.nodes) expect(overlaps(card, ringed(d, d.radius))).toBe(false);
    expect(within(card, screen)).toBe(true);
  });

  it('keeps clear of the groups\' captions, which say what the map shows', () => {
    const map = layoutMap(net, screens[0].map, { slots: 128 });
    const last = map.nodes.find((n) => n.netuid === 128)!;
    const { must } = keepClear(map, last);
    for (const c of map.captions) expect(must.some((b) => b.x <= c.x && c.x <= b.x + b.width && b.y <= c.y && c.y <= b.y + b.height && b.width < screens[0].map.width)).toBe(true);
  });

  it('keeps clear of a tail subnet\'s eight neighbours, not of the subnets two cells away', () => {
    const map = layoutMap(net, screens[1].map, { slots: 128 });
    const tail = map.nodes.filter((n) => n.labelSize === 0);
    const middle = tail[60];
    const targets = new Set(tail.map((n) => n.hit));
    const clear = keepClear(map, middle).must.filter((b) => targets.has(b));
    expect(clear).toHaveLength(9);
    expect(clear[0]).toBe(middle.hit);
    const cell = middle.hit!.width;
    for (const b of clear.slice(1)) expect(Math.max(Math.abs(b.x - middle.hit!.x), Math.abs(b.y - middle.hit!.y))).toBeCloseTo(cell, 6);
  });

  it('goes outside the map, on the side away from the subnet, when nowhere inside it is clear, and never past the screen', () => {
    const map = { x: 0, y: 0, width: 200, height: 100 };
    const clear = { must: [{ x: 40, y: 10, width: 120, height: 80 }], rather: [] };
    const card = { width: 150, height: 60 };
    expect(cardSpot(card, { x: 100, y: 30 }, clear, map, { x: -10, y: -300, width: 400, height: 800 })).toEqual({ x: 8, y: 108 });
    // The map at the bottom of the screen: above it instead.
    expect(cardSpot(card, { x: 100, y: 30 }, clear, map, { x: -10, y: -300, width: 400, height: 400 })).toEqual({ x: 8, y: -68 });
    // A screen too small for either: the spot that covers least, still on the screen.
    const squeezed = cardSpot(card, { x: 100, y: 30 }, clear, map, { x: 0, y: 0, width: 200, height: 100 });
    expect(within({ ...squeezed, ...card }, { x: 0, y: 0, width: 200, height: 100 })).toBe(true);
  });

  it('would rather cover a dot than what it must not, and fewer dots than more', () => {
    const map = { x: 0, y: 0, width: 200, height: 100 };
    const card = { width: 80, height: 40 };
    const screen = { x: 0, y: 0, width: 200, height: 100 };
    const dot = (x: number, y: number) => ({ x, y, width: 10, height: 10 });
    // Every corner holds a dot; the top left two of them, and the bottom left is a leader's name.
    const clear = { must: [{ x: 0, y: 60, width: 90, height: 40 }], rather: [dot(20, 20), dot(60, 20), dot(150, 20), dot(150, 70), dot(20, 70)] };
    expect(cardSpot(card, { x: 20, y: 75 }, clear, map, screen)).toEqual({ x: 112, y: 8 });
  });
});
