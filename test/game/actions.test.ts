import { describe, expect, it } from 'vitest';
import { auditConservation, netuid, tao } from '../../shared/engine/index.ts';
import type { GameAction } from '../../shared/game/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { newGame, run } from './helpers.ts';

describe('players and their moves', () => {
  const fresh = () => {
    const game = newGame('workshop', { bots: [] }, 2);
    for (const [id, role] of [['o', 'owner'], ['m', 'miner'], ['v', 'validator'], ['s', 'staker']] as const) expect(game.join(playerId(id), { name: id, role }).ok).toBe(true);
    return game;
  };

  it('gives each role its kit: an owner a subnet, a miner and a validator a UID, a validator stake on itself', () => {
    const game = fresh();
    const [o, m, v] = ['o', 'm', 'v'].map((id) => game.player(playerId(id))!);
    expect(game.subnetInfo(o.home!)!.ownerPlayer).toBe('o');
    expect(game.subnetInfo(m.home!)!.neurons.some((n) => n.player === 'm')).toBe(true);
    expect(game.positions(playerId('v')).some((p) => p.hotkey === v.hotkey && p.netuid === v.home)).toBe(true);
    expect(auditConservation(game.chain.state)).toEqual([]);
  });

  it.each<[string, string, GameAction, string]>([
    ['a staker choosing effort', 's', { type: 'set_effort', effort: 0.5 }, 'WRONG_ROLE'],
    ['an effort above 1', 'm', { type: 'set_effort', effort: 2 }, 'INVALID_PAYLOAD'],
    ['an effort of NaN', 'm', { type: 'set_effort', effort: Number.NaN }, 'INVALID_PAYLOAD'],
    ['a buyback by a non-owner', 's', { type: 'buy_back', amount: tao(1) }, 'NOT_SUBNET_OWNER'],
    ['a buyback beyond the balance', 'o', { type: 'buy_back', amount: tao(1_000_000) }, 'INSUFFICIENT_BALANCE'],
    ['a name with markup', 'o', { type: 'name_subnet', name: '<script>' }, 'INVALID_PAYLOAD'],
    ['a name by a non-owner', 'm', { type: 'name_subnet', name: 'Mine' }, 'NOT_SUBNET_OWNER'],
    ['a transfer to nobody', 's', { type: 'transfer', to: playerId('ghost'), amount: tao(1) }, 'UNKNOWN_PLAYER'],
    ['a stake given as a number', 's', { type: 'stake', hotkey: 'x' as never, netuid: netuid(1), amount: 5 as never }, 'INVALID_AMOUNT'],
    ['an unknown action', 's', { type: 'mint' } as never, 'UNKNOWN_ACTION'],
  ])('refuses %s and changes nothing', (_what, who, action, code) => {
    const game = fresh();
    const before = JSON.stringify(game.snapshot());
    const r = game.act(playerId(who), action);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
    expect(JSON.stringify(game.snapshot())).toBe(before);
  });

  it('a removed player can no longer act; its holdings still count', () => {
    const game = fresh();
    expect(game.remove(playerId('s')).ok).toBe(true);
    const r = game.act(playerId('s'), { type: 'transfer', to: playerId('o'), amount: tao(1) });
    expect(r.ok ? null : r.error.code).toBe('PLAYER_GONE');
    const row = game.leaderboard().find((x) => x.id === 's')!;
    expect(row.netWorth).toBe(row.startWorth);
  });

  it('a miner\'s effort costs TAO each tempo and its hidden quality follows the effort', () => {
    const game = fresh();
    const m = game.player(playerId('m'))!;
    expect(game.act(playerId('m'), { type: 'set_effort', effort: 1 }).ok).toBe(true);
    const balance = game.chain.balance(m.coldkey as never);
    run(game, 300);
    expect(game.chain.balance(m.coldkey as never)).toBeLessThan(balance);
    const uid = game.subnetInfo(m.home!)!.neurons.findIndex((n) => n.player === 'm');
    const high = game.trueQualities(m.home!)[uid];
    expect(game.act(playerId('m'), { type: 'set_effort', effort: 0 }).ok).toBe(true);
    run(game, 300);
    expect(game.trueQualities(m.home!)[uid]).toBeLessThan(high / 2);
    expect(game.leaderboard().find((x) => x.id === 'm')!.business).toBeLessThan(0n);
  });

  it('facilitator events: a market shock is outflow everywhere, an inflow surge raises one subnet, halving-now halves emission', () => {
    const game = fresh();
    run(game, 50);
    const flows = game.subnetIds().map((id) => game.subnetInfo(id)!.flowEma);
    expect(game.trigger({ type: 'market_shock', fraction: 0.5 }).ok).toBe(true);
    game.step();
    game.subnetIds().forEach((id, i) => id <= 3 && expect(game.subnetInfo(id)!.flowEma).toBeLessThan(flows[i]));
    const price = game.subnetInfo(netuid(3))!.price;
    expect(game.trigger({ type: 'inflow_surge', netuid: 3, tao: '200', blocks: 10 }).ok).toBe(true);
    run(game, 10);
    expect(game.subnetInfo(netuid(3))!.price).toBeGreaterThan(price);
    const emission = game.chain.state.blockEmission;
    expect(game.trigger({ type: 'halving_now' }).ok).toBe(true);
    const events = game.step();
    expect(events.some((e) => e.type === 'halving')).toBe(true);
    expect(game.chain.state.blockEmission).toBe(emission / 2n);
    // TAO only: the subnets' alpha keeps the emission of its own issuance.
    expect(game.chain.state.params.defaultBlockEmission).toBe(emission);
    expect(game.trigger({ type: 'inflow_surge', netuid: 99, tao: '1', blocks: 1 }).ok).toBe(false);
    expect(game.trigger({ type: 'market_shock', fraction: 2 }).ok).toBe(false);
    expect(auditConservation(game.chain.state)).toEqual([]);
  });
});

describe('joining', () => {
  it.each<[string, string, unknown, string]>([
    ['an id with spaces', 'a b', { name: 'A', role: 'staker' }, 'INVALID_PLAYER'],
    ['no options', 'a', undefined, 'INVALID_PLAYER'],
    ['an empty name', 'a', { name: '  ', role: 'staker' }, 'INVALID_PLAYER'],
    ['an unknown role', 'a', { name: 'A', role: 'king' }, 'INVALID_PLAYER'],
    ['a strategy of another role', 'a', { name: 'A', role: 'miner', bot: 'whale' }, 'UNKNOWN_STRATEGY'],
    ['a subnet that does not exist', 'a', { name: 'A', role: 'miner', netuid: 42 }, 'SUBNET_NOT_FOUND'],
  ])('refuses %s and changes nothing', (_what, id, opts, code) => {
    const game = newGame('workshop', { bots: [] }, 2);
    const before = JSON.stringify(game.snapshot());
    const r = game.join(playerId(id), opts as never);
    expect(r.ok ? null : r.error.code).toBe(code);
    expect(JSON.stringify(game.snapshot())).toBe(before);
  });

  it('refuses a second join with the same id', () => {
    const game = newGame('workshop', { bots: [] }, 2);
    expect(game.join(playerId('a'), { name: 'A', role: 'staker' }).ok).toBe(true);
    const r = game.join(playerId('a'), { name: 'A', role: 'staker' });
    expect(r.ok ? null : r.error.code).toBe('PLAYER_EXISTS');
  });
});

describe('hostile values', () => {
  it('never throw: a null-prototype object where a name or type is expected gets a typed error', () => {
    const game = newGame('workshop', { bots: [] }, 2);
    const hostile = Object.create(null);
    expect(game.join(playerId('h'), { name: 'H', role: 'staker' }).ok).toBe(true);
    const results = [
      game.act(playerId('h'), { type: hostile } as never),
      game.act(playerId('h'), { type: 'transfer', to: hostile, amount: 1n } as never),
      game.act(hostile, { type: 'set_effort', effort: 1 }),
      game.join(playerId('x'), { name: 'X', role: 'miner', bot: hostile }),
      game.join(playerId('y'), { name: 'Y', role: 'miner', netuid: hostile }),
      game.addBot('miner', hostile),
      game.trigger({ type: hostile }),
    ];
    for (const r of results) expect(r.ok).toBe(false);
  });
});
