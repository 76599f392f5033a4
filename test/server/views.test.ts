import { describe, expect, it } from 'vitest';
import { netuid, parseAmount, uid } from '../../shared/engine/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { UidFinder } from '../../server/uid_finder.ts';
import { observationsView, uidsHeld, walletView } from '../../server/views/player.ts';
import { NeuronTables, subnetDetailView } from '../../server/views/neuron_table.ts';
import type { SubnetDetailView } from '../../shared/protocol/index.ts';
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
    const w = walletView(game, 'v', game.leaderboard(), uidsHeld(game))!;
    expect(w.playerId).toBe('v');
    expect(parseAmount(w.balance)).toBe(game.chain.balance(v.coldkey as never));
    const own = w.positions.find((p) => p.netuid === v.home && p.hotkey === v.hotkey)!;
    expect(own).toBeDefined();
    expect(parseAmount(own.alpha)).toBe(game.chain.stake(v.coldkey as never, v.hotkey as never, v.home!));
    expect(w.neurons.map((n) => n.netuid)).toEqual([v.home]);
    expect(parseAmount(w.netWorth)).toBe(game.leaderboard().find((r) => r.id === 'v')!.netWorth);
    expect(walletView(game, 'nobody', game.leaderboard(), uidsHeld(game))).toBeNull();
  });

  it("a validator's wallet says how much of its weight Yuma kept at the last epoch, once it has weights and a permit", () => {
    const before = walletView(game, 'v', game.leaderboard(), uidsHeld(game))!.neurons[0];
    expect('trust' in before).toBe(Boolean(before.weights && before.permit));
    // A contrarian row: all weight on the miner the others rank lowest, so consensus clips it.
    const n = game.chain.subnet(netuid(v.home!))!;
    const mine = before.uid;
    const weakest = n.neurons.map((x, uid) => ({ uid, c: x.consensus })).filter((x) => x.uid !== mine).sort((a, b) => a.c - b.c)[0].uid;
    expect(game.act(playerId('v'), { type: 'set_weights', netuid: v.home!, uids: [uid(weakest)], weights: [1] }).ok).toBe(true);
    run(game, 2 * game.chain.state.params.tempo + 2);
    const after = walletView(game, 'v', game.leaderboard(), uidsHeld(game))!.neurons[0];
    expect(after.permit).toBe(true);
    expect(after.trust).toBe(Math.round(n.neurons[mine].validatorTrust * 1000) / 1000);
    expect(after.trust!).toBeLessThan(1);
    expect(walletView(game, 's', game.leaderboard(), uidsHeld(game))!.neurons).toEqual([]);
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

describe("players' UIDs", () => {
  it('kept from block to block, they agree with a fresh search, through registrations that replace neurons', () => {
    const game = newGame('workshop', {}, 5);
    for (let i = 0; i < 6; i++) expect(game.join(playerId(`m${i}`), { name: `Miner ${i}`, role: 'miner' }).ok).toBe(true);
    const kept = new UidFinder();
    const uidsOf = (held: ReturnType<typeof uidsHeld>) => game.players().map((p) => held.get(p.hotkey) ?? []);
    let changes = 0;
    let last = uidsOf(uidsHeld(game, kept));
    for (let b = 0; b < 1500; b++) {
      // Each miner in turn takes a UID on another subnet: the subnets fill and registrations replace neurons.
      const m = game.player(playerId(`m${b % 6}`))!;
      const other = game.subnetIds().find((id) => id !== m.home && !game.chain.subnet(id)!.neurons.some((n) => n.hotkey === m.hotkey));
      if (b % 25 === 0 && other !== undefined) game.act(m.id, { type: 'register_neuron', netuid: other });
      run(game, 1);
      const now = uidsOf(uidsHeld(game, kept));
      expect(now).toEqual(uidsOf(uidsHeld(game)));
      if (JSON.stringify(now) !== JSON.stringify(last)) changes++;
      last = now;
    }
    expect(changes).toBeGreaterThan(5);
  });
});

describe("players' positions", () => {
  // Wallets list the positions the game follows (for net worth) instead of searching every stake
  // book each block: this holds only if every alpha a player's coldkey holds is among them.
  it('every alpha a player holds on the chain is a position the game follows', () => {
    for (const preset of ['workshop', 'march-2026']) {
      const game = newGame(preset, {}, 7);
      const roles = ['validator', 'miner', 'staker', 'owner'] as const;
      roles.forEach((role, i) => expect(game.join(playerId(`p${i}`), { name: `P${i}`, role }).ok).toBe(true));
      let found = 0;
      for (let b = 0; b < 12; b++) {
        run(game, 200);
        for (const p of game.players()) {
          const followed = new Set(game.positions(p.id).map((x) => `${x.netuid}:${x.hotkey}`));
          for (const s of game.chain.state.subnets) {
            if (!s) continue;
            for (const [hotkey, holders] of s.stake) {
              if ((holders.get(p.coldkey as never) ?? 0n) <= 0n) continue;
              found++;
              expect(followed.has(`${s.netuid}:${hotkey}`), `${preset} block ${game.block}: ${p.name} holds alpha on ${s.netuid}:${hotkey}`).toBe(true);
            }
          }
        }
      }
      expect(found).toBeGreaterThan(50);
    }
  });
});

describe('neuron tables', () => {
  it('a table kept from build to build equals one built from nothing, and keeps the rows that did not change', () => {
    const game = newGame('workshop', {}, 9);
    for (let i = 0; i < 4; i++) expect(game.join(playerId(`m${i}`), { name: `Miner ${i}`, role: 'miner' }).ok).toBe(true);
    const tables = new NeuronTables();
    const netuids = game.subnetIds();
    let kept = 0;
    let rebuilt = 0;
    let sameTables = 0;
    let previous = new Map<number, { view: SubnetDetailView; copy: SubnetDetailView }>();
    for (let b = 0; b < 900; b++) {
      run(game, 1);
      const now = new Map<number, { view: SubnetDetailView; copy: SubnetDetailView }>();
      for (const id of netuids) {
        const t = tables.view(game, id)!;
        expect(t).toEqual(subnetDetailView(game, id));
        const before = previous.get(id);
        if (before) {
          // What a watcher was handed stays what it was: later builds never write over it.
          expect(before.view).toEqual(before.copy);
          t.neurons.forEach((row, uid) => {
            const was = before.view.neurons[uid];
            if (row === was) kept++;
            else {
              rebuilt++;
              // A row that reads as before is the object before: watchers compare rows by identity.
              expect(row).not.toEqual(was);
            }
          });
          if (t.neurons === before.view.neurons) sameTables++;
        }
        now.set(id, { view: t, copy: structuredClone(t) });
      }
      previous = now;
    }
    // Between epochs rows stay the same objects, and a table none of whose rows changed the same
    // array; epochs and registrations make new ones.
    expect(kept).toBeGreaterThan(10 * rebuilt);
    expect(rebuilt).toBeGreaterThan(100);
    expect(sameTables).toBeGreaterThan(netuids.length * 100);
  });
});
