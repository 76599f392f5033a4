// What persistence reads back: a stored game's settings, including ones written by an earlier
// version that kept tokens themselves instead of their digests.
import { describe, expect, it } from 'vitest';
import { loadGame, readMeta } from '../../server/persistence/archive.ts';
import { GameStore } from '../../server/persistence/store.ts';
import { digestOf, tokenMatches } from '../../server/secrets.ts';

const legacyMeta = {
  facilitatorToken: 'fac-secret',
  isPublic: false,
  quickplay: false,
  seats: 10,
  phase: 'running',
  speed: 2,
  players: [['p1', { token: 'player-secret', name: 'Sam', role: 'staker', removed: false }]],
};

describe('stored room settings', () => {
  it('digest the tokens of a game stored before digests, so the tokens people hold still work', () => {
    const meta = readMeta(JSON.stringify(legacyMeta));
    expect(meta.facilitatorKey).toBe(digestOf('fac-secret'));
    expect(tokenMatches(meta.facilitatorKey, 'fac-secret')).toBe(true);
    expect(tokenMatches(meta.facilitatorKey, 'player-secret')).toBe(false);
    const [[id, seat]] = meta.players;
    expect(id).toBe('p1');
    expect(tokenMatches(seat.key, 'player-secret')).toBe(true);
    // Nothing of the tokens themselves is kept.
    expect(JSON.stringify(meta)).not.toMatch(/secret/);
    expect(meta).toMatchObject({ seats: 10, phase: 'running', speed: 2 });
  });

  it('read the same through loadGame, and leave a current row as it is', () => {
    const store = GameStore.open(':memory:');
    try {
      store.createGame({ code: 'OLD234', preset: 'workshop', scenario: 'null', seed: '1', createdAt: 1, status: 'running', meta: JSON.stringify(legacyMeta) });
      expect(tokenMatches(loadGame(store, 'OLD234')!.meta.facilitatorKey, 'fac-secret')).toBe(true);
      const current = readMeta(JSON.stringify({ ...legacyMeta, facilitatorToken: undefined, facilitatorKey: digestOf('x'), players: [] }));
      expect(current.facilitatorKey).toBe(digestOf('x'));
    } finally {
      store.close();
    }
  });
});
