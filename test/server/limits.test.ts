import type { ColyseusTestServer } from '@colyseus/testing';
import { boot } from '@colyseus/testing';
import { matchMaker } from '@colyseus/core';
import { Client, type Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Admission } from '../../server/admission.ts';
import { appConfig } from '../../server/app.config.ts';
import { DEFAULT_LIMITS, readLimits, useLimits } from '../../server/limits.ts';
import { GameHost } from '../../server/game_host.ts';
import { SeriesCache } from '../../server/series_cache.ts';
import { TickBudget } from '../../server/tick_budget.ts';
import { buildScenario, isScenarioError, MAX_DURATION_BLOCKS, scenarioLoadMs } from '../../shared/game/overrides.ts';
import { presetNames } from '../../shared/game/presets.ts';
import { freePort } from '../support/server_process.ts';

// Bounded work over real HTTP and sockets: what one address, or one scenario, may ask of a process.
// Each test speaks from its own forwarded address (the server trusts the header here), so one
// test's counters never spend another's.
let server: ColyseusTestServer;
let url = '';

beforeAll(async () => {
  useLimits({ trustProxy: true, maxRooms: 6, createsPerMinute: 3, roomsPerAddress: 4, spectatorsPerRoom: 2, connectionsPerAddress: 6, messagesPerSecond: 5, emptyRoomSeconds: 3600 });
  const port = await freePort();
  server = await boot(appConfig({ clientDir: '/nonexistent' }), port);
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.shutdown();
});

const from = (address: string) => new Client(url.replace('http', 'ws'), { headers: { 'x-forwarded-for': address } });

/** A create over the matchmaking route with no socket afterwards: what a script can do with curl. */
async function httpCreate(address: string, options: unknown): Promise<{ room?: { roomId: string }; code?: number; error?: string }> {
  const res = await fetch(`${url}/matchmake/create/arena`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify(options) });
  return res.json();
}

const health = async (): Promise<{ ok: boolean; rooms: number }> => (await fetch(`${url}/health`)).json();

async function until(ok: () => Promise<boolean>): Promise<void> {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 50));
}

describe('what a scenario may cost', () => {
  it('every preset fits in a room at its own pace, and the stalling override of the issue does not', () => {
    for (const name of presetNames) {
      const s = buildScenario(name);
      if (isScenarioError(s)) throw new Error(s.message);
      expect(scenarioLoadMs(s), name).toBeLessThan(DEFAULT_LIMITS.roomLoadMs / 10);
    }
    const stall = buildScenario('mainnet', { blocksPerSecond: 200, chain: { tempo: 10 } });
    if (isScenarioError(stall)) throw new Error(stall.message);
    expect(scenarioLoadMs(stall)).toBeGreaterThan(DEFAULT_LIMITS.roomLoadMs * 10);
  });

  it('refuses, before any room exists, a create that would stall the process or bloat it', async () => {
    const stall = await httpCreate('10.0.1.1', { preset: 'mainnet', overrides: { blocksPerSecond: 1000, chain: { tempo: 1 } } });
    expect(stall.error).toMatch(/^INVALID_OPTIONS: blocksPerSecond must be from 0.01 to 200/);
    const costly = await httpCreate('10.0.1.1', { preset: 'mainnet', overrides: { blocksPerSecond: 200, chain: { tempo: 10 } } });
    expect(costly.error).toMatch(/^OVER_CAPACITY: this scenario needs about \d+ ms of work a second/);
    const bloat = await httpCreate('10.0.1.1', { preset: 'mainnet', overrides: { seriesEvery: 1, durationBlocks: 10_000_000 } });
    expect(bloat.error).toBe(`INVALID_OPTIONS: durationBlocks must be from 1 to ${MAX_DURATION_BLOCKS}`);
    const series = await httpCreate('10.0.1.1', { preset: 'mainnet', overrides: { seriesEvery: 1 } });
    expect(series.error).toMatch(/^INVALID_OPTIONS: seriesEvery must be at least 5 /);
    expect((await health()).rooms).toBe(0);
  });

  it('a facilitator cannot speed a room past its budget', async () => {
    const room = await from('10.0.2.1').create('arena', { preset: 'workshop', name: 'Fac' });
    const welcome = await new Promise<{ facilitatorToken: string }>((ok) => room.onMessage('welcome', ok));
    const error = new Promise<{ code: string; action: string }>((ok) => room.onMessage('error', ok));
    room.send('set_speed', { token: welcome.facilitatorToken, speed: 1000 });
    expect(await error).toMatchObject({ code: 'OVER_CAPACITY', action: 'set_speed' });
    await room.leave();
  });
});

describe('rooms per address and per process', () => {
  it('an address creates a few games a minute, the process holds a few games, /health counts them', async () => {
    const before = (await health()).rooms;
    const made: Awaited<ReturnType<typeof httpCreate>>[] = [];
    for (let i = 0; i < 3; i++) made.push(await httpCreate('10.0.3.1', { preset: 'workshop' }));
    expect(made.every((m) => m.room?.roomId)).toBe(true);
    expect((await httpCreate('10.0.3.1', { preset: 'workshop' })).error).toMatch(/^RATE_LIMITED: at most 3 games a minute from one address/);
    expect((await health()).rooms).toBe(before + 3);
    while ((await health()).rooms < 6) expect((await httpCreate('10.0.3.2', { preset: 'workshop' })).room?.roomId).toBeTruthy();
    expect((await httpCreate('10.0.3.3', { preset: 'workshop' })).error).toMatch(/^OVER_CAPACITY: this server runs at most 6 games/);
    const q = await fetch(`${url}/api/quickplay`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.3.3' }, body: '{}' });
    expect(q.status).toBe(503);
    expect(await q.json()).toMatchObject({ code: 'OVER_CAPACITY' });
    useLimits({ maxRooms: 100 });
  });

  it('a room nobody is in closes after the empty-room time', async () => {
    useLimits({ emptyRoomSeconds: 0.2 });
    const made = await httpCreate('10.0.3.4', { preset: 'workshop' });
    useLimits({ emptyRoomSeconds: 3600 });
    // Created (it has a code), and gone once its empty-room time is up.
    const code = made.room!.roomId;
    await until(async () => matchMaker.getLocalRoomById(code) === undefined);
  });
});

describe('refused creates in the log', () => {
  it('each writes one line saying who and why, never a stack trace', async () => {
    // The log keeps at most a few refusal lines a second: start in a second of its own, so the
    // refusals of the tests before this one cannot have used this second's lines up.
    await new Promise((r) => setTimeout(r, 1100));
    const lines: string[] = [];
    const spies = (['log', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))));
    try {
      expect((await httpCreate('10.0.6.1', { preset: 'mainnet', overrides: { durationBlocks: 0 } })).error).toMatch(/^INVALID_OPTIONS/);
      expect((await httpCreate('10.0.6.1', { preset: 'workshop', seed: { no: 1 } })).error).toMatch(/^INVALID_OPTIONS/);
      expect((await httpCreate('10.0.6.1', { replay: { code: 'ZZZZZZ', token: 'nope' } })).error).toMatch(/^NOT_FOUND/);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(lines.filter((l) => l.includes('\n'))).toEqual([]);
    expect(lines.filter((l) => /^refused create from 10\.0\.6\.1: INVALID_OPTIONS: durationBlocks/.test(l))).toHaveLength(1);
  });
});

describe('people per address and per room', () => {
  it('spectators fill their own share of a room; players still get in', async () => {
    const fac = await from('10.0.4.1').create('arena', { preset: 'workshop', name: 'Fac', role: 'staker' });
    const code = fac.roomId;
    const watchers = [await from('10.0.4.2').joinById(code, { role: 'spectator' }), await from('10.0.4.3').joinById(code, { role: 'spectator' })];
    await expect(from('10.0.4.4').joinById(code, { role: 'spectator' })).rejects.toThrow(/^OVER_CAPACITY: this game has its 2 spectators/);
    const player = await from('10.0.4.4').joinById(code, { name: 'Pat', role: 'staker' });
    expect(player.roomId).toBe(code);
    await Promise.all([fac, player, ...watchers].map((r) => r.leave()));
  });

  it('one address opens a bounded number of connections, and shares one message budget across them', async () => {
    const fac = await from('10.0.5.1').create('arena', { preset: 'workshop', name: 'Fac' });
    const code = fac.roomId;
    const mine: Room[] = [];
    for (let i = 0; i < 6; i++) mine.push(await from('10.0.5.2').joinById(code, { name: `P${i}`, role: 'staker' }));
    await expect(from('10.0.5.2').joinById(code, { name: 'P7', role: 'staker' })).rejects.toThrow(/^RATE_LIMITED: at most 6 connections from one address/);
    // Another address is not affected.
    const other = await from('10.0.5.3').joinById(code, { name: 'Q', role: 'staker' });
    // 6 sockets × 4 queries = 24 at once: within each socket's own limit, over the address's burst of 10.
    const refused = new Promise<{ code: string }>((ok) => mine.forEach((r) => r.onMessage('error', ok)));
    for (const r of mine) for (let i = 0; i < 4; i++) r.send('get_series', { maxPoints: 2 });
    expect(await refused).toMatchObject({ code: 'TOO_MANY_MESSAGES' });
    // A socket that leaves gives its place back.
    await mine.pop()!.leave();
    await until(async () => {
      try {
        mine.push(await from('10.0.5.2').joinById(code, { name: 'P8', role: 'staker' }));
        return true;
      } catch {
        return false;
      }
    });
    await Promise.all([fac, other, ...mine].map((r) => r.leave()));
  });
});

describe('limits as pure bookkeeping', () => {
  it('reads the environment, and refuses a limit that is not a positive number', () => {
    expect(readLimits({ ARENA_MAX_ROOMS: '7', ARENA_TRUST_PROXY: '1' })).toMatchObject({ maxRooms: 7, trustProxy: true, createsPerMinute: DEFAULT_LIMITS.createsPerMinute });
    expect(() => readLimits({ ARENA_MAX_ROOMS: 'lots' })).toThrow(/ARENA_MAX_ROOMS must be a positive number/);
  });

  it('a minute later an address may create again', () => {
    const a = new Admission();
    for (let i = 0; i < 3; i++) expect(a.admitCreate('x', 1, i)).toHaveProperty('ticket');
    expect(a.admitCreate('x', 1, 10)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(a.admitCreate('x', 1, 60_010)).toHaveProperty('ticket');
  });

  it('a tick stops running blocks at its budget, and a room that overran rests as long as it worked', () => {
    useLimits({ tickBudgetMs: 40 });
    const b = new TickBudget();
    expect(b.more(0, 39)).toBe(true);
    expect(b.more(0, 40)).toBe(false);
    b.done(0, 30);
    expect(b.mayRun(30)).toBe(true);
    b.done(100, 400);
    expect(b.mayRun(699)).toBe(false);
    expect(b.mayRun(700)).toBe(true);
  });

  it('the same series question in the same block is answered once', () => {
    const host = GameHost.create({ preset: 'workshop', seed: 3 }) as GameHost;
    const cache = new SeriesCache();
    for (let i = 0; i < 10; i++) host.step();
    const a = cache.get(host, 50, [1, 2]);
    expect(cache.get(host, 50, [1, 2])).toBe(a);
    expect(cache.get(host, 50, [1])).not.toBe(a);
    host.step();
    const b = cache.get(host, 50, [1, 2]);
    expect(b).not.toBe(a);
    expect(b).toEqual(host.series(50, [1, 2]));
  });
});
