// Builds the client the way `npm run build:client` does, so the browser tests test this tree's code.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './harness.ts';

export function buildClient(): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
}
