// Two server processes sharing rooms through a real redis-server: a room created through one is
// joined by its code through the other.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { has } from '../support/programs.ts';
import { freePort, spawnServer, type ServerProcess } from '../support/server_process.ts';

describe.runIf(has('redis-server'))('rooms across processes through Redis', () => {
  let redis: ChildProcess;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    const redisPort = await freePort();
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      try {
        execFileSync('redis-cli', ['-p', String(redisPort), 'ping']);
        break;
      } catch {
        if (i > 100) throw new Error('redis-server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (let k = 0; k < 2; k++) {
      const port = await freePort();
      servers.push(await spawnServer({ port, env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, PUBLIC_ADDRESS: `127.0.0.1:${port}` } }));
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    redis?.kill();
  });

  it('creates a room through one process and joins it by code through the other', async () => {
    const [a, b] = servers;
    const facilitator = await new Client(`ws://127.0.0.1:${a.port}`).create('arena', { preset: 'workshop', seed: 3, name: 'Facilitator', public: true });
    const code = facilitator.roomId;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    // Process B knows the room from Redis, reserves the seat on A through presence, and the client
    // is sent to A's public address.
    const player = await new Client(`ws://127.0.0.1:${b.port}`).joinById(code, { name: 'Remote', role: 'staker' });
    expect(player.roomId).toBe(code);
    await new Promise<void>((ok, fail) => {
      const t = setTimeout(() => fail(new Error('the joined player never saw the room state')), 20_000);
      player.onStateChange(() => {
        clearTimeout(t);
        ok();
      });
    });

    // Both processes list it: the listing lives in Redis, not in one process's memory.
    const listedByB = (await (await fetch(`${b.url}/api/games`)).json()) as { code: string }[];
    expect(listedByB.map((g) => g.code)).toContain(code);

    await player.leave();
    await facilitator.leave();
  });
});
