import Decimal from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArenaRoom } from '../../server/arena_room.ts';
import { clashingName, nameKey } from '../../server/names.ts';
import type { Joined } from './harness.ts';
import { act, create, FAST, join, serverForFile } from './harness.ts';

// One funded seat per person: the free-TAO attack of issue 11 (join, transfer the kit to a main
// account, leave, again), over real sockets, and the rules that stop it paying.
const { server } = await serverForFile();
let fac: Joined;
let code = '';

beforeAll(async () => {
  fac = await create(server, { preset: 'workshop', seed: 'kits', overrides: FAST, name: 'Fac' });
  code = fac.room.roomId;
});

const tao = (s: string) => new Decimal(s);

describe('a starting kit stays with its seat', () => {
  it('join, transfer the kit to a main account, leave, again: refused every time, the main account gains nothing', async () => {
    const main = await join(server, code, { name: 'Main', role: 'staker' });
    const opening = await main.inbox.next('wallet');
    for (let i = 0; i < 6; i++) {
      const throwaway = await join(server, code, { name: `Throwaway ${i}`, role: 'staker' });
      const given = await act(throwaway, 'transfer', { to: main.welcome.playerId!, amount: '999' });
      expect(given).toMatchObject({ ok: false, code: 'KIT_NOT_TRANSFERABLE' });
      expect(given.ok ? '' : given.message).toMatch(/your starting kit stays with your seat/);
      await throwaway.room.leave();
    }
    // A fresh wallet after one more block: the balance is the kit's, to the rao.
    const later = await main.inbox.next('wallet', (w) => w.block > opening.block + 2);
    expect(later.balance).toBe(opening.balance);
    const room = server.getRoomById(code) as ArenaRoom;
    expect(room.record().log.filter((e) => e.kind === 'act' && e.action.type === 'transfer')).toEqual([]);
    await main.room.leave();
  });

  it('what a player has gained can be given; more than that cannot', async () => {
    const cleo = await join(server, code, { name: 'Cleo', role: 'staker' });
    const target = await join(server, code, { name: 'Tess', role: 'staker' });
    expect(await act(cleo, 'stake', { netuid: 1, amount: '150' })).toMatchObject({ ok: true });
    // Outside money floods into subnet 1: Cleo's alpha is worth more than she paid.
    fac.room.send('trigger_event', { token: fac.welcome.facilitatorToken, event: { type: 'inflow_surge', netuid: 1, tao: '20000', blocks: 1 } });
    const up = await cleo.inbox.next('wallet', (w) => tao(w.change).gt(5));
    expect(await act(cleo, 'transfer', { to: target.welcome.playerId!, amount: '1' })).toMatchObject({ ok: true });
    expect(await act(cleo, 'transfer', { to: target.welcome.playerId!, amount: tao(up.change).plus(100).toFixed(9) })).toMatchObject({ ok: false, code: 'KIT_NOT_TRANSFERABLE' });
    const got = await target.inbox.next('wallet', (w) => tao(w.balance).gt(tao('200')));
    expect(tao(got.balance).minus(200).toNumber()).toBeCloseTo(1, 9);
    await Promise.all([cleo.room.leave(), target.room.leave()]);
  });

  it('a player who comes back with its token gets its own seat back, whatever role it asks for', async () => {
    const first = await join(server, code, { name: 'Rhea', role: 'staker' });
    await first.room.leave();
    const again = await join(server, code, { name: 'Rhea', role: 'validator', playerToken: first.welcome.playerToken });
    expect(again.welcome).toMatchObject({ playerId: first.welcome.playerId, role: 'staker' });
    await again.room.leave();
  });
});

describe('names in a game', () => {
  it('a name that reads the same as a player’s is refused; joins without a name get a free one', async () => {
    const ann = await join(server, code, { name: 'Ann Lee', role: 'staker' });
    for (const lookalike of ['ann lee', 'ANN-LEE', 'Ánn Lee', 'Аnn Lee', 'Ann_Lee', 'Ann Lее']) {
      await expect(join(server, code, { name: lookalike, role: 'staker' }), lookalike).rejects.toThrow(/^NAME_TAKEN: ".*" reads the same as "Ann Lee"/);
    }
    const a = await join(server, code, { role: 'staker' });
    const b = await join(server, code, { role: 'staker' });
    expect([a.welcome.name, b.welcome.name]).toEqual(['Player', 'Player 2']);
    await Promise.all([ann, a, b].map((j) => j.room.leave()));
  });

  it('folds compatibility forms, case, accents, separators and lookalike letters', () => {
    expect(nameKey('Ｒｏｓｅ')).toBe(nameKey('rose'));
    expect(nameKey('Zoë')).toBe(nameKey('zoe'));
    expect(nameKey('paypal')).toBe(nameKey('PAYPA1'));
    expect(nameKey('modern')).toBe(nameKey('modem'));
    expect(clashingName('Bob', ['Rob', 'Bobby'])).toBeNull();
    expect(clashingName('B.o.b', ['Rob', 'bob'])).toBe('bob');
  });
});
