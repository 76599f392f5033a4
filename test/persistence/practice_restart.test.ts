// After a practice round, the stored game under the room's code is the real one: a server killed
// with SIGKILL brings back the real game (its seats, its actions), not the practice.
import { Client } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import type { WalletView, Welcome } from '../../shared/protocol/index.ts';
import { tempDbPath } from '../support/server_process.ts';
import { inbox, serverProcesses } from './processes.ts';

const start = serverProcesses();

describe('a practice round and a restart', () => {
  it('a restarted server restores the real game, not the practice', async () => {
    const db = tempDbPath();
    const first = await start(db);
    const facilitator = await new Client(`ws://127.0.0.1:${first.port}`).create('arena', { preset: 'workshop', seed: 5, name: 'Fac', overrides: { blocksPerSecond: 40 } });
    const fac = inbox(facilitator);
    const token = (await fac.next<Welcome>('welcome')).facilitatorToken!;
    const code = facilitator.roomId;
    const staker = await new Client(`ws://127.0.0.1:${first.port}`).joinById(code, { name: 'Sam', role: 'staker' });
    const sam = inbox(staker);
    const welcome = await sam.next<Welcome>('welcome');

    // The practice: Sam stakes 150 into subnet 1.
    staker.send('stake', { netuid: 1, amount: '150', ref: 'practice' });
    await sam.next<{ ref: string }>('ack', (a) => a.ref === 'practice');
    facilitator.send('start_real_game', { token, ref: 'real' });
    await fac.next<{ ref: string }>('ack', (a) => a.ref === 'real');
    await sam.next<WalletView>('wallet', (w) => w.balance === '200' && w.positions.length === 0);

    // The real game: Sam stakes 7 into subnet 2, then the server dies.
    staker.send('stake', { netuid: 2, amount: '7', ref: 'real' });
    await sam.next<{ ref: string }>('ack', (a) => a.ref === 'real');
    await first.stop('SIGKILL');

    const second = await start(db);
    const back = await new Client(`ws://127.0.0.1:${second.port}`).joinById(code, { playerToken: welcome.playerToken });
    const again = inbox(back);
    expect((await again.next<Welcome>('welcome')).playerId).toBe(welcome.playerId);
    const wallet = await again.next<WalletView>('wallet');
    expect(wallet.balance).toBe('193');
    expect(wallet.positions.map((p) => p.netuid)).toEqual([2]);
    await back.leave();
  }, 120_000);
});
