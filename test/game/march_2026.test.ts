import { describe, expect, it } from 'vitest';
import { auditConservation, netuid, tao } from '../../shared/engine/index.ts';
import { Game, topShare } from '../../shared/game/index.ts';
import { scenario } from './helpers.ts';

describe('the march-2026 preset: the network of the seed article', () => {
  const game = Game.create(scenario('march-2026', { bots: [] }), 1);
  game.step();

  it('has 128 subnets, 0.5 TAO a block after the first halving, and exact conservation', () => {
    expect(game.subnetIds()).toHaveLength(128);
    expect(game.chain.state.blockEmission).toBe(tao(1) / 2n);
    expect(game.chain.state.tao.issuance).toBeGreaterThanOrEqual(tao(10_500_000));
    expect(auditConservation(game.chain.state)).toEqual([]);
  });

  it('starts with the top 10 subnets taking about 56 % of emission, Chutes first', () => {
    expect(topShare(game.chain, 10)).toBeGreaterThan(0.54);
    expect(topShare(game.chain, 10)).toBeLessThan(0.58);
    const ranked = game.subnetIds().map((id) => game.subnetInfo(id)!).sort((x, y) => y.emissionShare - x.emissionShare);
    expect(ranked[0].name).toBe('Chutes');
    expect(ranked[0].netuid).toBe(64);
    const top10 = ranked.slice(0, 10).map((s) => s.netuid);
    for (const [id, name] of [[64, 'Chutes'], [3, 'Templar'], [19, 'Nineteen'], [56, 'Gradients']] as const) {
      expect(game.subnetInfo(netuid(id))!.name).toBe(name);
      expect(top10).toContain(id);
    }
    // Subnets with net outflow get nothing.
    expect(ranked.filter((s) => s.flowEma < 0).every((s) => s.emissionShare === 0)).toBe(true);
    expect(ranked.filter((s) => s.flowEma < 0).length).toBeGreaterThan(0);
  });

  it('fills every subnet with 256 UIDs', () => {
    expect(game.subnetInfo(netuid(64))!.neurons).toHaveLength(256);
  });
});
