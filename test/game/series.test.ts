import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Chain } from '../../shared/engine/index.ts';
import { playerId, topShare } from '../../shared/game/index.ts';
import { seriesView } from '../../server/views/series.ts';
import { newGame, run } from './helpers.ts';

describe('time series and the leaderboard', () => {
  const game = newGame('workshop', undefined, 4);
  expect(game.join(playerId('ann'), { name: 'Ann', role: 'staker' }).ok).toBe(true);
  run(game, 600);

  it('records a row a block, subnet samples, epochs, and thins them for charts', () => {
    const s = game.series;
    expect(s.blocks).toHaveLength(601);
    expect(s.blocks.at(-1)![0]).toBe(game.block);
    expect(s.epochs.length).toBeGreaterThan(0);
    const view = seriesView(game.series, game.players().map((p) => p.id), 50, game.subnetIds());
    expect(view.block.length).toBeLessThanOrEqual(50);
    expect(view.block.at(-1)).toBe(game.block);
    expect([...view.block].sort((a, b) => a - b)).toEqual(view.block);
    for (const sub of Object.values(view.subnets)) for (const xs of Object.values(sub)) expect(xs).toHaveLength(view.block.length);
    expect(Object.keys(view.netWorth).sort()).toEqual(game.players().map((p) => p.id).sort());
    expect(view.netWorth.ann.at(-1)).toBeCloseTo(Number(game.netWorth(playerId('ann'))) / 1e9, 6);
  });

  it('ranks everyone by change since the start, and within each role; bots are marked', () => {
    const board = game.leaderboard();
    expect(board.map((r) => r.rank)).toEqual(board.map((_, i) => i + 1));
    for (let i = 1; i < board.length; i++) expect(board[i - 1].change >= board[i].change).toBe(true);
    for (const role of ['owner', 'validator', 'miner', 'staker']) {
      const rows = board.filter((r) => r.role === role);
      expect(rows.map((r) => r.roleRank)).toEqual(rows.map((_, i) => i + 1));
    }
    expect(board.find((r) => r.id === 'ann')!.bot).toBe(false);
    expect(board.filter((r) => r.id !== 'ann').every((r) => r.bot && r.strategy !== null)).toBe(true);
  });
});

describe('topShare', () => {
  // The sort it replaced, as the reference: the n largest, summed largest first.
  const bySort = (shares: number[], n: number) => [...shares].sort((a, b) => b - a).slice(0, n).reduce((sum, x) => sum + x, 0);
  const chainWith = (shares: number[]) => ({ state: { subnets: [null, ...shares.map((emissionShare) => ({ emissionShare }))] } }) as unknown as Chain;

  it('sums the same n largest shares in the same order as sorting them all, to the bit', () => {
    const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1e-9));
    fc.assert(
      fc.property(fc.array(share, { maxLength: 140 }), fc.integer({ min: 0, max: 12 }), (shares, n) => {
        expect(Object.is(topShare(chainWith(shares), n), bySort(shares, n))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
