import { describe, expect, it } from 'vitest';
import { tao } from '../../shared/engine/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { newGame } from './helpers.ts';

describe('an owner of two subnets acts on each', () => {
  it('buys back and names the subnet it names, and only one it owns', () => {
    const game = newGame('workshop', { bots: [], chain: { networkRateLimit: 0 }, kits: { owner: { tao: '20000' } } }, 3);
    expect(game.join(playerId('o'), { name: 'o', role: 'owner' }).ok).toBe(true);
    const first = game.player(playerId('o'))!.home!;
    const r = game.act(playerId('o'), { type: 'register_subnet' });
    expect(r.ok).toBe(true);
    const second = game.chain.state.subnets.find((s) => s && s.owner === game.player(playerId('o'))!.coldkey && s.netuid !== first)!.netuid;
    const ck = game.player(playerId('o'))!.coldkey as never;
    const ownerHk = (n: number) => game.chain.subnet(n as never)!.ownerHotkey;
    const before = [game.chain.stake(ck, ownerHk(first), first), game.chain.stake(ck, ownerHk(second), second)];
    expect(game.act(playerId('o'), { type: 'buy_back', amount: tao(10), netuid: first }).ok).toBe(true);
    expect(game.chain.stake(ck, ownerHk(first), first)).toBeGreaterThan(before[0]);
    expect(game.chain.stake(ck, ownerHk(second), second)).toBe(before[1]);
    expect(game.act(playerId('o'), { type: 'name_subnet', name: 'Second', netuid: second }).ok).toBe(true);
    expect(game.subnetInfo(second)!.name).toBe('Second');
    const other = game.chain.state.subnets.find((s) => s && s.owner !== ck)!.netuid;
    const refused = game.act(playerId('o'), { type: 'buy_back', amount: tao(1), netuid: other });
    expect(refused.ok ? null : refused.error.code).toBe('NOT_SUBNET_OWNER');
  });
});
