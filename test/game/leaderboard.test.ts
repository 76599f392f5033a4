import { describe, expect, it } from 'vitest';
import { coldkey, hotkey, tao } from '../../shared/engine/index.ts';
import { playerId } from '../../shared/game/index.ts';
import { leaderboard, returnOf } from '../../shared/game/leaderboard.ts';
import type { Player } from '../../shared/game/state.ts';
import { copyOf, newGame } from './helpers.ts';

describe('the leaderboard', () => {
  it('ranks a role by return on the starting net worth (the wallet bar’s score), everyone by TAO gained', () => {
    const chain = copyOf(newGame('workshop', undefined));
    // Two stakers with different kits: the small one gained less TAO but a larger return.
    const player = (id: string, start: number, worth: number): Player => {
      expect(chain.apply({ type: 'create_wallet', coldkey: coldkey(id), balance: tao(worth) }).ok).toBe(true);
      return { id: playerId(id), name: id, role: 'staker', bot: null, coldkey: coldkey(id), hotkey: hotkey(`${id}/hk`), joinedAt: 0, home: null, effort: 0, talent: 1, quality: 0, noise: null, observations: [], startWorth: tao(start), business: 0n, emissionIncome: 0n, positions: [], connected: true, removed: false };
    };
    const rows = leaderboard(chain, [player('small', 100, 150), player('large', 1000, 1200)]);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(returnOf(by.small)).toBeCloseTo(0.5, 12);
    expect(returnOf(by.large)).toBeCloseTo(0.2, 12);
    expect([by.small.roleRank, by.large.roleRank]).toEqual([1, 2]);
    expect([by.small.rank, by.large.rank]).toEqual([2, 1]);
  });
});
