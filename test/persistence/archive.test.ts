// What persistence reads back: a stored game's settings, including ones written by an earlier
// version that kept tokens themselves instead of their digests, and a fork's game at its block.
import { describe, expect, it } from 'vitest';
import { encode } from '../../shared/game/codec.ts';
import { GameHost } from '../../server/game_host.ts';
import { loadGame, readMeta } from '../../server/persistence/archive.ts';
import { rebuildGame } from '../../server/persistence/recovery.ts';
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

describe('a fork from a stored game', () => {
  it('stops at the block asked for, even from a snapshot: the source\'s later actions are not in it', () => {
    const store = GameStore.open(':memory:');
    try {
      const host = GameHost.create({ preset: 'workshop', seed: 3 }) as GameHost;
      const createdAt = store.createGame({ code: 'FRK234', preset: 'workshop', scenario: 'null', seed: '3', createdAt: 1, status: 'running', meta: JSON.stringify({ players: [] }) });
      host.onEntry = (e, n) => store.append('FRK234', [{ seq: n - 1, block: e.block, entry: JSON.stringify(encode(e)) }]);
      const ann = host.join('Ann', 'staker', false);
      if (!ann.ok) throw new Error(ann.error.message);
      while (host.block < 300) host.step();
      store.saveSnapshot('FRK234', createdAt, 300, host.logLength, JSON.stringify(host.game.snapshot()));
      while (host.block < 320) host.step();
      expect(host.act(ann.playerId, { type: 'stake', netuid: 1, amount: 2_000_000_000n }).ok).toBe(true);
      while (host.block < 330) host.step();
      store.markReached('FRK234', 330);

      const loaded = loadGame(store, 'FRK234', 310)!;
      expect(loaded.snapshot?.block).toBe(300);
      const fork = rebuildGame('FRK234', loaded);
      expect({ block: fork.block, log: fork.logLength }).toEqual({ block: 310, log: 1 });
      expect(JSON.stringify(fork.game.snapshot())).toBe(JSON.stringify(GameHost.replay(loaded.record).game.snapshot()));
    } finally {
      store.close();
    }
  });
});

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
