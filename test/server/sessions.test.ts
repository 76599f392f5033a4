import { Client } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import type { ArenaRoom } from '../../server/arena_room.ts';
import { GameHost } from '../../server/game_host.ts';
import { decode, encode } from '../../shared/game/codec.ts';
import type { GameRecord } from '../../server/record.ts';
import type { ArenaState } from '../../shared/protocol/schema.ts';
import { auditConservation } from '../../shared/engine/index.ts';
import { act, create, Inbox, join, serverForFile, until } from './harness.ts';

const overrides = { blocksPerSecond: 40, chain: { networkRateLimit: 0, weightsSetRateLimit: 1 } };
const { server, port: PORT } = await serverForFile();

/**
 * Exact decimal tokens of a validator's readings, as they would appear in any JSON that leaked them.
 * Only readings with four or more decimals: a short one like 0.37 turns up by chance in public
 * figures (a player's change in τ), which is a coincidence, not a leak.
 */
const tokens = (values: number[]) => values.filter((v) => Math.abs(v) > 1e-3 && (String(v).split('.')[1]?.length ?? 0) >= 4).map((v) => new RegExp(`(^|[^\\d.])${String(v).replace('.', '\\.')}($|[^\\d])`));

describe('privacy', () => {
  it("a validator's observations reach that validator only: never another client's messages or decoded state", async () => {
    const fac = await create(server, { preset: 'workshop', seed: 'privacy', overrides, name: 'Fac', role: 'spectator' });
    const code = fac.room.roomId;
    const a = await join(server, code, { name: 'Ava', role: 'validator' });
    const b = await join(server, code, { name: 'Ben', role: 'validator' });
    const others = [fac, b, await join(server, code, { name: 'Sia', role: 'staker' }), await join(server, code, { name: 'Max', role: 'miner' }), await join(server, code, { name: 'Spec', role: 'spectator' })];
    for (const o of others) o.room.send('watch_subnet', { netuid: 1 });
    for (const o of others) o.room.send('get_series', {});
    // Several refreshes of the readings (every 5 blocks in the workshop).
    const seen = [await a.inbox.next('observations')];
    for (let k = 0; k < 4; k++) seen.push(await a.inbox.next('observations', (o) => o.block > seen.at(-1)!.block));
    await b.inbox.next('observations');
    await until(fac.room, (s) => s.clock.block > seen.at(-1)!.block + 5);

    const secret = tokens(seen.flatMap((o) => o.subnets.flatMap((x) => x.quality)));
    expect(secret.length).toBeGreaterThan(10);
    for (const o of others) {
      const mine = o.inbox.all('observations');
      // Ben receives his own readings, never Ava's.
      if (o === b) expect(mine.length).toBeGreaterThan(0);
      else expect(mine).toEqual([]);
      const heard = JSON.stringify(o.inbox.messages.filter((m) => o !== b || m.type !== 'observations'));
      const state = JSON.stringify(o.room.state.toJSON());
      for (const t of secret) {
        expect(heard).not.toMatch(t);
        expect(state).not.toMatch(t);
      }
      expect(state).not.toMatch(/observ|quality/i);
    }
    // Ben's own readings differ from Ava's (own noise), so matching his would not hide a leak.
    expect(JSON.stringify(b.inbox.all('observations'))).not.toBe(JSON.stringify(seen));
  });

  it("a wallet goes to its owner only", async () => {
    const fac = await create(server, { preset: 'workshop', seed: 'wallets', overrides, name: 'Fac' });
    const p = await join(server, fac.room.roomId, { name: 'Pam', role: 'staker' });
    const q = await join(server, fac.room.roomId, { name: 'Quin', role: 'staker' });
    await p.inbox.next('wallet');
    await q.inbox.next('wallet');
    for (const j of [p, q, fac]) for (const w of j.inbox.all('wallet')) expect(w.playerId).toBe(j.welcome.playerId);
  });
});

describe('reconnection', () => {
  it('a dropped player comes back with client.reconnect and its holdings', async () => {
    const fac = await create(server, { preset: 'workshop', seed: 'drop', overrides, name: 'Fac' });
    const p = await join(server, fac.room.roomId, { name: 'Dot', role: 'staker' });
    const id = p.welcome.playerId!;
    expect(await act(p, 'stake', { netuid: 1, amount: '100' })).toMatchObject({ ok: true });
    const before = await p.inbox.next('wallet', (w) => w.positions.length === 1);
    const token = p.room.reconnectionToken;
    // An abnormal close (network drop), not a leave.
    p.room.connection.close(4010, 'network drop'); // 4000 would mean a consented leave
    await until(fac.room, (s) => s.players.get(id)?.connected === false);

    const back = await new Client(`ws://localhost:${PORT}`).reconnect<ArenaState>(token);
    const inbox = new Inbox(back);
    const wallet = await inbox.next('wallet');
    expect(wallet.playerId).toBe(id);
    // Same positions; an epoch while away may only have added dividends to them.
    expect(wallet.positions.map((x) => [x.netuid, x.hotkey])).toEqual(before.positions.map((x) => [x.netuid, x.hotkey]));
    wallet.positions.forEach((x, i) => expect(Number(x.alpha)).toBeGreaterThanOrEqual(Number(before.positions[i].alpha)));
    expect(wallet.balance).toBe(before.balance);
    await until(fac.room, (s) => s.players.get(id)?.connected === true);
    const again = await act({ room: back, inbox, welcome: p.welcome }, 'stake', { netuid: 2, amount: '10' });
    expect(again).toMatchObject({ ok: true });
  });

  it('after a refresh, joinById with the player token is the same player; a leaver keeps its wallet', async () => {
    const fac = await create(server, { preset: 'workshop', seed: 'refresh', overrides, name: 'Fac' });
    const code = fac.room.roomId;
    const p = await join(server, code, { name: 'Ray', role: 'miner' });
    const id = p.welcome.playerId!;
    const wallet = await p.inbox.next('wallet', (w) => w.neurons.length > 0);
    await p.room.leave(true);
    await until(fac.room, (s) => s.players.get(id)?.connected === false);
    expect(fac.room.state.players.get(id)!.removed).toBe(false);

    const again = await join(server, code, { playerToken: p.welcome.playerToken });
    expect(again.welcome).toMatchObject({ playerId: id, role: 'miner', name: 'Ray', playerToken: p.welcome.playerToken });
    const w = await again.inbox.next('wallet');
    expect(w.neurons).toEqual(wallet.neurons);
    await until(fac.room, (s) => s.players.get(id)?.connected === true);
    expect([...fac.room.state.players.values()].filter((x) => x.name === 'Ray').length).toBe(1);
  });
});

describe('replay', () => {
  it('a game replayed from its record (scenario, seed, accepted log) ends in the same snapshot', async () => {
    const fac = await create(server, { preset: 'workshop', seed: 'replay', overrides, name: 'Fac' });
    const code = fac.room.roomId;
    const token = fac.welcome.facilitatorToken;
    const s = await join(server, code, { name: 'Stan', role: 'staker' });
    const o = await join(server, code, { name: 'Oona', role: 'owner' });
    const m = await join(server, code, { name: 'Milo', role: 'miner', bot: true });
    const v = await join(server, code, { name: 'Vera', role: 'validator' });
    const plays: Promise<unknown>[] = [
      act(s, 'stake', { netuid: 1, amount: '120.5' }),
      act(s, 'stake', { netuid: 2, amount: '33.000000001' }),
      act(o, 'name_subnet', { name: 'Oonanet' }),
      act(o, 'buy_back', { amount: '40' }),
      act(m, 'set_effort', { effort: 0.8 }),
      act(v, 'set_take', { take: 0.05 }),
      act(s, 'stake', { netuid: 1, amount: '99999' }), // refused: not in the log
    ];
    await Promise.all(plays);
    await act(fac, 'trigger_event', { token, event: { type: 'market_shock', fraction: 0.3 } });
    await act(fac, 'add_bots', { token, role: 'staker', count: 1, strategy: 'momentum' });
    const w = await s.inbox.next('wallet', (x) => x.positions.length === 2);
    await act(s, 'unstake', { netuid: 1, amount: w.positions.find((p) => p.netuid === 1)!.alpha });
    await act(s, 'move_stake', { fromNetuid: 2, toNetuid: 3, amount: '1' });
    await act(fac, 'remove_player', { token, playerId: m.welcome.playerId });
    await v.room.leave(true);
    await join(server, code, { playerToken: v.welcome.playerToken });
    await until(fac.room, (st) => st.clock.block > 60);
    await act(fac, 'pause', { token });

    const room = server.getRoomById(code) as ArenaRoom;
    const live = JSON.stringify(room.snapshot());
    // Through JSON as the store keeps it (amounts as {"$rao": "digits"}).
    const record = decode(JSON.parse(JSON.stringify(encode(room.record())))) as GameRecord;
    expect(record.log.some((e) => e.kind === 'act')).toBe(true);
    expect(record.log.some((e) => e.kind === 'leave') && record.log.some((e) => e.kind === 'rejoin')).toBe(true);
    const replayed = GameHost.replay(record);
    expect(replayed.block).toBe(room.state.clock.block);
    expect(JSON.stringify(replayed.game.snapshot())).toBe(live);
    expect(auditConservation(replayed.chain.state)).toEqual([]);

    // Replay to an earlier block (what a fork or a replay room starts from) stops there.
    expect(GameHost.replay(record, 30).block).toBe(30);

    // Resume from a snapshot taken part way (after the first half of the log) plus the rest of the log.
    const seq = Math.floor(record.log.length / 2);
    const part = GameHost.replay({ ...record, log: record.log.slice(0, seq), block: record.log[seq].block });
    const resumed = GameHost.resume(record, { seq, snapshot: JSON.parse(JSON.stringify(part.game.snapshot())) });
    expect(JSON.stringify(resumed.game.snapshot())).toBe(live);
    expect(resumed.record().log).toEqual(record.log);
  });
});
