import { describe, expect, it } from 'vitest';
import { cardSpot, keepClear } from '../../client/src/lib/map_card.ts';
import { type Box, layoutMap, type MapFocus } from '../../client/src/lib/map_layout.ts';
import { march } from './map_fixtures.ts';

const net = march();

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

// Each screen: the map's box, where its hole sits on the page, the page, and the card as the page draws it there.
const screens = [
  { name: 'projector', map: { x: 0, y: 0, width: 1401, height: 548 }, at: { x: 8, y: 126 }, page: { width: 1920, height: 1080 }, card: { width: 270, height: 170 } },
  { name: 'laptop', map: { x: 0, y: 0, width: 856, height: 520 }, at: { x: 8, y: 128 }, page: { width: 1280, height: 720 }, card: { width: 190, height: 110 } },
  { name: 'phone 360', map: { x: 0, y: 0, width: 348, height: 273 }, at: { x: 6, y: 217 }, page: { width: 360, height: 740 }, card: { width: 332, height: 64 } },
  { name: 'phone 390', map: { x: 0, y: 0, width: 378, height: 273 }, at: { x: 6, y: 217 }, page: { width: 390, height: 844 }, card: { width: 362, height: 64 } },
];

describe('the details card', () => {
  it('leaves every subnet, its near neighbours and the map\'s buttons uncovered, on screen, wherever the pointer goes', () => {
    for (const s of screens)
      for (const focus of ['all', 'tail'] as MapFocus[]) {
        const map = layoutMap(net, s.map, { slots: 128, focus });
        const screen = { x: -s.at.x, y: -s.at.y, ...s.page };
        for (const n of map.nodes.filter((x) => x.hit)) {
          const clear = keepClear(map, n);
          const card = { ...cardSpot(s.card, n, clear, s.map, screen), ...s.card };
          for (const b of clear) expect(overlaps(card, b), `${s.name} ${focus}: SN${n.netuid}'s card over ${JSON.stringify(b)}`).toBe(false);
          expect(within(card, screen)).toBe(true);
        }
      }
  });

  it('stays inside the map when it can: on a laptop the corner across from the subnet', () => {
    const s = screens[1];
    const map = layoutMap(net, s.map, { slots: 128 });
    const chutes = map.nodes.find((n) => n.label === 'Chutes')!;
    expect(cardSpot(s.card, chutes, keepClear(map, chutes), s.map, { x: -8, y: -128, ...s.page })).toEqual({ x: s.map.width - 8 - s.card.width, y: s.map.height - 8 - s.card.height });
  });

  it('keeps clear of a tail subnet\'s eight neighbours, not of the subnets two cells away', () => {
    const map = layoutMap(net, screens[1].map, { slots: 128 });
    const tail = map.nodes.filter((n) => n.labelSize === 0);
    const middle = tail[60];
    const clear = keepClear(map, middle);
    expect(clear).toHaveLength(9);
    expect(clear[0]).toBe(middle.hit);
    const cell = middle.hit!.width;
    for (const b of clear.slice(1)) expect(Math.max(Math.abs(b.x - middle.hit!.x), Math.abs(b.y - middle.hit!.y))).toBeCloseTo(cell, 6);
  });

  it('goes outside the map, on the side away from the subnet, when nowhere inside it is clear, and never past the screen', () => {
    const map = { x: 0, y: 0, width: 200, height: 100 };
    const clear = [{ x: 40, y: 10, width: 120, height: 80 }];
    const card = { width: 150, height: 60 };
    expect(cardSpot(card, { x: 100, y: 30 }, clear, map, { x: -10, y: -300, width: 400, height: 800 })).toEqual({ x: 8, y: 108 });
    // The map at the bottom of the screen: above it instead.
    expect(cardSpot(card, { x: 100, y: 30 }, clear, map, { x: -10, y: -300, width: 400, height: 400 })).toEqual({ x: 8, y: -68 });
    // A screen too small for either: the spot that covers least, still on the screen.
    const squeezed = cardSpot(card, { x: 100, y: 30 }, clear, map, { x: 0, y: 0, width: 200, height: 100 });
    expect(within({ ...squeezed, ...card }, { x: 0, y: 0, width: 200, height: 100 })).toBe(true);
  });
});
