import { describe, expect, it } from 'vitest';
import { flowColour, freeSlots, gridFor, INFLOW, layoutNetwork, mapInWords, type MapSubnet, mix, NEUTRAL, MIN_SIZE, nodeAt, OUTFLOW, REACH } from '../../client/src/lib/network_map.ts';

const subnet = (netuid: number, over: Partial<MapSubnet> = {}): MapSubnet => ({ netuid, name: `SN${netuid}`, poolTao: 1000, netFlow: 0, emissionShare: 1 / 128, pruneCandidate: false, immune: false, ...over });
const box = { x: 10, y: 20, width: 800, height: 500 };

describe('network map layout', () => {
  it('keeps every node, rings included, inside the box at full scale (128 subnets)', () => {
    const nodes = layoutNetwork(Array.from({ length: 128 }, (_, i) => subnet(i + 1, { poolTao: 100 + i * 50 })), box, 128);
    expect(nodes).toHaveLength(128);
    for (const n of nodes) {
      expect(n.x - n.radius * REACH).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(n.x + n.radius * REACH).toBeLessThanOrEqual(box.x + box.width + 0.5);
      expect(n.y - n.radius * REACH).toBeGreaterThanOrEqual(box.y - 0.5);
      expect(n.y + n.radius * REACH).toBeLessThanOrEqual(box.y + box.height + 0.5);
    }
  });

  it('never lets two nodes overlap, even with few subnets in many slots', () => {
    for (const [count, slots] of [[3, 6], [6, 6], [40, 128], [128, 128]]) {
      const nodes = layoutNetwork(Array.from({ length: count }, (_, i) => subnet(i + 1)), box, slots);
      for (let a = 0; a < nodes.length; a++)
        for (let b = a + 1; b < nodes.length; b++) expect(Math.hypot(nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y)).toBeGreaterThanOrEqual((nodes[a].radius + nodes[b].radius) * REACH - 1e-6);
    }
  });

  it('fills the box: cells as large as the aspect ratio allows', () => {
    expect(gridFor(6, 850, 540)).toEqual({ cols: 3, rows: 2, cell: 270 });
    expect(gridFor(128, 1200, 700).cell).toBeGreaterThan(60);
  });

  it('keeps a subnet in its place when another registers or is pruned', () => {
    const before = layoutNetwork([subnet(1), subnet(2), subnet(5)], box, 8);
    const after = layoutNetwork([subnet(1), subnet(5), subnet(7)], box, 8);
    const at = (nodes: typeof before, id: number) => nodes.find((n) => n.netuid === id)!;
    expect([at(after, 5).x, at(after, 5).y]).toEqual([at(before, 5).x, at(before, 5).y]);
  });

  it('sizes by pool TAO (area), colours by flow, rings by emission share against the leader', () => {
    const [big, small, out] = layoutNetwork([subnet(1, { poolTao: 4000, netFlow: 2, emissionShare: 0.5 }), subnet(2, { poolTao: 1000, netFlow: 0, emissionShare: 0.25 }), subnet(3, { poolTao: 1000, netFlow: -1, emissionShare: 0 })], box, 3);
    expect(big.radius / small.radius).toBeCloseTo(2, 5);
    expect(big.fill).toBe(INFLOW);
    expect(small.fill).toBe(NEUTRAL);
    expect(out.fill).toBe(mix(NEUTRAL, OUTFLOW, 0.25 + 0.75 * 0.5));
    expect([big.ring, small.ring, out.ring]).toEqual([1, 0.5, 0]);
  });

  it('shows the free slots where no subnet sits, and none on a full network', () => {
    const free = freeSlots([subnet(1), subnet(3)], box, 4);
    const taken = layoutNetwork([subnet(1), subnet(3)], box, 4);
    expect(free).toHaveLength(2);
    for (const f of free) for (const n of taken) expect(Math.hypot(f.x - n.x, f.y - n.y)).toBeGreaterThan(n.radius);
    expect(freeSlots(Array.from({ length: 6 }, (_, i) => subnet(i + 1)), box, 6)).toEqual([]);
  });

  it('marks the pruning candidate and immune subnets', () => {
    const [a, b] = layoutNetwork([subnet(1, { pruneCandidate: true }), subnet(2, { immune: true })], box, 2);
    expect([a.prune, a.immune, b.prune, b.immune]).toEqual([true, false, false, true]);
  });

  it('keeps the smallest pool visible next to a giant', () => {
    const [giant, dust] = layoutNetwork([subnet(1, { poolTao: 1_000_000 }), subnet(2, { poolTao: 1 })], box, 2);
    expect(dust.radius).toBeCloseTo(giant.radius * MIN_SIZE, 9);
  });

  it('has no NaN when the network is empty of TAO, flow and emission', () => {
    const [n] = layoutNetwork([subnet(1, { poolTao: 0, netFlow: 0, emissionShare: 0 })], box, 1);
    expect([n.x, n.y, n.radius, n.ring].every(Number.isFinite)).toBe(true);
    expect(n.fill).toBe(NEUTRAL);
  });
});

describe('flow colour', () => {
  it('is neutral for zero, non-finite or no flow on the network', () => {
    expect(flowColour(0, 5)).toBe(NEUTRAL);
    expect(flowColour(Number.NaN, 5)).toBe(NEUTRAL);
    expect(flowColour(3, 0)).toBe(NEUTRAL);
  });
  it('reaches full green or red at the largest flow', () => {
    expect(flowColour(5, 5)).toBe(INFLOW);
    expect(flowColour(-5, 5)).toBe(OUTFLOW);
  });
});

describe('hit testing', () => {
  it('finds the nearest node under a finger, with a little slack, and nothing in empty space', () => {
    const nodes = layoutNetwork([subnet(1), subnet(2), subnet(3)], box, 3);
    const n = nodes[1];
    expect(nodeAt(nodes, n.x + n.radius + 3, n.y)?.netuid).toBe(2);
    expect(nodeAt(nodes, box.x + 1, box.y + 1)).toBeNull();
  });
});

describe('the map in words', () => {
  it('lists every subnet, largest emission share first, with flow and pruning said in words', () => {
    const sub = (netuid: number, emissionShare: number, netFlow: number, pruneCandidate = false) => ({ netuid, name: `Net ${netuid}`, poolTao: 1234.4, netFlow, emissionShare, pruneCandidate, immune: false });
    expect(mapInWords([sub(1, 0.2, -1, true), sub(2, 0.5, 3), sub(3, 0.3, 0)])).toEqual([
      'SN2 Net 2: 50.0 % of emission, net inflow, pool 1,234 τ',
      'SN3 Net 3: 30.0 % of emission, no net flow, pool 1,234 τ',
      'SN1 Net 1: 20.0 % of emission, net outflow, pool 1,234 τ, next to be pruned',
    ]);
  });
});
