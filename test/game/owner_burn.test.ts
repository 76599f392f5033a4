import { describe, expect, it } from 'vitest';
import { type ChainEvent, toUnits, uid as toUid } from '../../shared/engine/index.ts';
import { EPOCH_COLUMNS, playerId } from '../../shared/game/index.ts';
import { ACTIONS } from '../../shared/protocol/index.ts';
import { newGame } from './helpers.ts';

describe('an owner player burns miner emission with its self-weight', () => {
  it('is refused without a permit, then weighs its own UID and the epoch burns its incentive (run_epoch.rs:695-700, run_coinbase.rs:538-553)', () => {
    expect(ACTIONS.set_weights.roles).toBe('any');
    const game = newGame('workshop', { bots: [] }, 3);
    const id = playerId('o');
    expect(game.join(id, { name: 'o', role: 'owner' }).ok).toBe(true);
    const me = game.player(id)!;
    const home = me.home!;
    const s = game.chain.subnet(home)!;
    const uid = toUid(s.neurons.findIndex((n) => n.hotkey === me.hotkey));
    expect(uid).toBeGreaterThanOrEqual(0);
    const weighSelf = () => game.act(id, { type: 'set_weights', netuid: home, uids: [uid], weights: [1] });
    const before = weighSelf();
    expect(before.ok ? null : before.error.code).toBe('NOT_A_VALIDATOR');
    const tempo = game.chain.state.params.tempo;
    for (let b = 0; b < 2 * tempo + 2 && !s.neurons[uid].validatorPermit; b++) game.step();
    expect(s.neurons[uid].validatorPermit).toBe(true);
    expect(weighSelf().ok).toBe(true);
    let epoch: Extract<ChainEvent, { type: 'epoch' }> | undefined;
    for (let b = 0; b < 2 * tempo + 2 && !epoch; b++) epoch = game.step().find((e): e is Extract<ChainEvent, { type: 'epoch' }> => e.type === 'epoch' && e.netuid === home);
    expect(epoch?.ownerBurned).toBeGreaterThan(0n);
    // The game's epoch series carries the burn in its own column.
    const row = game.series.epochs.filter((r) => r[EPOCH_COLUMNS.indexOf('netuid')] === home).at(-1)!;
    expect(row[EPOCH_COLUMNS.indexOf('ownerBurned')]).toBe(toUnits(epoch!.ownerBurned));
  });
});
