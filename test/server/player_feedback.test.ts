// What a player is told over the wire beyond the bare action: the numbers behind a refusal.
import { freePort } from '../support/server_process.ts';
import type { ColyseusTestServer } from '@colyseus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Joined } from './harness.ts';
import { create, FAST, join, startServer, until } from './harness.ts';

const PORT = await freePort();
let server: ColyseusTestServer;
let code: string;
let fac: Joined;

beforeAll(async () => {
  server = await startServer(PORT);
  fac = await create(server, { preset: 'workshop', seed: 'feedback', overrides: FAST, name: 'Fac' });
  code = fac.room.roomId;
});
afterAll(async () => {
  await server.shutdown();
});

describe('a refusal carries its numbers', () => {
  it('a stake beyond the free balance says what the player has and what it needs', async () => {
    const s = await join(server, code, { name: 'Sam', role: 'staker' });
    await until(s.room, (st) => st.players.has(s.welcome.playerId!) && st.clock.block > 0);
    const since = s.inbox.mark();
    s.room.send('stake', { netuid: 1, amount: '5000', ref: 'big' });
    const e = await s.inbox.next('error', (x) => x.ref === 'big', since);
    expect(e).toMatchObject({ code: 'INSUFFICIENT_BALANCE', facts: { unit: 'tao', have: '1000', need: '5000' } });
  });
});
