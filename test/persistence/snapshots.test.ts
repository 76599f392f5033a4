// The archive's snapshots come from the snapshot thread's shadow of each game: what it stores must
// be the room's own game at that block, byte for byte, without the room ever serialising it, and
// a late snapshot of a game since replaced must not land under the code.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GameHost } from '../../server/game_host.ts';
import type { RoomMeta } from '../../server/persistence/archive.ts';
import { loadGame, RoomArchive, SNAPSHOT_EVERY_BLOCKS, snapshotJson } from '../../server/persistence/archive.ts';
import { rebuildGame } from '../../server/persistence/recovery.ts';
import { shadowsOf } from '../../server/persistence/shadow.ts';
import { GameStore } from '../../server/persistence/store.ts';
import { digestOf } from '../../server/secrets.ts';

const store = GameStore.open(join(mkdtempSync(join(tmpdir(), 'arena-snap-')), 'arena.sqlite'));
afterAll(() => store.close());
const shadows = shadowsOf(store)!;
const meta: RoomMeta = { facilitatorKey: digestOf('fac'), isPublic: false, quickplay: false, seats: 8, phase: 'running', speed: 1, players: [] };

/** Runs blocks as the room's tick does (a block, then the archive), at 10 blocks a second of clock. */
function run(host: GameHost, archive: RoomArchive, blocks: number): void {
  for (let b = 0; b < blocks; b++) {
    host.step();
    archive.afterBlock(host, host.block * 100);
  }
}

/** The game's state as the room thread holds it, read without going through a spy. */
const stateOf = (host: GameHost, snapshot: () => unknown) => JSON.stringify(snapshot.call(host.game));

/** The stored snapshot is this one (compared as text, without printing megabytes on a mismatch). */
function expectStored(code: string, want: { block: number; seq: number; state: string }): void {
  const got = store.latestSnapshot(code);
  expect({ block: got?.block, seq: got?.seq }).toEqual({ block: want.block, seq: want.seq });
  expect(got && snapshotJson(got.state) === want.state, 'stored state differs from the room\'s game').toBe(true);
}

describe('snapshots from the shadow game', () => {
  it('store the room’s own game at each boundary, byte for byte, and the room thread never serialises it', async () => {
    const host = GameHost.create({ preset: 'workshop', seed: 21 }) as GameHost;
    const own = host.game.snapshot;
    const serialised = vi.spyOn(host.game, 'snapshot');
    const archive = RoomArchive.begin(store, 'SNAP23', host, meta, 1);
    const ann = host.join('Ann', 'staker', false);
    if (!ann.ok) throw new Error(ann.error.message);
    run(host, archive, 120);
    expect(host.act(ann.playerId, { type: 'stake', netuid: 1, amount: 2_000_000_000n }).ok).toBe(true);
    host.addBot('validator');
    run(host, archive, SNAPSHOT_EVERY_BLOCKS - 120);
    expect(host.block % SNAPSHOT_EVERY_BLOCKS).toBe(0);
    const at300 = { block: host.block, seq: host.logLength, state: stateOf(host, own) };
    // Actions and blocks after the boundary, before the thread has written it: the snapshot is still of block 300.
    host.setConnected(ann.playerId, false);
    run(host, archive, 7);
    await shadows.settled();
    expectStored('SNAP23', at300);
    run(host, archive, SNAPSHOT_EVERY_BLOCKS - 7);
    const at600 = { block: host.block, seq: host.logLength, state: stateOf(host, own) };
    const stats = await shadows.settled();
    expectStored('SNAP23', at600);
    expect(stats.snapshots).toBeGreaterThanOrEqual(2);
    expect(serialised).not.toHaveBeenCalled();

    // The room dies 15 blocks on; its restore (snapshot + log + clock mark) takes over, with a new
    // shadow rebuilt the same way, and the next snapshot is still the game the room would have had.
    run(host, archive, 15);
    const restored = rebuildGame('SNAP23', loadGame(store, 'SNAP23')!);
    expect(restored.block).toBe(host.block - 5);
    const again = RoomArchive.attach(store, 'SNAP23', restored);
    const next = 3 * SNAPSHOT_EVERY_BLOCKS;
    run(restored, again, next - restored.block);
    while (host.block < next) host.step();
    await shadows.settled();
    expectStored('SNAP23', { block: next, seq: host.logLength, state: stateOf(host, own) });
    again.close();
  });

  it('keep no late snapshot of a practice round once the real game has replaced it under the code', async () => {
    const practice = GameHost.create({ preset: 'workshop', seed: 5 }) as GameHost;
    const archive = RoomArchive.begin(store, 'PRAC23', practice, meta, 2);
    run(practice, archive, SNAPSHOT_EVERY_BLOCKS);
    // The snapshot of the practice is asked for; the real game takes the code before it can be written.
    const real = GameHost.create({ preset: 'workshop', seed: 5 }) as GameHost;
    const realArchive = RoomArchive.begin(store, 'PRAC23', real, meta, 2, true);
    await shadows.settled();
    expect(store.latestSnapshot('PRAC23')).toBeNull();
    const joined = real.join('Bo', 'miner', false);
    expect(joined.ok).toBe(true);
    run(real, realArchive, SNAPSHOT_EVERY_BLOCKS);
    await shadows.settled();
    expectStored('PRAC23', { block: SNAPSHOT_EVERY_BLOCKS, seq: 1, state: JSON.stringify(real.game.snapshot()) });
    realArchive.finish({ results: real.results('PRAC23'), series: real.series() }, 3);
  });
});
