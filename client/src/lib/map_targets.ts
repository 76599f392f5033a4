// What a pointer or a tap on the map reaches.
import type { Box, MapFocus, MapLayout } from './map_layout.ts';

/** A subnet, or a group's frame that opens a part of the map. */
export type MapTarget = { netuid: number } | { opens: MapFocus };

export function targetAt(layout: MapLayout, x: number, y: number): MapTarget | null {
  const inside = (b: Box) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height;
  for (const n of layout.nodes) if (n.hit && inside(n.hit)) return { netuid: n.netuid };
  for (const c of layout.captions) if (c.opens && inside(c.box)) return { opens: c.opens };
  return null;
}
