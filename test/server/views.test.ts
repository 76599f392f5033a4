import { describe, expect, it } from 'vitest';
import { netuid, parseAmount, uid } from '../../shared/engine/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { holdingsOf, observationsView, subnetDetailView, walletView } from '../../server/views/player.ts';
import { seriesView } from '../../server/views/series.ts';
import { resultsView, standings } from '../../server/views/standings.ts';
import { newGame, run } from '../game/helpers.ts';

// The per-player views are pure functions of the game: checked here without a room or a socket.
describe('views', () => {
  const game = newGame('workshop', { bots: [] }, 3);
  expect(game.join(playerId('v'), { name: 'Vic', role: 'validator' }).ok).toBe(true);
  expect(game.join(playerId('s'), { name: 'Sam', role: 'staker' }).ok).toBe(true);
  run(game, 120);
  const v = game.player(playerId('v'))!;

  it("a wallet shows the player's balance, positions at liquidation value, and its neurons", () => {
    const w = walletView(game, 'v', game.leaderboard(), holdingsOf(game))!;
    expect(w.playerId).toBe('v');
    expect(parseAmount(w.balance)).toBe(game.chain.balance(v.coldkey as never));
    const own = w.positions.find((p) => p.netuid === v.home && p.hotkey === v.hotkey)!;
    expect(own).toBeDefined();
    expect(parseAmount(own.alpha)).toBe(game.chain.stake(v.coldkey as never, v.hotkey as never, v.home!));
    expect(w.neurons.map((n) => n.netuid)).toEqual([v.home]);
    expect(parseAmount(w.netWorth)).toBe(game.leaderboard().find((r) => r.id === 'v')!.netWorth);
    expect(walletView(game, 'nobody', game.leaderboard(), holdingsOf(game))).toBeNull();
  });

  it("a validator's wallet says how much of its weight Yuma kept at the last epoch, once it has weights and a permit", () => {
    const before = walletView(game, 'v', game.leaderboard(), holdingsOf(game))!.neurons[0];
    expect('trust' in before).toBe(Boolean(before.weights && before.permit));
    // A contrarian row: all weight on the miner the others rank lowest, so consensus clips it.
    const n = game.chain.subnet(netuid(v.home!))!;
    const mine = before.uid;
    const weakest = n.neurons.map((x, uid) => ({ uid, c: x.consensus })).filter((x) => x.uid !== mine).sort((a, b) => a.c - b.c)[0].uid;
    expect(game.act(playerId('v'), { type: 'set_weights', netuid: v.home!, uids: [uid(weakest)], weights: [1] }).ok).toBe(true);
    run(game, 2 * game.chain.state.params.tempo + 2);
    const after = walletView(game, 'v', game.leaderboard(), holdingsOf(game))!.neurons[0];
    expect(after.permit).toBe(true);
    expect(after.trust).toBe(Math.round(n.neurons[mine].validatorTrust * 1000) / 1000);
    expect(after.trust!).toBeLessThan(1);
    expect(walletView(game, 's', game.leaderboard(), holdingsOf(game))!.neurons).toEqual([]);
  });

  it("a validator's readings go to that validator only", () => {
    const o = observationsView(game, 'v')!;
    expect(o.subnets[0].netuid).toBe(v.home);
    expect(o.subnets[0].uids.length).toBe(o.subnets[0].quality.length);
    expect(observationsView(game, 's')).toBeNull();
  });

  it("a subnet's neuron table has a row per UID; an unknown subnet has none", () => {
    const d = subnetDetailView(game, v.home!)!;
    expect(d.neurons).toHaveLength(game.chain.subnet(netuid(v.home!))!.neurons.length);
    expect(d.neurons.some((n) => n.owner === 'v')).toBe(true);
    expect(subnetDetailView(game, 99)).toBeNull();
  });

  it('standings and results follow the leaderboard, amounts as signed decimal strings', () => {
    const rows = standings(game.leaderboard(), game.players());
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    const results = resultsView({ code: 'ABCDEF', preset: 'workshop', seed: 3, block: game.block }, rows);
    expect(results.rows.map((r) => r.playerId)).toEqual(rows.map((r) => r.playerId));
    for (const r of results.rows) expect(r.change).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('the series keeps its first and last samples when thinned, and every player has a line', () => {
    const ids = game.players().map((p) => p.id);
    const full = seriesView(game.series, ids, Infinity, game.subnetIds());
    const thin = seriesView(game.series, ids, 3, game.subnetIds());
    expect(thin.block).toEqual([full.block[0], full.block[Math.round((full.block.length - 1) / 2)], full.block.at(-1)]);
    expect(Object.keys(thin.netWorth).sort()).toEqual([...ids].sort());
    expect(thin.netWorth.v.at(-1)).toBe(full.netWorth.v.at(-1));
  });
});
