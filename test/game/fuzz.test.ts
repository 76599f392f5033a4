import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditConservation } from '../../shared/engine/index.ts';
import type { GameAction } from '../../shared/game/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { newGame } from './helpers.ts';

const TYPES = ['stake', 'unstake', 'move_stake', 'register_subnet', 'register_neuron', 'set_weights', 'set_take', 'transfer', 'set_effort', 'buy_back', 'name_subnet', 'mint'];

// Values of every kind, including the ones a careless or hostile client sends.
const value = fc.oneof(
  fc.anything(),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
  fc.integer({ min: -5, max: 300 }),
  fc.double(),
  fc.constantFrom('p/s/hk', 'sn1/v0', 'sn1/owner', 's', 'o', '', Object.create(null), [], [0, 1], [1, 1]),
);
const action = fc.record({ type: fc.constantFrom(...TYPES), hotkey: value, netuid: value, amount: value, fromHotkey: value, toHotkey: value, fromNetuid: value, toNetuid: value, uids: value, weights: value, takeU16: value, to: value, effort: value, name: value, product: value, limitPrice: value }, { requiredKeys: ['type'] });

describe('Game.act on arbitrary payloads', () => {
  it('never throws; a refusal changes nothing; conservation stays exact', () => {
    const game = newGame('workshop', { bots: [] }, 8);
    for (const [id, role] of [['o', 'owner'], ['s', 'staker'], ['m', 'miner'], ['v', 'validator']] as const) expect(game.join(playerId(id), { name: id, role }).ok).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom('o', 's', 'm', 'v'), action, (who, a) => {
        const before = JSON.stringify(game.snapshot());
        const r = game.act(playerId(who), a as unknown as GameAction);
        if (!r.ok) {
          expect(typeof r.error.code).toBe('string');
          expect(JSON.stringify(game.snapshot())).toBe(before);
        }
        expect(auditConservation(game.chain.state)).toEqual([]);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
