// The practice round: the facilitator's `start_real_game` puts the same room, people and seats into
// a new game from block 0 with every kit restored, over real sockets.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Joined } from './harness.ts';
import { act, create, join, serverForFile, until } from './harness.ts';

const { server } = await serverForFile();

const control = (j: Joined, type: string, payload: Record<string, unknown> = {}) => act(j, type, { token: j.welcome.facilitatorToken, ...payload });
const KIT = { staker: '200' };

describe('practice round', () => {
  let fac: Joined;
  let ada: Joined;
  let bob: Joined;
  let code: string;

  beforeAll(async () => {
    fac = await create(server, { preset: 'workshop', seed: 11, overrides: { blocksPerSecond: 40 }, name: 'Fac', practice: true });
    code = fac.room.roomId;
    ada = await join(server, code, { name: 'Ada', role: 'staker' });
    bob = await join(server, code, { name: 'Bob', role: 'validator' });
  });

  it('players act in the practice, then the real game starts from block 0 with their kits and seats', async () => {
    // Every screen can say it is the practice.
    await until(ada.room, (s) => s.clock.practice);
    expect(await act(ada, 'stake', { netuid: 1, amount: '120' })).toMatchObject({ ok: true });
    await until(fac.room, (s) => s.clock.block > 60);
    const ada0 = ada.inbox.last('wallet')!;
    expect(ada0.balance).not.toBe(KIT.staker);
    const practiceBoard = [...fac.room.state.players.values()].map((p) => `${p.id}:${p.name}:${p.role}:${p.bot}`).sort();

    const mark = ada.inbox.mark();
    const practiceBlock = fac.room.state.clock.block;
    expect(await control(fac, 'start_real_game')).toMatchObject({ ok: true });
    // Every screen hears it, and the clock went back.
    expect((await ada.inbox.next('announcement', () => true, mark)).text).toMatch(/real game/);
    await until(ada.room, (s) => s.clock.block < practiceBlock && s.clock.phase === 'running' && !s.clock.practice);
    expect(ada.room.state.clock.block).toBeLessThan(30);

    // Kits restored: the staker holds its 1,000 TAO again and no position; the validator its kit again.
    const wallet = await ada.inbox.next('wallet', (w) => w.balance === KIT.staker, mark);
    expect(wallet.positions).toEqual([]);
    const bobWallet = await bob.inbox.next('wallet', () => true, mark);
    expect(bobWallet.neurons.length).toBe(1);

    // The same people (same ids, names, roles) and the scenario's bots on the board; the practice's feed is gone.
    await until(fac.room, (s) => [...s.players.values()].map((p) => `${p.id}:${p.name}:${p.role}:${p.bot}`).sort().join() === practiceBoard.join());
    expect(ada.room.state.players.get(ada.welcome.playerId!)!.netWorth).toBe(KIT.staker);
    expect([...fac.room.state.events].every((e) => e.block <= fac.room.state.clock.block)).toBe(true);

    // Their sockets still act for their seats in the real game.
    expect(await act(ada, 'stake', { netuid: 2, amount: '10' })).toMatchObject({ ok: true });
  });

  it('a seat\'s token still opens it, the same player id, in the real game', async () => {
    const again = await join(server, code, { playerToken: ada.welcome.playerToken });
    expect(again.welcome.playerId).toBe(ada.welcome.playerId);
    expect(again.welcome.name).toBe('Ada');
    expect(again.welcome.role).toBe('staker');
    const w = await again.inbox.next('wallet');
    expect(w.positions.map((p) => p.netuid)).toEqual([2]);
    await again.room.leave();
  });

  it('is the facilitator\'s alone', async () => {
    expect(await act(bob, 'start_real_game', { token: 'guess' })).toMatchObject({ ok: false, code: 'NOT_FACILITATOR' });
  });
});
