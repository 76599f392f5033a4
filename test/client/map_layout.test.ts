import { describe, expect, it } from 'vitest';
import { INFLOW, mix, NEUTRAL, OUTFLOW } from '../../client/src/lib/flow_colour.ts';
import { type Box, freeSlots, gridFor, layoutMap, layoutNetwork, type MapCaption, type MapLayout, type MapNode, MIN_SIZE, MIN_TARGET, PICKED_LABEL, REACH, SELECT_GAP } from '../../client/src/lib/map_layout.ts';
import { labelHeight, labelWidth } from '../../client/src/lib/map_labels.ts';
import { targetAt } from '../../client/src/lib/map_targets.ts';
import { march, subnet } from './map_fixtures.ts';

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

describe('the full network, grouped: leaders named, the tail small and together', () => {
  const projector = { x: 0, y: 0, width: 1400, height: 540 };
  const inside = (n: { x: number; y: number; radius: number }, b: Box) => n.x - n.radius >= b.x - 0.5 && n.x + n.radius <= b.x + b.width + 0.5 && n.y - n.radius >= b.y - 0.5 && n.y + n.radius <= b.y + b.height + 0.5;

  it('names the ten largest emission takers, large enough for the back of a room at 1080p, and no other', () => {
    const map = layoutMap(march(), projector, { slots: 128 });
    expect(map.grouped).toBe(true);
    const named = map.nodes.filter((n) => n.labelSize > 0);
    // Ties (Lium and Targon at 5 %, four at 4 %) go by netuid.
    expect(named.map((n) => n.label)).toEqual(['Chutes', 'Templar', 'Gradients', 'Targon', 'Lium', 'Vanta', 'IOTA', 'Nineteen', 'Ridges', 'Affine']);
    for (const n of named) expect(n.labelSize).toBeGreaterThanOrEqual(24);
    expect(map.nodes).toHaveLength(128);
  });

  it('says the top-10 share and the tail as one group, by count and share', () => {
    const map = layoutMap(march(), projector, { slots: 128 });
    expect(map.captions.map((c) => c.text)).toEqual(['Top 10 · 56 % of emission', '118 others · 44 %']);
    expect(map.captions[0].size).toBeGreaterThanOrEqual(24);
  });

  // A label's box: the estimate the layout makes (lib's labelWidth and labelHeight are what the
  // canvas draws, as the browser tests check), centred on its anchor or starting at it.
  const labelBox = (n: MapNode, size = n.labelSize): Box => {
    const w = labelWidth(n.label, size);
    const h = labelHeight(size);
    return { x: n.labelAlign === 'left' ? n.labelX : n.labelX - w / 2, y: n.labelY - h / 2, width: w, height: h };
  };
  const captionBox = (c: MapCaption): Box => ({ x: c.x - (c.text.length * c.size * 0.62) / 2, y: c.y - c.size * 0.75, width: c.text.length * c.size * 0.62, height: c.size * 1.5 });
  const apart = (p: Box, q: Box) => p.x + p.width <= q.x + 0.5 || q.x + q.width <= p.x + 0.5 || p.y + p.height <= q.y + 0.5 || q.y + q.height <= p.y + 0.5;
  const within = (p: Box, q: Box) => p.x >= q.x - 0.5 && p.y >= q.y - 0.5 && p.x + p.width <= q.x + q.width + 0.5 && p.y + p.height <= q.y + q.height + 0.5;
  // The map's boxes on real screens: a 1080p projector, a laptop, phones 360 and 390 px wide (the
  // whole map, and taller with the tail opened: style.css), a tall box.
  const phones = [{ x: 0, y: 0, width: 348, height: 258 }, { x: 0, y: 0, width: 378, height: 258 }];
  const opened = [{ x: 0, y: 0, width: 348, height: 305 }, { x: 0, y: 0, width: 378, height: 305 }];
  const screens = [projector, { x: 0, y: 0, width: 856, height: 520 }, { x: 0, y: 0, width: 360, height: 640 }];
  const views = [...[...screens, ...phones].map((box) => ({ box, focus: 'all' as const })), ...[...screens, ...opened].map((box) => ({ box, focus: 'tail' as const }))];

  it('keeps every node, label and caption inside the box, labels apart, clear of the selection ring and within their targets', () => {
    for (const { box, focus } of views) {
        const map = layoutMap(march(), box, { slots: 128, focus });
        for (const n of map.nodes) expect(inside(n, box)).toBe(true);
        const named = map.nodes.filter((n) => n.labelSize > 0);
        // What a picked tail node's label would cover, where the node can be picked alone.
        const picked = map.nodes.filter((n) => n.labelSize === 0 && n.hit).map((n) => labelBox(n, PICKED_LABEL));
        const labels = [...named.map((n) => labelBox(n)), ...map.captions.map(captionBox)];
        for (const b of [...labels, ...picked]) expect(within(b, box)).toBe(true);
        for (const n of named) {
          const ring = n.radius + SELECT_GAP + 2;
          // Clear of the selection ring (3 px wide) the spotlight puts around a leader, and inside the leader's target.
          expect(apart(labelBox(n), { x: n.x - ring, y: n.y - ring, width: 2 * ring, height: 2 * ring })).toBe(true);
          expect(within({ x: n.x - ring, y: n.y - ring, width: 2 * ring, height: 2 * ring }, n.hit!)).toBe(true);
          expect(within(labelBox(n), n.hit!)).toBe(true);
        }
        for (let a = 0; a < labels.length; a++) for (let b = a + 1; b < labels.length; b++) expect(apart(labels[a], labels[b])).toBe(true);
        for (const p of picked) for (const c of map.captions) expect(apart(p, captionBox(c))).toBe(true);
        for (let a = 0; a < map.nodes.length; a++)
          for (let b = a + 1; b < map.nodes.length; b++) expect(Math.hypot(map.nodes[a].x - map.nodes[b].x, map.nodes[a].y - map.nodes[b].y)).toBeGreaterThan(map.nodes[a].radius + map.nodes[b].radius);
      }
  });

  it('makes every target on the map at least 24 px each way, no two overlapping, and a tap finds what it lands on', () => {
    for (const { box, focus } of views) {
        const map = layoutMap(march(), box, { slots: 128, focus });
        const targets = [...map.nodes.flatMap((n) => (n.hit ? [n.hit] : [])), ...map.captions.flatMap((c) => (c.opens ? [c.box] : []))];
        for (const t of targets) expect(Math.min(t.width, t.height)).toBeGreaterThanOrEqual(MIN_TARGET);
        for (let a = 0; a < targets.length; a++) for (let b = a + 1; b < targets.length; b++) expect(apart(targets[a], targets[b])).toBe(true);
        for (const n of map.nodes) if (n.hit) expect(targetAt(map, n.hit.x + n.hit.width / 2, n.hit.y + n.hit.height / 2)).toEqual({ netuid: n.netuid });
      }
  });

  it('draws a picked tail subnet\'s label over no other dot, in the lane under the tail', () => {
    for (const { box, focus } of views) {
      const map = layoutMap(march(), box, { slots: 128, focus });
      for (const n of map.nodes.filter((x) => x.labelSize === 0 && x.hit)) {
        const label = labelBox(n, PICKED_LABEL);
        for (const d of map.nodes) if (d !== n) expect(apart(label, { x: d.x - d.radius, y: d.y - d.radius, width: 2 * d.radius, height: 2 * d.radius }), `SN${n.netuid}'s label over SN${d.netuid} (${box.width}x${box.height} ${focus})`).toBe(true);
      }
    }
  });

  it('on a phone, names all ten leaders in type a player can read, and makes the tail one strip that opens it', () => {
    for (const [i, box] of phones.entries()) {
      const map = layoutMap(march(), box, { slots: 128 });
      expect(map.focus).toBe('all');
      const named = map.nodes.filter((n) => n.labelSize > 0);
      expect(named.map((n) => n.label)).toEqual(['Chutes', 'Templar', 'Gradients', 'Targon', 'Lium', 'Vanta', 'IOTA', 'Nineteen', 'Ridges', 'Affine']);
      for (const n of named) expect(n.labelSize).toBeGreaterThanOrEqual(12);
      const tail = map.nodes.filter((n) => n.labelSize === 0);
      expect(tail).toHaveLength(118);
      expect(tail.every((n) => n.hit === null)).toBe(true);
      const strip = map.captions.find((c) => c.opens === 'tail')!;
      expect(strip.text).toBe('118 others · 44 % · tap to see them ›');
      for (const n of tail) expect(within({ x: n.x - n.radius, y: n.y - n.radius, width: 2 * n.radius, height: 2 * n.radius }, strip.box)).toBe(true);
      expect(targetAt(map, tail[50].x, tail[50].y)).toEqual({ opens: 'tail' });
      expect(map.captions[0].text).toBe('Top 10 · 56 % of emission');

      const open = layoutMap(march(), opened[i], { slots: 128, focus: 'tail' });
      expect(open.focus).toBe('tail');
      expect(open.nodes.map((n) => n.netuid)).toEqual(tail.map((n) => n.netuid));
      const back = open.captions.find((c) => c.opens === 'all')!;
      expect(back.text).toBe('‹ Top 10 · 56 %');
      expect(targetAt(open, back.box.x + 2, back.box.y + 2)).toEqual({ opens: 'all' });
      expect(open.captions.map((c) => c.text)).toContain('118 others · 44 %');
    }
  });

  it('opens nothing where every tail subnet can be tapped on the whole map (a laptop, a projector)', () => {
    for (const box of [projector, { x: 0, y: 0, width: 856, height: 520 }]) {
      const map = layoutMap(march(), box, { slots: 128, focus: 'tail' });
      expect(map.focus).toBe('all');
      expect(map.nodes.every((n) => n.hit !== null)).toBe(true);
      expect(map.captions.some((c) => c.opens)).toBe(false);
    }
  });

  it('draws the tail smaller than the smallest leader, sized by emission share, without rings', () => {
    const map = layoutMap(march(), projector, { slots: 128 });
    const leaders = map.nodes.filter((n) => n.labelSize > 0);
    const tail = map.nodes.filter((n) => n.labelSize === 0);
    expect(tail).toHaveLength(118);
    expect(Math.max(...tail.map((n) => n.radius))).toBeLessThan(Math.min(...leaders.map((n) => n.radius)));
    const chutes = leaders.find((n) => n.label === 'Chutes')!;
    const affine = leaders.find((n) => n.label === 'Affine')!;
    expect(chutes.radius / affine.radius).toBeCloseTo(Math.sqrt(0.14 / 0.04), 5);
    expect(map.nodes.every((n) => n.ring === 0)).toBe(true);
    expect(map.nodes.find((n) => n.netuid === 100)!.prune).toBe(true);
  });

  it('keeps a tail subnet in its place when the leaders reshuffle, and shows free slots among the tail', () => {
    const before = layoutMap(march(), projector, { slots: 128 });
    const swapped = march().map((s) => (s.netuid === 64 ? { ...s, emissionShare: 0.04 } : s.netuid === 120 ? { ...s, emissionShare: 0.14 } : s));
    const after = layoutMap(swapped, projector, { slots: 128 });
    const at = (m: MapLayout, id: number) => m.nodes.find((n) => n.netuid === id)!;
    expect([at(after, 77).x, at(after, 77).y]).toEqual([at(before, 77).x, at(before, 77).y]);
    expect(after.nodes.filter((n) => n.labelSize > 0)[0].label).toBe('Affine');
    const pruned = layoutMap(march().filter((s) => s.netuid !== 30 && s.netuid !== 31), projector, { slots: 128 });
    expect(pruned.free).toHaveLength(2);
    expect(pruned.captions[1].text).toMatch(/^116 others/);
  });

  it('leaves a workshop-sized network as the one grid it always was', () => {
    const few = Array.from({ length: 5 }, (_, i) => subnet(i + 1, { poolTao: 1000 * (i + 1) }));
    const map = layoutMap(few, box, { slots: 6 });
    expect(map).toEqual({ grouped: false, focus: 'all', nodes: layoutNetwork(few, box, 6), free: freeSlots(few, box, 6), captions: [] });
    expect(map.nodes.every((n) => n.labelSize > 0)).toBe(true);
  });


});
