import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WEIGHT, fillFromObservations, filterMiners, type MinerLine, observedQuality, orderMiners, pageOf, sheetWeight, weightVectors } from '../../client/src/lib/weights.ts';
import { MAX_WEIGHTS } from '../../shared/protocol/index.ts';

// A mainnet-sized subnet: 256 UIDs, the validator at UID 0, every other one a miner.
const miners: MinerLine[] = Array.from({ length: 255 }, (_, i) => ({ uid: i + 1, consensus: ((i * 37) % 100) / 100, who: i === 199 ? 'Max' : '' }));
const uids = miners.map((m) => m.uid);
const obs = { block: 10, subnets: [{ netuid: 3, uids: [0, ...uids], quality: [0.9, ...uids.map((u) => (u % 17) / 16)] }] };

describe("a validator's score sheet", () => {
  it('reads only its own subnet, clamped to a slider', () => {
    const o = observedQuality({ subnets: [{ netuid: 2, uids: [1, 2, 3], quality: [-0.2, 0.4, 1.3] }] }, 2);
    expect([...o]).toEqual([
      [1, 0],
      [2, 0.4],
      [3, 1],
    ]);
    expect(observedQuality(obs, 9).size).toBe(0);
    expect(observedQuality(null, 3).size).toBe(0);
  });

  it('orders the best observed first, unread miners last, ties by UID', () => {
    const o = new Map([
      [5, 0.2],
      [7, 0.9],
      [3, 0.9],
    ]);
    const some = [3, 5, 7, 9, 1].map((uid) => ({ uid, consensus: uid / 10, who: '' }));
    expect(orderMiners(some, 'observed', o).map((m) => m.uid)).toEqual([3, 7, 5, 1, 9]);
    expect(orderMiners(some, 'consensus', o).map((m) => m.uid)).toEqual([9, 7, 5, 3, 1]);
    expect(orderMiners(some, 'uid', o).map((m) => m.uid)).toEqual([1, 3, 5, 7, 9]);
  });

  it('filters by the start of a UID, or by a player name', () => {
    expect(filterMiners(miners, '25').map((m) => m.uid)).toEqual([25, 250, 251, 252, 253, 254, 255]);
    expect(filterMiners(miners, ' max ').map((m) => m.uid)).toEqual([200]);
    expect(filterMiners(miners, '')).toHaveLength(255);
    expect(filterMiners(miners, 'nobody')).toEqual([]);
  });

  it('pages through every miner, clamping a page past the end', () => {
    const first = pageOf(uids, 0, 16);
    expect(first).toMatchObject({ page: 0, pages: 16, from: 1, to: 16, total: 255 });
    const last = pageOf(uids, 99, 16);
    expect(last).toMatchObject({ page: 15, from: 241, to: 255 });
    expect(last.items).toHaveLength(15);
    expect(pageOf([], 3, 16)).toMatchObject({ items: [], page: 0, pages: 1, from: 0, to: 0 });
    // Walking the pages visits each miner exactly once.
    const seen = Array.from({ length: first.pages }, (_, p) => pageOf(uids, p, 16).items).flat();
    expect(seen).toEqual(uids);
  });

  it('"use my observations" scores every miner with a reading, on screen or not', () => {
    const w = new Map<number, number>();
    expect(fillFromObservations(w, uids, observedQuality(obs, 3))).toBe(255);
    expect(w.get(255)).toBe((255 % 17) / 16);
    expect(w.has(0)).toBe(false);
    const sent = weightVectors(uids, (u) => sheetWeight(u, w, new Map()));
    expect(sent.uids).toEqual(uids);
    expect(sent.weights[254]).toBe((255 % 17) / 16);
  });

  it('sends every miner by UID, unscored ones at the default weight', () => {
    const edits = new Map([[5, 0.25]]);
    const sent = weightVectors([9, 2, 5, 2], (u) => sheetWeight(u, edits, new Map()));
    expect(sent).toEqual({ uids: [2, 5, 9], weights: [DEFAULT_WEIGHT, 0.25, DEFAULT_WEIGHT] });
  });

  it('never sends more than the protocol takes: the smallest weights are dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (ws, max) => {
        const ids = ws.map((_, i) => i);
        const sent = weightVectors(ids, (i) => ws[i], max);
        expect(sent.uids.length).toBe(Math.min(max, ws.length));
        expect([...sent.uids].sort((a, b) => a - b)).toEqual(sent.uids);
        const kept = Math.min(...sent.weights);
        const dropped = ids.filter((i) => !sent.uids.includes(i)).map((i) => ws[i]);
        expect(dropped.every((w) => w <= kept)).toBe(true);
      }),
    );
    expect(weightVectors(Array.from({ length: 2000 }, (_, i) => i), (u) => sheetWeight(u, new Map(), new Map())).uids).toHaveLength(MAX_WEIGHTS);
  });

  it('once the chain stores a row, unscored miners show what it holds, and 0 where it holds nothing', () => {
    const stored = new Map([[3, 1], [7, 0.4]]);
    const edits = new Map([[7, 0.9]]);
    expect([3, 7, 8].map((u) => sheetWeight(u, edits, stored))).toEqual([1, 0.9, 0]);
    expect(sheetWeight(8, new Map(), new Map())).toBe(DEFAULT_WEIGHT);
  });
});
