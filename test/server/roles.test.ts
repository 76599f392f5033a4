import { beforeAll, describe, expect, it } from 'vitest';
import { runBot } from '../../server/cli/bot.ts';
import type { Joined } from './harness.ts';
import { act, create, join, serverForFile, until } from './harness.ts';

// Fast blocks, no chain-wide rate limit on subnet registration, and quick weight setting, so each
// role's actions can be shown within a few seconds of real time.
// Owners get enough for a second lock (the workshop's doubles from 6,000 τ): the test registers two subnets.
const overrides = { blocksPerSecond: 40, chain: { networkRateLimit: 0, weightsSetRateLimit: 1 }, kits: { owner: { tao: '40000' } } };

const { server, port: PORT } = await serverForFile();
let fac: Joined;
let code: string;

beforeAll(async () => {
  fac = await create(server, { preset: 'workshop', seed: 'roles', overrides, name: 'Fac' });
  code = fac.room.roomId;
});

const num = (s: string | undefined) => Number(s ?? NaN);

describe('each role joins and acts, and sees the effect in synced state', () => {
  it('the join code is 6 characters without look-alikes, and the creator gets a facilitator token', () => {
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(fac.welcome.facilitatorToken).toMatch(/^[\w-]{20,}$/);
    expect(fac.welcome.playerId).toBeNull();
  });

  it('staker: stake, unstake, move stake, transfer', async () => {
    const s = await join(server, code, { name: 'Sam', role: 'staker' });
    expect(s.welcome).toMatchObject({ code, role: 'staker', name: 'Sam' });
    expect(s.welcome.facilitatorToken).toBeUndefined();
    await until(s.room, (st) => st.players.has(s.welcome.playerId!));

    const poolBefore = num(s.room.state.subnets.get('1')!.taoIn);
    expect(await act(s, 'stake', { netuid: 1, amount: '100' })).toMatchObject({ ok: true });
    const staked = await s.inbox.next('wallet', (w) => w.positions.some((p) => p.netuid === 1));
    expect(num(staked.balance)).toBeCloseTo(100, 6);
    const alpha = staked.positions.find((p) => p.netuid === 1)!;
    expect(num(alpha.value)).toBeGreaterThan(90);
    await until(s.room, (st) => num(st.subnets.get('1')!.taoIn) >= poolBefore + 99);

    expect(await act(s, 'move_stake', { fromNetuid: 1, toNetuid: 2, amount: (num(alpha.alpha) / 2).toFixed(9) })).toMatchObject({ ok: true });
    await s.inbox.next('wallet', (w) => w.positions.some((p) => p.netuid === 2));

    const before = s.inbox.last('wallet')!;
    const on2 = before.positions.find((p) => p.netuid === 2)!;
    expect(await act(s, 'unstake', { netuid: 2, amount: on2.alpha, hotkey: on2.hotkey })).toMatchObject({ ok: true });
    const after = await s.inbox.next('wallet', (w) => !w.positions.some((p) => p.netuid === 2));
    expect(num(after.balance)).toBeGreaterThan(num(before.balance));

    // Sam's kit stays with his seat: only gains can be given (kits.test.ts has a transfer of gains).
    expect(await act(s, 'transfer', { to: 'bot-1', amount: '150' })).toMatchObject({ ok: false, code: 'KIT_NOT_TRANSFERABLE' });
    expect(await act(s, 'stake', { netuid: 1, amount: '999999' })).toMatchObject({ ok: false, code: 'INSUFFICIENT_BALANCE' });
  });

  it('owner: the kit registers a subnet; register another, name it, buy back', async () => {
    const o = await join(server, code, { name: 'Olga', role: 'owner' });
    const id = o.welcome.playerId!;
    await until(o.room, (st) => [...st.subnets.values()].some((sn) => sn.ownerId === id));
    const own = [...o.room.state.subnets.values()].find((sn) => sn.ownerId === id)!;

    expect(await act(o, 'name_subnet', { name: 'Olgas Oracle', product: 'price feeds' })).toMatchObject({ ok: true });
    await until(o.room, (st) => st.subnets.get(String(own.netuid))!.name === 'Olgas Oracle');
    expect([...o.room.state.events.values()].some((e) => e.kind === 'subnet_named')).toBe(true);

    const pool = num(o.room.state.subnets.get(String(own.netuid))!.taoIn);
    expect(await act(o, 'buy_back', { amount: '50' })).toMatchObject({ ok: true });
    await until(o.room, (st) => num(st.subnets.get(String(own.netuid))!.taoIn) >= pool + 49);

    const count = o.room.state.subnets.size;
    expect(await act(o, 'register_subnet', { name: 'Second' })).toMatchObject({ ok: true });
    await until(o.room, (st) => st.subnets.size === count + 1 || [...st.subnets.values()].filter((sn) => sn.ownerId === id).length === 2);
    const w = await o.inbox.next('wallet', (x) => x.subnets.length === 2);
    expect(w.subnets).toContain(own.netuid);
  });

  it('miner: the kit registers a UID; set effort, register in another subnet', async () => {
    const m = await join(server, code, { name: 'Mia', role: 'miner' });
    const first = await m.inbox.next('wallet', (w) => w.neurons.length > 0);
    const home = first.neurons[0].netuid;
    expect(await act(m, 'set_effort', { effort: 0.9 })).toMatchObject({ ok: true });
    await m.inbox.next('wallet', (w) => w.neurons[0]?.effort === 0.9);

    const other = [...m.room.state.subnets.values()].find((sn) => sn.netuid !== home)!;
    const neurons = other.neurons;
    expect(await act(m, 'register_neuron', { netuid: other.netuid })).toMatchObject({ ok: true });
    await until(m.room, (st) => st.subnets.get(String(other.netuid))!.neurons >= neurons + 1 || st.subnets.get(String(other.netuid))!.neurons === neurons);
    await m.inbox.next('wallet', (w) => w.neurons.some((n) => n.netuid === other.netuid));
    expect(await act(m, 'set_weights', { netuid: home, uids: [0], weights: [1] })).toMatchObject({ ok: false });
  });

  it('validator: observations arrive, set weights from them, set take', async () => {
    const v = await join(server, code, { name: 'Vic', role: 'validator' });
    const obs = await v.inbox.next('observations', (o) => o.subnets[0]?.uids.length > 0);
    const seen = obs.subnets[0];
    // Weights need a validator permit, which the self-stake earns at the subnet's next epoch.
    let r = await act(v, 'set_weights', { netuid: seen.netuid, uids: seen.uids, weights: seen.quality.map((q) => Math.max(0, q)) });
    while (!r.ok) {
      expect(['NOT_A_VALIDATOR', 'RATE_LIMITED']).toContain(r.code);
      await until(v.room, (st) => st.clock.block % 5 === 0);
      r = await act(v, 'set_weights', { netuid: seen.netuid, uids: seen.uids, weights: seen.quality.map((q) => Math.max(0, q)) });
    }
    expect(r.ok).toBe(true);
    expect(await act(v, 'set_take', { take: 0.1 })).toMatchObject({ ok: true });
    const w = await v.inbox.next('wallet', (x) => Math.abs(x.take - 0.1) < 1e-4);
    expect(w.take).toBeCloseTo(0.1, 4);
  });

  it('everyone: the leaderboard lists people with ranks; watch_subnet sends that neuron table', async () => {
    const p = await join(server, code, { name: 'Pat', role: 'staker' });
    await until(p.room, (st) => [...st.players.values()].some((x) => x.name === 'Vic'));
    const rows = [...p.room.state.players.values()];
    expect(rows.map((r) => r.rank).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
    p.room.send('watch_subnet', { netuid: 2 });
    const d = await p.inbox.next('subnet_detail', (x) => x.netuid === 2);
    expect(d.neurons.length).toBe(p.room.state.subnets.get('2')!.neurons);
    expect(d.neurons[0]).toMatchObject({ uid: 0 });
    p.room.send('get_series', { maxPoints: 20 });
    const series = await p.inbox.next('series');
    expect(series.block.length).toBeGreaterThan(1);
    expect(series.block.length).toBeLessThanOrEqual(20);
    expect(series.subnets['1'].price.length).toBe(series.block.length);
  });

  it('the example bot joins over the network, plays, and shows as a bot', async () => {
    const lines: string[] = [];
    const room = await runBot({ url: `ws://localhost:${PORT}`, code, role: 'staker', name: 'Flowy', every: 5 }, (l) => lines.push(l));
    await until(room, (st) => [...st.players.values()].some((x) => x.name === 'Flowy' && x.bot));
    await until(room, () => lines.some((l) => l.includes('stake applied')));
    await room.leave();
  });
});
