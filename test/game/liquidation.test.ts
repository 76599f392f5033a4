import { describe, expect, it } from 'vitest';
import { auditConservation, netuid, tao } from '../../shared/engine/index.ts';
import { Game, liquidationValue, parsePosition, playerId } from '../../shared/game/index.ts';
import { copyOf, run, scenario } from './helpers.ts';

describe('net worth at liquidation value', () => {
  it('equals what unstaking every position on a copy of the chain really pays', () => {
    const game = Game.create(scenario('workshop'), 7);
    const me = playerId('trader');
    expect(game.join(me, { name: 'Trader', role: 'staker' }).ok).toBe(true);
    // Two validators on one subnet (the second sale meets the pool the first moved) and a second subnet.
    const [, a, b] = game.subnetInfo(netuid(1))!.neurons;
    const [, c] = game.subnetInfo(netuid(2))!.neurons;
    for (const [hk, id, amount] of [[a.hotkey, 1, 80], [b.hotkey, 1, 60], [c.hotkey, 2, 40]] as const)
      expect(game.act(me, { type: 'stake', hotkey: hk as never, netuid: netuid(id), amount: tao(amount) }).ok).toBe(true);
    run(game, 200);

    for (const player of game.players()) {
      const positions = game.positions(player.id).map((p) => ({ netuid: p.netuid, hotkey: p.hotkey as never }));
      const copy = copyOf(game);
      // A valuation, not a trade: the bots' stakes of this block do not hold their sale back.
      copy.state.stakedThisBlock.clear();
      const before = copy.balance(player.coldkey as never);
      for (const p of positions) {
        const alpha = copy.stake(player.coldkey as never, p.hotkey, p.netuid);
        const r = copy.apply({ type: 'unstake', coldkey: player.coldkey as never, hotkey: p.hotkey, netuid: p.netuid, amount: alpha });
        expect(r.ok, `${player.name} unstake`).toBe(true);
      }
      const paid = copy.balance(player.coldkey as never) - before;
      expect(liquidationValue(game.chain, player.coldkey as never, positions)).toBe(paid);
      expect(game.netWorth(player.id)).toBe(before + paid);
      expect(auditConservation(copy.state)).toEqual([]);
    }
    const mine = game.positions(me);
    expect(mine.map((p) => p.netuid)).toEqual([1, 1, 2]);
    // Selling both subnet-1 positions together pays less than the sum of selling each alone: slippage.
    const both = liquidationValue(game.chain, game.player(me)!.coldkey as never, mine.slice(0, 2).map((p) => parsePosition(`${p.netuid}:${p.hotkey}`)));
    expect(both).toBeLessThan(mine[0].value + mine[1].value);
  });
});
