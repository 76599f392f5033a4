import { describe, expect, it } from 'vitest';
import { tao } from '../../shared/engine/index.ts';
import type { GameAction } from '../../shared/game/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { refusalFacts } from '../../shared/game/refusal_facts.ts';
import { newGame, run } from './helpers.ts';

describe('the numbers behind a refusal', () => {
  const fresh = () => {
    const game = newGame('workshop', { bots: [] }, 2);
    for (const [id, role] of [['o', 'owner'], ['v', 'validator'], ['s', 'staker']] as const) expect(game.join(playerId(id), { name: id, role }).ok).toBe(true);
    return game;
  };
  const refused = (game: ReturnType<typeof fresh>, who: string, action: GameAction) => {
    const r = game.act(playerId(who), action);
    if (r.ok) throw new Error('expected a refusal');
    const p = game.player(playerId(who))!;
    return { code: r.error.code, facts: refusalFacts(game.chain, p, action, r.error.code) };
  };

  it('a stake beyond the free balance: what the player has and what it needs, in TAO', () => {
    const game = fresh();
    const s = game.subnetInfo(game.player(playerId('o'))!.home!)!;
    const r = refused(game, 's', { type: 'stake', hotkey: s.ownerHotkey as never, netuid: s.netuid, amount: tao(5000) });
    expect(r).toEqual({ code: 'INSUFFICIENT_BALANCE', facts: { unit: 'tao', have: '200', need: '5000' } });
  });

  it('an unstake beyond the position: the alpha held behind that hotkey', () => {
    const game = fresh();
    // A stake added in this block cannot be unstaked before the next.
    run(game, 1);
    const v = game.player(playerId('v'))!;
    const held = game.chain.stake(v.coldkey as never, v.hotkey as never, v.home!);
    const r = refused(game, 'v', { type: 'unstake', hotkey: v.hotkey as never, netuid: v.home!, amount: held + tao(1) });
    expect(r.code).toBe('INSUFFICIENT_STAKE');
    expect(r.facts?.unit).toBe('alpha');
    expect(Number(r.facts?.need) - Number(r.facts?.have)).toBeCloseTo(1, 6);
  });

  it('a stake below the minimum names the minimum', () => {
    const game = fresh();
    const s = game.subnetInfo(game.player(playerId('o'))!.home!)!;
    const r = refused(game, 's', { type: 'stake', hotkey: s.ownerHotkey as never, netuid: s.netuid, amount: 1n });
    expect(r.code).toBe('AMOUNT_BELOW_MINIMUM');
    expect(Number(r.facts?.minimum)).toBeGreaterThan(0);
  });

  it('a second subnet too soon names the block at which it becomes possible', () => {
    const game = fresh();
    run(game, 1);
    const r = refused(game, 'o', { type: 'register_subnet' });
    expect(r.code).toBe('RATE_LIMITED');
    const st = game.chain.state;
    expect(r.facts).toEqual({ nextBlock: st.network.lastRegistrationBlock! + st.params.networkRateLimit });
    expect(r.facts!.nextBlock!).toBeGreaterThan(game.block);
  });

  it('says nothing when a refusal has no numbers', () => {
    const game = fresh();
    expect(refused(game, 's', { type: 'set_effort', effort: 0.5 }).facts).toBeUndefined();
  });
});
