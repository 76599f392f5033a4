// The real game after a practice round, built without a room: same seats under the same ids, fresh
// kits, and a record that replays it bit for bit.
import { describe, expect, it } from 'vitest';
import { GameHost } from '../../server/game_host.ts';
import { realGameSource } from '../../server/game_source.ts';
import { Seats } from '../../server/seats.ts';

describe('realGameSource', () => {
  it('re-seats every player with a fresh kit, leaves the removed out, and replays from its record', () => {
    const practice = GameHost.create({ preset: 'workshop', seed: 3 }) as GameHost;
    const seats = new Seats();
    for (const [name, role] of [['Ada', 'staker'], ['Bob', 'validator'], ['Cy', 'miner']] as const) {
      const j = practice.join(name, role, false);
      if (!j.ok) throw new Error(j.error.message);
      seats.take(j.playerId, `token-${name}`, name, role, name === 'Cy' ? 'gone' : `s-${name}`);
    }
    for (let i = 0; i < 50; i++) practice.step();
    expect(practice.act('p1', { type: 'stake', netuid: 1, amount: 150_000_000_000n } as never).ok).toBe(true);
    seats.get('p3')!.sessionId = null;
    seats.get('p2')!.removed = true;
    practice.remove('p2');

    const { host } = realGameSource(practice, seats);
    expect(host.block).toBe(0);
    expect(host.player('p1')).toMatchObject({ name: 'Ada', role: 'staker', connected: true });
    expect(host.player('p3')).toMatchObject({ name: 'Cy', role: 'miner', connected: false });
    expect(host.player('p2')).toBeNull();
    expect(host.wallet('p1')!.balance).toBe('200');
    expect(host.wallet('p1')!.positions).toEqual([]);
    // A newcomer after the reset gets the next id, not one of the kept seats'.
    const late = host.join('Dee', 'staker', false);
    expect(late.ok && late.playerId).toBe('p4');

    for (let i = 0; i < 100; i++) host.step();
    expect(JSON.stringify(GameHost.replay(host.record()).game.snapshot())).toBe(JSON.stringify(host.game.snapshot()));
  });
});
