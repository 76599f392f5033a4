// The real server as a separate process (`tsx server/main.ts`), for tests that need what only a
// process has: its own port, its own database file, and a death by SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** A database path of its own, so a test's server never restores another test's games. */
export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), 'arena-db-')), 'arena.sqlite');

export interface ServerProcess {
  port: number;
  url: string;
  /** What the process printed, for failure messages. */
  log(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns the server on `port` (a free one by default) and waits until /health answers. */
/**
 * Every server this test process started and that still runs: killed when the process exits, so a
 * test that timed out while its server was still starting leaves no server behind.
 */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function spawnServer(o: { port?: number; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const port = o.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ARENA_DB: tempDbPath(), ...o.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /health:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    url,
    log: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill(signal);
      }),
  };
}
