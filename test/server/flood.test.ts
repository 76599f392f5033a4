import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES } from '../../server/app.config.ts';
import type { ArenaRoom } from '../../server/arena_room.ts';
import { MESSAGE_BURST, MESSAGES_PER_SECOND } from '../../server/rate_limit.ts';
import { auditConservation } from '../../shared/engine/index.ts';
import { Game } from '../../shared/game/index.ts';
import type { Joined } from './harness.ts';
import { act, create, join, serverForFile, until } from './harness.ts';

// hostile.test.ts checks each kind of bad message gets its typed error; this one is the siege:
// many hostile sockets at once, far past the rate limit, while honest players keep playing.
const TOTAL = 10_000;
/** Types a hostile client may legitimately receive; anything else would be a leak or a bug. */
const PUBLIC_TYPES = new Set(['welcome', 'error', 'wallet', 'observations', 'subnet_detail', 'series']);

const { server } = await serverForFile();
let fac: Joined;
let room: ArenaRoom;

beforeAll(async () => {
  fac = await create(server, { preset: 'workshop', seed: 'flood', overrides: { blocksPerSecond: 20 }, name: 'Fac' });
  room = server.getRoomById(fac.room.roomId) as ArenaRoom;
});

type Message = [type: string | number, payload: unknown];

/** What each hostile role throws at the room: every entry is malformed, out of role, or forged. */
function attacks(fakeToken: string, victim: string): Record<string, Message[]> {
  const huge = '9'.repeat(40);
  const nested: unknown = JSON.parse('['.repeat(200) + ']'.repeat(200));
  return {
    // A spectator acting, and asking for another player's things.
    spectator: [
      ['stake', { netuid: 1, amount: '1' }],
      ['transfer', { to: victim, amount: '5' }],
      ['set_weights', { netuid: 1, uids: [0], weights: [1] }],
      ['unstake', { netuid: 1, amount: '1', hotkey: victim }],
      ['watch_subnet', { netuid: 'all' }],
      ['get_series', { maxPoints: 1e9 }],
    ],
    // A staker with forged facilitator tokens and absurd amounts.
    staker: [
      ['pause', { token: fakeToken }],
      ['end_game', { token: fakeToken }],
      ['trigger_event', { token: fakeToken, event: { type: 'market_shock', fraction: 0.99 } }],
      ['remove_player', { token: fakeToken, playerId: victim }],
      ['add_bots', { token: fakeToken, role: 'staker', count: 50 }],
      ['set_speed', { token: '', speed: 1e9 }],
      ['stake', { netuid: 1, amount: huge }],
      ['stake', { netuid: 1, amount: '1e400' }],
      ['transfer', { to: victim, amount: '-1000' }],
      ['stake', { netuid: 1, amount: 'NaN' }],
    ],
    // A miner doing a validator's job, with junk shapes.
    miner: [
      ['set_weights', { netuid: 1, uids: [0, 1], weights: [1, 1] }],
      ['set_weights', { netuid: 1, uids: [0], weights: ['NaN'] }],
      ['set_weights', { netuid: 1, uids: nested, weights: nested }],
      ['set_take', { take: 'Infinity' }],
      ['set_effort', { effort: { valueOf: 1 } }],
      ['buy_back', { amount: '0x10' }],
    ],
    // Shapes the protocol does not know at all.
    validator: [
      ['no_such_message', {}],
      ['__proto__', { polluted: true }],
      ['constructor', {}],
      ['x'.repeat(200), {}],
      [7, { netuid: 1 }],
      ['stake', [1, '10']],
      ['stake', 'all of it'],
      ['stake', null],
      ['move_stake', { fromNetuid: 1, toNetuid: 1e300, amount: '1' }],
      ['register_subnet', { name: { toString: 'evil' } }],
      ['stake', nested],
    ],
  };
}

describe('a flood of hostile clients', () => {
  it('leaves the room up, honest players playing, money conserved, and nothing private leaked', async () => {
    const alice = await join(server, fac.room.roomId, { name: 'Alice', role: 'staker' });
    const bob = await join(server, fac.room.roomId, { name: 'Bob', role: 'staker' });
    const hostiles: Joined[] = [];
    for (const role of ['spectator', 'staker', 'miner', 'validator'] as const) {
      for (let i = 0; i < 2; i++) hostiles.push(await join(server, fac.room.roomId, { name: `Eve ${role} ${i}`, role }));
    }
    await until(fac.room, (s) => s.clock.block > 2);
    const startBlock = room.state.clock.block;
    const victim = alice.welcome.playerId!;
    const plan = attacks('f'.repeat(fac.welcome.facilitatorToken!.length), victim);
    const sent = new Map<Joined, number>(hostiles.map((h) => [h, 0]));
    const t0 = Date.now();

    // Oversized frames: each closes its own socket (1009, message too big) and nothing else.
    const oversized: Promise<number>[] = [];
    for (let i = 0; i < 4; i++) {
      const big = await join(server, fac.room.roomId, { name: `Big ${i}`, role: i % 2 ? 'spectator' : 'staker' });
      oversized.push(new Promise<number>((resolve) => big.room.onLeave(resolve)));
      big.room.send('stake', { netuid: 1, amount: '1', hotkey: 'x'.repeat(MAX_PAYLOAD_BYTES + 1000) });
    }

    // Two honest stakers play throughout: each action is acknowledged and moves their wallet.
    let flooding = true;
    const honestPlay = async (j: Joined) => {
      let rounds = 0;
      while (flooding || rounds < 2) {
        const since = j.inbox.mark();
        expect(await act(j, 'stake', { netuid: 1, amount: '2' })).toMatchObject({ ok: true });
        await j.inbox.next('wallet', (w) => w.positions.some((p) => p.netuid === 1), since);
        const before = j.inbox.last('wallet')!;
        const mid = j.inbox.mark();
        expect(await act(j, 'unstake', { netuid: 1, amount: '0.5' })).toMatchObject({ ok: true });
        const after = await j.inbox.next('wallet', (w) => w.balance !== before.balance, mid);
        expect(Number(after.balance)).toBeGreaterThan(Number(before.balance));
        rounds++;
      }
      return rounds;
    };
    const honest = Promise.all([honestPlay(alice), honestPlay(bob)]);

    // Batches with a breath in between, so the honest clients' frames and the ticks interleave.
    let total = 0;
    for (let batch = 0; total < TOTAL; batch++) {
      for (const h of hostiles) {
        const list = plan[h.welcome.role];
        for (let k = 0; k < 10; k++) {
          const [type, payload] = list[(batch * 10 + k) % list.length];
          h.room.send(type as string, payload);
          sent.set(h, sent.get(h)! + 1);
          total++;
        }
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await Promise.all(oversized)).toEqual([1009, 1009, 1009, 1009]);
    total += oversized.length;
    flooding = false;
    const rounds = await honest;
    // Let the last answers to the flood arrive before judging what came back.
    const settled = room.state.clock.block + 2;
    await until(fac.room, (s) => s.clock.block > settled);
    const seconds = (Date.now() - t0) / 1000;

    expect(total).toBeGreaterThanOrEqual(TOTAL);
    expect(rounds.every((r) => r >= 2)).toBe(true);
    // Still up: in the match-maker, ticking, and taking new players.
    expect(server.getRoomById(fac.room.roomId)).toBe(room);
    expect(room.state.clock.block).toBeGreaterThan(startBlock + 10);
    const late = await join(server, fac.room.roomId, { name: 'Late', role: 'staker' });
    expect(await act(late, 'stake', { netuid: 1, amount: '1' })).toMatchObject({ ok: true });

    // Money: nothing created or lost.
    expect(auditConservation(Game.restore(room.snapshot()).chain.state)).toEqual([]);
    // Not one hostile action entered the game.
    const hostileIds = new Set(hostiles.map((h) => h.welcome.playerId).filter((id) => id !== null));
    expect(room.record().log.filter((e) => e.kind === 'act' && hostileIds.has(e.player))).toEqual([]);

    // Nothing private reached a hostile client: only its own wallet and observations, no one's secrets.
    const everyone = [fac, alice, bob, late, ...hostiles];
    for (const h of hostiles) {
      const secrets = everyone.filter((j) => j !== h).map((j) => j.welcome.playerToken);
      secrets.push(fac.welcome.facilitatorToken!);
      for (const m of h.inbox.messages) {
        expect(PUBLIC_TYPES.has(m.type), `${h.welcome.name} got "${m.type}"`).toBe(true);
        const text = JSON.stringify(m.payload);
        for (const s of secrets) expect(text.includes(s), `${h.welcome.name} got a secret in "${m.type}"`).toBe(false);
        if (m.type === 'welcome') expect(m.payload.facilitatorToken).toBeUndefined();
        if (m.type === 'wallet') expect(m.payload.playerId).toBe(h.welcome.playerId);
        if (m.type === 'observations') expect(h.welcome.role).toBe('validator');
      }
      // The checks above saw real traffic: its own wallet, and refusals in the attacker's role.
      if (h.welcome.playerId) expect(h.inbox.all('wallet').length).toBeGreaterThan(0);
      const errors = h.inbox.all('error');
      const expected = { spectator: 'SPECTATOR', staker: 'NOT_FACILITATOR', miner: 'INVALID_PAYLOAD', validator: 'UNKNOWN_MESSAGE' }[h.welcome.role as string];
      expect(errors.map((e) => e.code)).toContain(expected);
      // What the limiter dropped got at most a warning a second; the rest got one answer each.
      const warnings = errors.filter((e) => e.code === 'TOO_MANY_MESSAGES').length;
      const answered = h.inbox.messages.filter((m) => m.type === 'series' || (m.type === 'error' && m.payload.code !== 'TOO_MANY_MESSAGES')).length;
      expect(warnings).toBeGreaterThan(0);
      expect(warnings).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
      expect(answered).toBeLessThanOrEqual(MESSAGE_BURST + MESSAGES_PER_SECOND * seconds + 1);
      expect(answered + warnings).toBeLessThan(sent.get(h)!);
    }
    // The shared state carries no secret either.
    const state = JSON.stringify(fac.room.state.toJSON());
    for (const j of everyone) expect(state.includes(j.welcome.playerToken)).toBe(false);
    expect(state.includes(fac.welcome.facilitatorToken!)).toBe(false);
  }, 90_000);
});
