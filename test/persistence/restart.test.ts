// Durability over real processes: a server killed with SIGKILL mid-game comes back with every
// acknowledged action, its players rejoin by code and token; a stored game can be forked and replayed.
import { Client } from 'colyseus.js';
import Decimal from 'decimal.js';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WalletView, Welcome } from '../../shared/protocol/index.ts';
import { MARK_EVERY_BLOCKS } from '../../server/persistence/archive.ts';
import { tempDbPath } from '../support/server_process.ts';
import { inbox, serverProcesses } from './processes.ts';

const start = serverProcesses();

async function until(ok: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a game survives its server', () => {
  it('keeps every acknowledged action through kill -9; players rejoin by code and token; fork and replay start from it', async () => {
    const db = tempDbPath();
    const first = await start(db);
    const facilitator = await new Client(`ws://127.0.0.1:${first.port}`).create('arena', { preset: 'workshop', seed: 11, name: 'Fac' });
    const fac = inbox(facilitator);
    const facWelcome = await fac.next<Welcome>('welcome');
    const code = facilitator.roomId;

    const staker = await new Client(`ws://127.0.0.1:${first.port}`).joinById(code, { name: 'Sam', role: 'staker' });
    const sam = inbox(staker);
    const welcome = await sam.next<Welcome>('welcome');
    // A staker's free TAO moves only by its own actions: the join wallet is the starting balance.
    const opening = await sam.next<WalletView>('wallet');

    // Several stakes in flight; the server is killed as soon as the last one is acknowledged.
    const amounts = ['1', '2', '3', '4'];
    amounts.forEach((amount, ref) => staker.send('stake', { netuid: 1, amount, ref }));
    for (let ref = 0; ref < amounts.length; ref++) await sam.next<{ ref: number }>('ack', (a) => a.ref === ref);
    // The stakes may land in different ticks, each with its own wallet; wait for the one after all four.
    const staked = new Decimal(opening.balance).minus(amounts.reduce((a, b) => a + Number(b), 0));
    const before = await sam.next<WalletView>('wallet', (w) => new Decimal(w.balance).eq(staked));
    // Blocks run on past the last action (fast), so the restored clock has more to go on than the log.
    const clock = () => (facilitator.state as { clock: { block: number } }).clock.block;
    const lastAction = clock();
    facilitator.send('set_speed', { token: facWelcome.facilitatorToken, speed: 20 });
    await until(() => clock() >= lastAction + 4 * MARK_EVERY_BLOCKS);
    const killedAt = clock();
    await first.stop('SIGKILL');

    const second = await start(db);
    const back = await new Client(`ws://127.0.0.1:${second.port}`).joinById(code, { playerToken: welcome.playerToken });
    const again = inbox(back);
    const rewelcome = await again.next<Welcome>('welcome');
    expect(rewelcome.playerId).toBe(welcome.playerId);
    const after = await again.next<WalletView>('wallet');
    // The clock steps back at most to the last mark, not to the last logged action.
    expect((back.state as { clock: { block: number } }).clock.block).toBeGreaterThanOrEqual(killedAt - MARK_EVERY_BLOCKS);
    // Free TAO is exactly what it was after the four acknowledged stakes; the stake is all there.
    expect(after.balance).toBe(before.balance);
    expect(after.positions.find((p) => p.netuid === 1)).toBeTruthy();
    expect(Number(after.positions.find((p) => p.netuid === 1)!.alpha)).toBeGreaterThanOrEqual(Number(before.positions.find((p) => p.netuid === 1)!.alpha) * 0.999);

    // The database keeps digests of the tokens, never the tokens themselves.
    const files = [db, `${db}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const secret of [facWelcome.facilitatorToken!, welcome.playerToken]) for (const bytes of files) expect(bytes.includes(secret)).toBe(false);

    // The facilitator's token still opens the exports of the restored game.
    const res = await fetch(`${second.url}/api/games/${code}/results.json`, { headers: { authorization: `Bearer ${facWelcome.facilitatorToken}` } });
    expect(res.status).toBe(200);

    // Fork: a new game from the stored one, where the same player token holds the same wallet.
    const forkRoom = await new Client(`ws://127.0.0.1:${second.port}`).create('arena', { fork: { code, token: facWelcome.facilitatorToken! } });
    expect(forkRoom.roomId).not.toBe(code);
    const forked = await new Client(`ws://127.0.0.1:${second.port}`).joinById(forkRoom.roomId, { playerToken: welcome.playerToken });
    const forkInbox = inbox(forked);
    expect((await forkInbox.next<Welcome>('welcome')).playerId).toBe(welcome.playerId);
    expect((await forkInbox.next<WalletView>('wallet')).balance).toBe(before.balance);

    // Replay: watched only, it re-runs the game from block 0 through the recorded stakes.
    const replay = await new Client(`ws://127.0.0.1:${second.port}`).create('arena', { replay: { code, token: facWelcome.facilitatorToken! } });
    const replayInbox = inbox(replay);
    const replayWelcome = await replayInbox.next<Welcome>('welcome');
    replay.send('set_speed', { token: replayWelcome.facilitatorToken, speed: 50 });
    await expect(new Client(`ws://127.0.0.1:${second.port}`).joinById(replay.roomId, { role: 'staker' })).rejects.toThrow(/REPLAY/);
    // The recorded player comes back in the replay, from the log alone.
    const samReplayed = await new Promise<boolean>((ok) => {
      const t = setTimeout(() => ok(false), 30_000);
      replay.onStateChange((state: { players?: { forEach(cb: (p: { name: string }) => void): void } }) => {
        let hit = false;
        state.players?.forEach((p) => (hit ||= p.name === 'Sam'));
        if (hit) {
          clearTimeout(t);
          ok(true);
        }
      });
    });
    expect(samReplayed).toBe(true);

    // A client cannot make the server restore (or take over) a stored game by asking.
    const notRestored = await new Client(`ws://127.0.0.1:${second.port}`).create('arena', { restore: code, restoreSecret: 'guess' });
    expect(notRestored.roomId).not.toBe(code);
    await notRestored.leave();
    await expect(new Client(`ws://127.0.0.1:${second.port}`).create('arena', { fork: { code, token: 'wrong' } })).rejects.toThrow(/NOT_FOUND/);

    // The facilitator's socket died with the first process.
    for (const r of [back, forked, forkRoom, replay]) await r.leave();
  }, 180_000);
});
