// What a player is told over the wire beyond the bare action: the numbers behind a refusal.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Joined } from './harness.ts';
import { create, FAST, join, serverForFile, until } from './harness.ts';

const { server } = await serverForFile();
let code: string;
let fac: Joined;

beforeAll(async () => {
  fac = await create(server, { preset: 'workshop', seed: 'feedback', overrides: FAST, name: 'Fac' });
  code = fac.room.roomId;
});

describe('a refusal carries its numbers', () => {
  it('a stake beyond the free balance says what the player has and what it needs', async () => {
    const s = await join(server, code, { name: 'Sam', role: 'staker' });
    await until(s.room, (st) => st.players.has(s.welcome.playerId!) && st.clock.block > 0);
    const since = s.inbox.mark();
    s.room.send('stake', { netuid: 1, amount: '5000', ref: 'big' });
    const e = await s.inbox.next('error', (x) => x.ref === 'big', since);
    expect(e).toMatchObject({ code: 'INSUFFICIENT_BALANCE', facts: { unit: 'tao', have: '200', need: '5000' } });
  });
});

describe('what a player needs to read their own game', () => {
  it('a wallet splits its change into income, price gains and locks & bills, and says whether a UID holds a permit', async () => {
    const v = await join(server, code, { name: 'Vera', role: 'validator' });
    const w = await v.inbox.next('wallet', (x) => x.neurons.length > 0);
    // The UID's burn is the validator's business cost: the three parts add up to the change.
    expect(Number(w.business)).toBeLessThan(0);
    expect(Number(w.emissionIncome) + Number(w.priceGains) + Number(w.business)).toBeCloseTo(Number(w.change), 6);
    expect(typeof w.neurons[0].permit).toBe('boolean');
  });

  it('a subnet detail gives each hotkey its take, so a staker can choose a validator', async () => {
    const s = await join(server, code, { name: 'Stan', role: 'staker' });
    s.room.send('watch_subnet', { netuid: 1 });
    const d = await s.inbox.next('subnet_detail', (x) => x.netuid === 1);
    expect(d.neurons.filter((n) => n.validatorPermit).every((n) => n.take >= 0 && n.take <= 0.18)).toBe(true);
  });

  it('the synced state says when the next subnet may register', async () => {
    await until(fac.room, (st) => st.subnetOpensAt > 0);
    expect(fac.room.state.subnetOpensAt).toBeGreaterThan(0);
  });
});
