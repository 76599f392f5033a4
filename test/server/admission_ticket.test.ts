// An admitted create's ticket against a big room's build, over real HTTP and sockets: the ticket is
// how the room being built counts against its creator's address (and the process) until it opens.
import type { ColyseusTestServer } from '@colyseus/testing';
import { boot } from '@colyseus/testing';
import { Client } from 'colyseus.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Admission } from '../../server/admission.ts';
import { ArenaRoom } from '../../server/arena_room.ts';
import { appConfig } from '../../server/app.config.ts';
import { GameHost } from '../../server/game_host.ts';
import { DEFAULT_LIMITS, useLimits } from '../../server/limits.ts';
import type { Welcome } from '../../shared/protocol/index.ts';
import { freePort } from '../support/server_process.ts';

let server: ColyseusTestServer;
let url = '';

beforeAll(async () => {
  // One live game per address, so whether a room being built counts against its creator shows.
  useLimits({ trustProxy: true, roomsPerAddress: 1 });
  const port = await freePort();
  server = await boot(appConfig({ clientDir: '/nonexistent' }), port);
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  useLimits({ trustProxy: DEFAULT_LIMITS.trustProxy, roomsPerAddress: DEFAULT_LIMITS.roomsPerAddress });
  await server.shutdown();
});
afterEach(() => vi.restoreAllMocks());

const from = (address: string) => new Client(url.replace('http', 'ws'), { headers: { 'x-forwarded-for': address } });

async function httpCreate(address: string, options: unknown): Promise<{ room?: { roomId: string }; error?: string }> {
  const res = await fetch(`${url}/matchmake/create/arena`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify(options) });
  return res.json();
}

/** Creates a mainnet room the way the lobby does (matchmaking, then the socket) and waits for its welcome. */
async function createMainnet(address: string) {
  const room = await from(address).create('arena', { preset: 'mainnet', name: 'Fac' });
  const welcome = await new Promise<Welcome>((ok) => room.onMessage('welcome', ok));
  return { room, welcome };
}

describe("an admitted create's ticket", () => {
  it('a fresh mainnet room is joined by its creator and counts against its address', async () => {
    const started = performance.now();
    const { room, welcome } = await createMainnet('10.0.7.1');
    console.log(`mainnet create + join: ${Math.round(performance.now() - started)} ms`);
    expect(welcome.code).toBe(room.roomId);
    expect(welcome.facilitatorToken).toBeTruthy();
    expect((await httpCreate('10.0.7.1', { preset: 'workshop' })).error).toMatch(/^RATE_LIMITED: at most 1 live games/);
    await room.leave();
  });

  it('outlives a build slower than the ticket: the room being built still counts, then its creator joins it', async () => {
    // The build takes longer than a ticket lives (a loaded machine, a fork replaying its log),
    // shown by the clock moving on while the game is built rather than by waiting.
    const realNow = Date.now.bind(Date);
    let late = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + late);
    const build = GameHost.create.bind(GameHost);
    vi.spyOn(GameHost, 'create').mockImplementation((header) => {
      if (header.preset === 'mainnet') late += 10_000;
      return build(header);
    });
    // While the room is still opening, its creator asks for another game.
    const open = ArenaRoom.prototype['setPrivate'];
    let meanwhile: Promise<{ room?: { roomId: string }; error?: string }> | undefined;
    vi.spyOn(ArenaRoom.prototype, 'setPrivate').mockImplementation(async function (this: ArenaRoom, ...args) {
      if (late > 0 && !meanwhile) await (meanwhile = httpCreate('10.0.7.2', { preset: 'workshop' }));
      return open.apply(this, args);
    });

    const { room, welcome } = await createMainnet('10.0.7.2');
    expect(welcome.code).toBe(room.roomId);
    expect((await meanwhile)?.error).toMatch(/^RATE_LIMITED: at most 1 live games/);
    // Open now, it counts as its creator's, not the server's.
    expect((await httpCreate('10.0.7.2', { preset: 'workshop' })).error).toMatch(/^RATE_LIMITED: at most 1 live games/);
    await room.leave();
  });

  it('is given up as soon as the room refuses its options, not seconds later', async () => {
    expect((await httpCreate('10.0.7.3', { replay: { code: 'ZZZZZZ', token: 'nope' } })).error).toMatch(/^NOT_FOUND/);
    const made = await httpCreate('10.0.7.3', { preset: 'workshop' });
    expect(made.room?.roomId).toBeTruthy();
  });
});

// The file's limits hold here too: one live game per address.
describe('Admission tickets, without a server', () => {
  const scenario = GameHost.create({ preset: 'workshop', seed: 't' }) as GameHost;
  const second = (a: Admission, address: string, now: number) => a.admitCreate(address, 1, now);

  it('an unclaimed ticket lapses; one whose room is building lasts until the room opens, as its creator\'s', async () => {
    const a = new Admission();
    expect(a.admitCreate('10.0.8.1', 1, 0)).toHaveProperty('ticket');
    expect(second(a, '10.0.8.1', 1000)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(second(a, '10.0.8.1', 6000)).toHaveProperty('ticket');

    const b = new Admission();
    const t = b.admitCreate('10.0.8.2', 1, 0) as { ticket: string };
    await b.building(t.ticket, async () => {
      expect(second(b, '10.0.8.2', 60_000)).toMatchObject({ code: 'RATE_LIMITED' });
      b.openRoom('ROOM01', t.ticket, scenario.game.scenario);
    });
    expect(second(b, '10.0.8.2', 120_000)).toMatchObject({ code: 'RATE_LIMITED' });
    b.closeRoom('ROOM01');
    expect(second(b, '10.0.8.2', 120_000)).toHaveProperty('ticket');
  });

  it('a build that fails gives its ticket up at once and passes the failure on', async () => {
    const a = new Admission();
    const t = a.admitCreate('10.0.8.3', 1, 0) as { ticket: string };
    await expect(a.building(t.ticket, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(second(a, '10.0.8.3', 1)).toHaveProperty('ticket');
  });
});
