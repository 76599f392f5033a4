import { describe, expect, it } from 'vitest';
import { heldShare, longestAbove } from '../../shared/game/balance.ts';
import { buildScenario, isScenarioError, playSeed, quantile, summariseSeeds } from '../../shared/game/index.ts';

// [block, netuid, price, movingPrice, flowEma, emissionShare, taoIn, alphaIn]
const row = (block: number, netuid: number, share: number) => [block, netuid, 1, 1, 0, share, 0, 0];

describe('balance figures', () => {
  it('a share counts as held only if it lasted the whole window', () => {
    const rows = [0, 100, 200, 300, 400].flatMap((b, i) => [row(b, 1, [0.9, 0.9, 0.2, 0.9, 0.9][i]), row(b, 2, 0.5)]);
    expect(heldShare(rows, 300)).toBe(0.5);
    expect(heldShare(rows, 100)).toBe(0.9);
    expect(longestAbove(rows, 0.8)).toBe(100);
  });

  it('quantiles interpolate and skip what is not a number', () => {
    expect(quantile([3, 1, 2, NaN], 0.5)).toBe(2);
    expect(quantile([0, 10], 0.9)).toBe(9);
  });

  it('a short workshop with stand-ins in every role keeps every rao and reports each figure', () => {
    const scenario = buildScenario('workshop', { durationBlocks: 900 });
    if (isScenarioError(scenario)) throw new Error(scenario.message);
    const f = playSeed(scenario, 7, { surge: { block: 200, tao: 500, blocks: 50 }, shock: { block: 600, fraction: 0.3 }, window: 100 });
    expect(f.conservation).toBe(true);
    expect(Object.keys(f.returns.sensible).sort()).toEqual(['miner', 'owner', 'staker', 'validator']);
    expect(Object.keys(f.returns.naive).sort()).toEqual(['miner', 'owner', 'staker', 'validator']);
    // Each event's effect is a real change of net worth: a shock takes some, never all.
    expect(Number.isFinite(f.eventLoss.surge)).toBe(true);
    expect(f.eventLoss.shock).toBeLessThan(0);
    expect(f.eventLoss.shock).toBeGreaterThan(-1);
    const s = summariseSeeds([f]);
    expect(s.roleReturn.staker.median).toBe(f.returns.sensible.staker);
    expect(s.maxEmissionShare.median).toBeGreaterThan(0);
    expect(s.maxEmissionShare.median).toBeLessThanOrEqual(1);
  });
});
