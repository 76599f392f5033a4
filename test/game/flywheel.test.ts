import { describe, expect, it } from 'vitest';
import { auditConservation, netuid, tao } from '../../shared/engine/index.ts';
import type { PlayerId } from '../../shared/game/index.ts';
import { Game, playerId } from '../../shared/game/index.ts';
import { run, scenario } from './helpers.ts';

// Two subnets that start equal: no incumbents, no bots, registrations allowed back to back (each
// new pool is seeded with the minimum lock at price 1, so both pools are the same). Small pools and
// a 2.3-minute flow EMA, so a few tempos of buying and selling show.
function twoEqualSubnets(): { game: Game; a: PlayerId; b: PlayerId } {
  const game = Game.create(scenario('workshop', { subnets: 0, bots: [], chain: { networkRateLimit: 0, networkMinLockCost: '1000', flowEmaAlpha: 0.001 } }), 3);
  const a = playerId('owner-a');
  const b = playerId('owner-b');
  for (const id of [a, b]) expect(game.join(id, { name: id, role: 'owner' }).ok).toBe(true);
  expect(game.player(a)!.home).toBe(1);
  expect(game.player(b)!.home).toBe(2);
  const [sa, sb] = [game.chain.subnet(netuid(1))!, game.chain.subnet(netuid(2))!];
  expect([sa.taoIn, sa.alphaIn]).toEqual([sb.taoIn, sb.alphaIn]);
  return { game, a, b };
}

describe('Taoflow: the flywheel and the death spiral', () => {
  it('a subnet whose owner buys back gains emission share against an otherwise equal one', () => {
    const { game, a } = twoEqualSubnets();
    const tempo = game.chain.state.params.tempo;
    for (let t = 0; t < 10; t++) {
      expect(game.act(a, { type: 'buy_back', amount: tao(20) }).ok).toBe(true);
      run(game, tempo);
    }
    const [sa, sb] = [game.subnetInfo(netuid(1))!, game.subnetInfo(netuid(2))!];
    expect(sa.flowEma).toBeGreaterThan(0);
    expect(sa.emissionShare).toBeGreaterThan(0.99);
    expect(sb.emissionShare).toBe(0);
    expect(sa.price).toBeGreaterThan(sb.price);
    expect(auditConservation(game.chain.state)).toEqual([]);
  });

  it('a subnet with sustained net outflow gets no TAO share while an equal one keeps its inflow', () => {
    const { game } = twoEqualSubnets();
    const holders = [playerId('holder-a'), playerId('holder-b')];
    const tempo = game.chain.state.params.tempo;
    holders.forEach((id, i) => {
      expect(game.join(id, { name: id, role: 'staker' }).ok).toBe(true);
      const s = game.subnetInfo(netuid(i + 1))!;
      expect(game.act(id, { type: 'stake', hotkey: s.ownerHotkey as never, netuid: s.netuid, amount: tao(150) }).ok).toBe(true);
    });
    run(game, tempo);
    // Holder B sells a slice every few blocks; holder A holds.
    const shares: number[] = [];
    for (let k = 0; k < 60; k++) {
      const [pos] = game.positions(holders[1]);
      expect(game.act(holders[1], { type: 'unstake', hotkey: pos.hotkey as never, netuid: pos.netuid, amount: pos.alpha / 20n }).ok).toBe(true);
      run(game, 5);
      shares.push(game.subnetInfo(netuid(2))!.emissionShare);
    }
    const [sa, sb] = [game.subnetInfo(netuid(1))!, game.subnetInfo(netuid(2))!];
    expect(sb.flowEma).toBeLessThan(0);
    // Once its flow EMA turned negative it got nothing, for the rest of the run.
    const firstZero = shares.indexOf(0);
    expect(firstZero).toBeGreaterThanOrEqual(0);
    expect(shares.slice(firstZero).every((x) => x === 0)).toBe(true);
    expect(sa.emissionShare).toBe(1);
    expect(sb.price).toBeLessThan(sa.price);
    expect(auditConservation(game.chain.state)).toEqual([]);
  });
});
