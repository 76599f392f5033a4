import { describe, expect, it } from 'vitest';
import type { SubnetDeltaView, SubnetDetailView } from '../../shared/protocol/index.ts';
import { applySubnetDelta } from '../../shared/protocol/index.ts';
import type { Joined } from './harness.ts';
import { act, create, join, serverForFile, until } from './harness.ts';

// Fast blocks and a short tempo, so epochs (which change every row) and stakes (one row) happen often.
const overrides = { blocksPerSecond: 40, chain: { tempo: 20 } };

const { server } = await serverForFile();

/** The table a watcher holds: the last whole one with every later delta applied, in arrival order. */
function held(j: Joined, netuid: number, since = 0): SubnetDetailView | null {
  let table: SubnetDetailView | null = null;
  for (const m of j.inbox.messages.slice(since)) {
    if (m.type === 'subnet_detail' && m.payload.netuid === netuid) table = m.payload as SubnetDetailView;
    if (m.type === 'subnet_delta' && table && m.payload.netuid === netuid) table = applySubnetDelta(table, m.payload as SubnetDeltaView);
  }
  return table;
}

describe('a watched neuron table: whole once, then what changed', () => {
  it("after many deltas, a watcher's table equals the one the server would send whole", async () => {
    const fac = await create(server, { preset: 'workshop', seed: 'deltas', overrides, name: 'Fac' });
    const code = fac.room.roomId;
    const watcher = await join(server, code, { name: 'Wes', role: 'spectator' });
    const staker = await join(server, code, { name: 'Sue', role: 'staker' });
    const since = watcher.inbox.mark();
    watcher.room.send('watch_subnet', { netuid: 1 });
    const first = await watcher.inbox.next('subnet_detail', (d) => d.netuid === 1, since);
    expect(first.neurons.length).toBeGreaterThan(0);

    // A stake changes one row; the epochs that follow change the rest.
    expect(await act(staker, 'stake', { netuid: 1, amount: '25', hotkey: first.neurons[0].hotkey })).toMatchObject({ ok: true });
    await watcher.inbox.next('subnet_delta', (d) => d.rows.some((r) => r.uid === 0 && r.stake !== first.neurons[0].stake), since);
    // Deltas go at most once a second: four seconds of blocks (eight epochs) give several.
    const start = watcher.room.state.clock.block;
    await until(watcher.room, (st) => st.clock.block > start + 160);

    expect(await act(fac, 'pause', { token: fac.welcome.facilitatorToken })).toMatchObject({ ok: true });
    // Pausing sends what changed since the last delta; the pause itself reaches the watcher after it, on the same socket.
    await until(watcher.room, (st) => st.clock.phase === 'paused');
    const deltas = watcher.inbox.all('subnet_delta').filter((d) => d.netuid === 1);
    expect(deltas.length).toBeGreaterThan(2);
    const mine = held(watcher, 1, since)!;

    // Watching again sends the table whole at once, even while paused.
    const mark = watcher.inbox.mark();
    watcher.room.send('watch_subnet', { netuid: 1 });
    const whole = await watcher.inbox.next('subnet_detail', (d) => d.netuid === 1, mark);
    expect(mine.neurons).toEqual(whole.neurons);
    expect({ burn: mine.burn, name: mine.name }).toEqual({ burn: whole.burn, name: whole.name });
    expect(whole.neurons.length).toBe(watcher.room.state.subnets.get('1')!.neurons);
  });

  it('a delta replaces rows by uid, and a table that shrank (a subnet registered again) loses its tail', () => {
    const row = (uid: number, stake: string) => ({ uid, hotkey: `hk${uid}`, owner: null, stake, validatorPermit: false, incentive: 0, dividends: 0, trust: 0, consensus: 0, bonds: 0, emission: '0', registeredAt: 0, immune: false, take: 0 });
    const table: SubnetDetailView = { netuid: 3, block: 10, name: 'A', burn: '1', neurons: [row(0, '1'), row(1, '2'), row(2, '3')] };
    const grown = applySubnetDelta(table, { netuid: 3, block: 11, name: 'A', burn: '2', size: 4, rows: [row(1, '5'), row(3, '9')] });
    expect(grown.neurons.map((n) => n.stake)).toEqual(['1', '5', '3', '9']);
    expect(grown).toMatchObject({ block: 11, burn: '2' });
    expect(table.neurons[1].stake).toBe('2');
    const again = applySubnetDelta(grown, { netuid: 3, block: 12, name: 'B', burn: '1', size: 1, rows: [row(0, '0')] });
    expect(again.neurons.map((n) => n.stake)).toEqual(['0']);
    expect(again.name).toBe('B');
  });
});
