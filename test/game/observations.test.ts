import { describe, expect, it } from 'vitest';
import { netuid } from '../../shared/engine/index.ts';
import type { Game, PlayerId } from '../../shared/game/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { newGame, run } from './helpers.ts';

const V = playerId('val');
const SN = netuid(1);

/** A validator and a miner in subnet 1; `effort` sets the miner's true quality, `extra` adds other players elsewhere. */
function world(effort: number, extra: boolean): Game {
  const game = newGame('workshop', { bots: [] }, 11);
  expect(game.join(V, { name: 'Val', role: 'validator', netuid: SN }).ok).toBe(true);
  expect(game.join(playerId('mine'), { name: 'Mine', role: 'miner', netuid: SN }).ok).toBe(true);
  expect(game.act(playerId('mine'), { type: 'set_effort', effort }).ok).toBe(true);
  if (extra) {
    // Another validator and another miner, in another subnet, looking and working too.
    expect(game.join(playerId('val2'), { name: 'Val2', role: 'validator', netuid: netuid(2) }).ok).toBe(true);
    expect(game.join(playerId('mine2'), { name: 'Mine2', role: 'miner', netuid: netuid(2) }).ok).toBe(true);
  }
  return game;
}

/** Each refresh: the validator's readings minus the truth, per uid. */
function residuals(game: Game, id: PlayerId, refreshes: number): number[][] {
  const every = game.scenario.game.economy.observeEvery;
  const out: number[][] = [];
  for (let k = 0; k < refreshes; k++) {
    run(game, every);
    const seen = game.observationsFor(id)!;
    const truth = game.trueQualities(seen.netuid);
    out.push(seen.readings.map((r) => r.quality - truth[r.uid]));
  }
  return out;
}

describe("a validator's private observations", () => {
  it('depend on the true quality and on its own noise only', () => {
    const a = world(0.1, false);
    const b = world(1, true);
    const ra = residuals(a, V, 20);
    const rb = residuals(b, V, 20);
    // The miner's quality differs between the worlds…
    const miner = a.observationsFor(V)!.readings.find((r) => r.hotkey === 'p/mine/hk')!.uid;
    expect(Math.abs(a.trueQualities(SN)[miner] - b.trueQualities(SN)[miner])).toBeGreaterThan(0.1);
    // …yet the noise on every reading is the same: nothing but its own stream enters.
    ra.forEach((row, k) => row.forEach((x, j) => expect(rb[k][j]).toBeCloseTo(x, 12)));
    // And the noise is real: readings are not the truth.
    expect(ra.flat().some((x) => Math.abs(x) > 0.01)).toBe(true);
  });

  it('two validators of one subnet draw different noise', () => {
    const game = newGame('workshop', { bots: [] }, 11);
    for (const id of ['v1', 'v2']) expect(game.join(playerId(id), { name: id, role: 'validator', netuid: SN }).ok).toBe(true);
    run(game, game.scenario.game.economy.observeEvery);
    const [o1, o2] = [game.observationsFor(playerId('v1'))!, game.observationsFor(playerId('v2'))!];
    expect(o1.readings.map((r) => r.quality)).not.toEqual(o2.readings.map((r) => r.quality));
  });

  it('are given to validators only', () => {
    const game = newGame('workshop', { bots: [] }, 11);
    expect(game.join(playerId('s'), { name: 'S', role: 'staker' }).ok).toBe(true);
    expect(game.observationsFor(playerId('s'))).toBeNull();
    expect(game.observationsFor(playerId('nobody'))).toBeNull();
  });
});
