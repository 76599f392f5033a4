// Builds the client the way `npm run build:client` does, so the browser tests test this tree's code.
// Once per test run: browser suites run side by side, and a second build would empty client/dist
// under the first suite's server while its pages still load from it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { ROOT } from '../support/server_process.ts';

const LOCK = resolve(ROOT, 'client/.e2e-build.lock');
const MARK = resolve(ROOT, 'client/dist/.e2e-run');
/** A lock older than this was left by a run that died mid-build. */
const STALE_LOCK_MS = 10 * 60_000;

const builtFor = (run: string): boolean => existsSync(MARK) && readFileSync(MARK, 'utf8') === run;
const nap = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** `run` names the build: the test run's id inside vitest; a script outside vitest passes its own. */
export function buildClient(run: string = inject('testRun')): void {
  while (!builtFor(run)) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Another suite of this run is building: wait for it (or for its lock to go stale).
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      nap(250);
      continue;
    }
    try {
      if (!builtFor(run)) {
        execFileSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
        writeFileSync(MARK, run);
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
