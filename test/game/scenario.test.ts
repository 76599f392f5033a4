import { describe, expect, it } from 'vitest';
import { tao } from '../../shared/engine/index.ts';
import { buildScenario, isScenarioError, PRESETS, presetNames } from '../../shared/game/index.ts';

describe('scenarios: presets and validated overrides', () => {
  it('builds every preset, each as its own copy', () => {
    expect(presetNames).toEqual(['workshop', 'mainnet', 'march-2026']);
    for (const name of presetNames) {
      const s = buildScenario(name);
      expect(isScenarioError(s)).toBe(false);
      if (!isScenarioError(s)) s.game.durationBlocks = 1;
    }
    expect(PRESETS.workshop.game.durationBlocks).toBe(9000);
    const m = buildScenario('mainnet');
    if (isScenarioError(m)) throw new Error(m.message);
    expect([m.chain.subnetLimit, m.chain.maxAllowedUids, m.chain.tempo, m.subnets.length]).toEqual([128, 256, 360, 128]);
  });

  it('applies overrides given as plain JSON (amounts as decimal TAO strings)', () => {
    const s = buildScenario('workshop', { durationBlocks: 600, initialIssuance: '10499700', chain: { tempo: 20, rules: { yuma: 'yuma3', subnetPool: 'lock-at-median' } }, kits: { staker: { tao: '12.5' } }, bots: [{ role: 'validator', strategy: 'colluding' }], schedule: [{ block: 100, event: { type: 'market_shock', fraction: 0.3 } }] });
    if (isScenarioError(s)) throw new Error(s.message);
    expect(s.game.durationBlocks).toBe(600);
    expect(s.initialIssuance).toBe(tao(10_499_700));
    expect(s.chain.tempo).toBe(20);
    expect(s.chain.rules).toEqual({ emission: 'taoflow', pool: 'constant-product', yuma: 'yuma3', subnetPool: 'lock-at-median', injectionCap: 'min-alpha-tao-emission', swapFee: 'pool' });
    expect(s.game.kits.staker.tao).toBe(12_500_000_000n);
    expect(s.game.bots).toEqual([{ role: 'validator', strategy: 'colluding' }]);
    expect(s.game.schedule[0].event).toEqual({ type: 'market_shock', fraction: 0.3 });
  });

  it.each([
    ['an unknown preset', 'nope', undefined, /unknown preset/],
    ['an unknown key', 'workshop', { durationBlock: 5 }, /no setting "durationBlock"/],
    ['an unknown chain constant', 'workshop', { chain: { temp: 5 } }, /chain has no setting "temp"/],
    ['a wrong type', 'workshop', { durationBlocks: '600' }, /durationBlocks must be a number/],
    ['a fraction of a block', 'workshop', { chain: { tempo: 2.5 } }, /whole number/],
    ['a negative amount', 'workshop', { initialIssuance: '-5' }, /initialIssuance/],
    ['NaN', 'workshop', { blocksPerSecond: Number.NaN }, /blocksPerSecond must be a number/],
    ['out of range', 'workshop', { blocksPerSecond: 1e9 }, /from 0.01 to 200/],
    ['a u16 over 65535', 'workshop', { chain: { kappaU16: 70_000 } }, /65535/],
    ['an unknown strategy', 'workshop', { bots: [{ role: 'miner', strategy: 'honest' }] }, /not a miner strategy/],
    ['an unknown event', 'workshop', { schedule: [{ block: 1, event: { type: 'meteor' } }] }, /unknown event/],
    ['too few slots for the incumbents', 'workshop', { chain: { subnetLimit: 2 } }, /do not fit/],
    ['too few UIDs for the incumbents', 'workshop', { chain: { maxAllowedUids: 4 } }, /maxAllowedUids/],
    ['overrides that are not an object', 'workshop', [1, 2], /overrides must be an object/],
    ['an unknown rule version', 'workshop', { chain: { rules: { subnetPool: 'at-par' } } }, /subnetPool must be min-lock-at-par or lock-at-median/],
  ])('refuses %s with INVALID_SCENARIO', (_what, name, overrides, message) => {
    const s = buildScenario(name, overrides);
    expect(isScenarioError(s)).toBe(true);
    if (isScenarioError(s)) {
      expect(s.code).toBe('INVALID_SCENARIO');
      expect(s.message).toMatch(message);
    }
  });
});
