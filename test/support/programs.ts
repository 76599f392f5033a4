// Programs some suites drive that a fresh machine may lack. Each suite asks `has(...)` and skips
// without them; the global setup prints one line per missing program (what did not run, how to get
// it), and fails the whole run instead when ARENA_REQUIRE_ALL=1 (CI installs everything, so a skip
// there means a suite silently stopped running).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

export interface Program {
  /** What the suites that need it test, for the skip line. */
  suites: string;
  /** The Debian packages that bring it. */
  packages: string;
  present(): boolean;
}

const onPath = (cmd: string): boolean => {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export const PROGRAMS = {
  chromium: { suites: 'the browser tests (test/e2e)', packages: 'chromium', present: () => existsSync(CHROMIUM) },
  'redis-server': { suites: 'the multi-process Redis test (test/scale)', packages: 'redis-server', present: () => onPath('redis-server') && onPath('redis-cli') },
} satisfies Record<string, Program>;

export type ProgramName = keyof typeof PROGRAMS;

const seen = new Map<ProgramName, boolean>();
export function has(name: ProgramName): boolean {
  let ok = seen.get(name);
  if (ok === undefined) seen.set(name, (ok = PROGRAMS[name].present()));
  return ok;
}

export const missing = (): ProgramName[] => (Object.keys(PROGRAMS) as ProgramName[]).filter((n) => !has(n));

export const skipLine = (name: ProgramName): string =>
  `skipped: ${PROGRAMS[name].suites} — needs ${name}; install it with: apt-get install -y ${PROGRAMS[name].packages}`;
