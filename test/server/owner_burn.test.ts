import { beforeAll, describe, expect, it } from 'vitest';
import { act, create, join, serverForFile, until } from './harness.ts';

// Fast blocks so the owner's UID earns its permit (at an epoch) within a few seconds of real time.
const overrides = { blocksPerSecond: 40, chain: { networkRateLimit: 0 } };

const { server } = await serverForFile();
let code: string;

beforeAll(async () => {
  code = (await create(server, { preset: 'workshop', seed: 'owner-burn', overrides, name: 'Fac' })).room.roomId;
});

describe('an owner burns miner emission over the wire', () => {
  it('weighs its own UID once it holds a permit, and the feed names the burn at the epoch (run_coinbase.rs:538-553)', async () => {
    const o = await join(server, code, { name: 'Olga', role: 'owner' });
    const wallet = await o.inbox.next('wallet', (w) => w.subnets.length > 0 && w.neurons.some((n) => w.subnets.includes(n.netuid)));
    const mine = wallet.neurons.find((n) => wallet.subnets.includes(n.netuid))!;
    if (!mine.permit) {
      expect(await act(o, 'set_weights', { netuid: mine.netuid, uids: [mine.uid], weights: [1] })).toMatchObject({ ok: false, code: 'NOT_A_VALIDATOR' });
      await o.inbox.next('wallet', (w) => w.neurons.some((n) => n.netuid === mine.netuid && n.permit));
    }
    expect(await act(o, 'set_weights', { netuid: mine.netuid, uids: [mine.uid], weights: [1] })).toMatchObject({ ok: true });
    await until(o.room, (st) => st.events.some((e) => e.kind === 'owner_burned' && e.netuid === mine.netuid));
    const line = o.room.state.events.find((e) => e.kind === 'owner_burned' && e.netuid === mine.netuid)!;
    expect(line.text).toMatch(new RegExp(`^The owner of .* \\(SN${mine.netuid}\\) burns its miners' emission: [0-9.]+ α this epoch$`));
    expect(Number(line.text.match(/: ([0-9.]+) α/)![1])).toBeGreaterThan(0);
    // It burns again every tempo, but the feed says so once, when it starts.
    const tempo = o.room.state.clock.tempo;
    await until(o.room, (st) => st.clock.block > line.block + 2 * (tempo + 1));
    expect(o.room.state.events.filter((e) => e.kind === 'owner_burned' && e.netuid === mine.netuid).length).toBe(1);
  });
});
