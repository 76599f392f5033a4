import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../client/src/lib/map_layout.ts';
import { targetAt } from '../../client/src/lib/map_targets.ts';
import { march, subnet } from './map_fixtures.ts';

const box = { x: 10, y: 20, width: 800, height: 500 };

describe('hit testing', () => {
  it('picks the subnet whose cell a finger lands in, and nothing in a free slot', () => {
    const map = layoutMap([subnet(1), subnet(2), subnet(3)], box, { slots: 4 });
    const n = map.nodes[1];
    expect(targetAt(map, n.x + n.radius + 3, n.y)).toEqual({ netuid: 2 });
    expect(targetAt(map, map.free[0].x, map.free[0].y)).toBeNull();
    expect(targetAt(map, box.x - 1, box.y - 1)).toBeNull();
  });
  it('opens the tail from its strip on a phone, where its dots are no targets of their own', () => {
    const map = layoutMap(march(), { x: 0, y: 0, width: 348, height: 273 }, { slots: 128 });
    const dot = map.nodes.find((n) => n.netuid === 100)!;
    expect(targetAt(map, dot.x, dot.y)).toEqual({ opens: 'tail' });
  });
});
