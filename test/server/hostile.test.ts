import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArenaRoom } from '../../server/arena_room.ts';
import { auditConservation } from '../../shared/engine/index.ts';
import { Game } from '../../shared/game/index.ts';
import { CLIENT_MESSAGE_TYPES, parseClientMessage } from '../../shared/protocol/index.ts';
import type { Joined } from './harness.ts';
import { act, create, join, serverForFile, until } from './harness.ts';

const { server } = await serverForFile();
let fac: Joined;
let honest: Joined;
let attackers: Joined[];
let room: ArenaRoom;

beforeAll(async () => {
  fac = await create(server, { preset: 'workshop', seed: 'hostile', overrides: { blocksPerSecond: 40 }, name: 'Fac' });
  room = server.getRoomById(fac.room.roomId) as ArenaRoom;
  honest = await join(server, fac.room.roomId, { name: 'Honest', role: 'staker' });
  // Several attacker connections, each with its own rate limit, so the test need not wait long.
  attackers = [];
  for (const role of ['staker', 'validator', 'miner'] as const) attackers.push(await join(server, fac.room.roomId, { name: `Eve ${role}`, role }));
  await until(fac.room, (s) => s.players.size >= 12);
  expect(await act(fac, 'pause', { token: fac.welcome.facilitatorToken })).toMatchObject({ ok: true });
});

/** Paced so the per-client rate limit (20/s) does not answer instead of the validator. */
const pace = () => new Promise((r) => setTimeout(r, 55));
let turn = 0;
async function send(type: string, payload: unknown): Promise<{ ok: boolean; code?: string }> {
  const a = attackers[turn++ % attackers.length];
  await pace();
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) return act(a, type, payload as Record<string, unknown>);
  // A payload that is not an object cannot carry a ref: the next error for that type is the answer.
  const since = a.inbox.mark();
  a.room.send(type, payload);
  const e = await a.inbox.next('error', (x) => x.action === type.slice(0, 32), since);
  return { ok: false, code: e.code };
}

const snapshotText = () => JSON.stringify(room.snapshot());
const attackerIds = () => new Set(attackers.map((a) => a.welcome.playerId));

describe('bad input gets a typed error and changes nothing', () => {
  const huge = '9'.repeat(30);
  const table: [string, unknown, string][] = [
    ['no_such_message', {}, 'UNKNOWN_MESSAGE'],
    ['__proto__', {}, 'UNKNOWN_MESSAGE'],
    ['stake', {}, 'INVALID_PAYLOAD'],
    ['stake', 'stake everything', 'INVALID_PAYLOAD'],
    ['stake', [1, '10'], 'INVALID_PAYLOAD'],
    ['stake', null, 'INVALID_PAYLOAD'],
    ['stake', { netuid: 1, amount: 10 }, 'INVALID_AMOUNT'],
    ['stake', { netuid: 1, amount: '-10' }, 'INVALID_AMOUNT'],
    ['stake', { netuid: 1, amount: '0' }, 'INVALID_AMOUNT'],
    ['stake', { netuid: 1, amount: 'NaN' }, 'INVALID_AMOUNT'],
    ['stake', { netuid: 1, amount: '1e6' }, 'INVALID_AMOUNT'],
    ['stake', { netuid: 1, amount: '0.0000000001' }, 'INVALID_AMOUNT'],
    ['stake', { netuid: 1, amount: huge }, 'INVALID_AMOUNT'],
    ['stake', { netuid: 1, amount: '21000001' }, 'INVALID_AMOUNT'],
    ['stake', { netuid: NaN, amount: '1' }, 'INVALID_PAYLOAD'],
    ['stake', { netuid: -1, amount: '1' }, 'INVALID_PAYLOAD'],
    ['stake', { netuid: 1.5, amount: '1' }, 'INVALID_PAYLOAD'],
    ['stake', { netuid: 1e300, amount: '1' }, 'INVALID_PAYLOAD'],
    ['stake', { netuid: '1', amount: '1' }, 'INVALID_PAYLOAD'],
    ['stake', { netuid: 1, amount: '1', amout: '1' }, 'INVALID_PAYLOAD'],
    ['stake', { netuid: 1, amount: '1', hotkey: 'h'.repeat(5000) }, 'INVALID_PAYLOAD'],
    ['stake', { netuid: 1, amount: '1', limitPrice: -1 }, 'INVALID_PAYLOAD'],
    ['stake', JSON.parse('{"netuid":1,"amount":"1","__proto__":{"admin":true}}'), 'INVALID_PAYLOAD'],
    ['move_stake', { fromNetuid: 1, toNetuid: 2 }, 'INVALID_PAYLOAD'],
    ['set_weights', { netuid: 1, uids: [0, 1], weights: [1] }, 'INVALID_PAYLOAD'],
    ['set_weights', { netuid: 1, uids: [0, 0], weights: [1, 1] }, 'INVALID_PAYLOAD'],
    ['set_weights', { netuid: 1, uids: [0], weights: [-1] }, 'INVALID_PAYLOAD'],
    ['set_weights', { netuid: 1, uids: [0], weights: [Infinity] }, 'INVALID_PAYLOAD'],
    ['set_weights', { netuid: 1, uids: new Array(2000).fill(0).map((_, i) => i), weights: new Array(2000).fill(1) }, 'INVALID_PAYLOAD'],
    ['set_take', { take: 2 }, 'INVALID_PAYLOAD'],
    ['set_effort', { effort: -0.1 }, 'INVALID_PAYLOAD'],
    ['register_subnet', { name: '\u0000\u0007evil' }, 'INVALID_PAYLOAD'],
    ['name_subnet', { name: '' }, 'INVALID_PAYLOAD'],
    ['watch_subnet', { netuid: 'all' }, 'INVALID_PAYLOAD'],
    ['pause', {}, 'INVALID_PAYLOAD'],
    ['resume', { token: 'x'.repeat(64) }, 'NOT_FACILITATOR'],
    ['trigger_event', { token: 'x', event: { type: 'halving_now', extra: 1 } }, 'INVALID_PAYLOAD'],
  ];

  // Refused by the game, not the wire: these are answered at the next block boundary.
  const refusedByGame: [string, Record<string, unknown>, string][] = [
    ['stake', { netuid: 77, amount: '1' }, 'SUBNET_NOT_FOUND'],
    ['stake', { netuid: 1, amount: '100000' }, 'INSUFFICIENT_BALANCE'],
    ['unstake', { netuid: 1, amount: '5' }, 'INSUFFICIENT_STAKE'],
    ['buy_back', { amount: '5' }, 'NOT_SUBNET_OWNER'],
    ['transfer', { to: 'p999', amount: '1' }, 'UNKNOWN_PLAYER'],
    ['set_weights', { netuid: 2, uids: [0], weights: [1] }, 'UNKNOWN_HOTKEY'],
  ];

  it('a table of malformed and out-of-range messages (answered at once, even paused)', async () => {
    const before = snapshotText();
    for (const [type, payload, code] of table) {
      const r = await send(type, payload);
      expect({ type, payload: JSON.stringify(payload)?.slice(0, 80), ...r }).toMatchObject({ ok: false, code });
    }
    expect(snapshotText()).toBe(before);
  });

  it('a table of actions the game refuses: answered at the next block with the chain\'s code', async () => {
    const before = snapshotText();
    const pending = refusedByGame.map(([type, payload]) => act(attackers[0], type, payload));
    // Paused: nothing is answered or changed until the next block.
    await room.waitForNextSimulationTick();
    expect(snapshotText()).toBe(before);
    expect(await act(fac, 'resume', { token: fac.welcome.facilitatorToken })).toMatchObject({ ok: true });
    const answers = await Promise.all(pending);
    answers.forEach((r, i) => expect({ type: refusedByGame[i][0], ...r }).toMatchObject({ ok: false, code: refusedByGame[i][2] }));
    expect(await act(fac, 'pause', { token: fac.welcome.facilitatorToken })).toMatchObject({ ok: true });
  });

  it('a fuzz loop of random JSON under every message type', async () => {
    const before = snapshotText();
    const types = fc.oneof(fc.constantFrom(...CLIENT_MESSAGE_TYPES), fc.string({ maxLength: 40 }));
    const payloads = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('netuid', 'amount', 'hotkey', 'uids', 'weights', 'take', 'effort', 'token', 'event', 'to', 'name'), fc.oneof(fc.jsonValue(), fc.double(), fc.constant(NaN), fc.string({ maxLength: 2000 }))),
    );
    const samples = fc.sample(fc.tuple(types, payloads), { numRuns: 120, seed: 4242 });
    let sent = 0;
    for (const [type, payload] of samples) {
      // Messages the protocol accepts are not "bad input"; the rest must all be refused.
      if (parseClientMessage(type, payload).ok || type === '') continue;
      const r = await send(type, payload);
      expect(r.ok).toBe(false);
      sent++;
    }
    expect(sent).toBeGreaterThan(80);
    expect(snapshotText()).toBe(before);
  });

  it('a flood meets the rate limit, an oversized message closes only its socket, garbage bytes close only theirs', async () => {
    const flooder = await join(server, fac.room.roomId, { name: 'Flood', role: 'spectator' });
    for (let i = 0; i < 300; i++) flooder.room.send('get_series', { maxPoints: 2 });
    const limited = await flooder.inbox.next('error', (e) => e.code === 'TOO_MANY_MESSAGES');
    expect(limited.message).toMatch(/messages a second/);
    // The burst (40) and what refilled while the flood was being read got through; the rest did not.
    expect(flooder.inbox.all('series').length).toBeLessThan(100);

    const big = await join(server, fac.room.roomId, { name: 'Big', role: 'staker' });
    const closed = new Promise<number>((resolve) => big.room.onLeave(resolve));
    big.room.send('stake', { netuid: 1, amount: '1', hotkey: 'x'.repeat(100_000) });
    expect(await closed).toBe(1009);

    const junk = await join(server, fac.room.roomId, { name: 'Junk', role: 'spectator' });
    const junkClosed = new Promise<number>((resolve) => junk.room.onLeave(resolve));
    junk.room.connection.send(new Uint8Array([13, 0xd9, 0xff, 0x01]));
    junk.room.connection.send(new Uint8Array([13, 0xc1, 0xc1, 0xc1, 0xc1]));
    await junkClosed;

    expect(await act(fac, 'resume', { token: fac.welcome.facilitatorToken })).toMatchObject({ ok: true });
    expect(await act(honest, 'stake', { netuid: 1, amount: '10' })).toMatchObject({ ok: true });
    await until(honest.room, (s) => s.clock.block > 20);
  });

  it('after all that: conservation holds, and no attacker action entered the game', () => {
    const game = Game.restore(room.snapshot());
    expect(auditConservation(game.chain.state)).toEqual([]);
    const ids = attackerIds();
    expect(room.record().log.filter((e) => e.kind === 'act' && ids.has(e.player))).toEqual([]);
  });
});
