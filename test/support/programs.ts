// Two suites drive programs of the operating system: the browser tests Debian's chromium, the
// scaling test a real redis-server. On a machine without one, its suite is skipped and the run says
// so once, with how to get it. .ci/run sets ARENA_REQUIRE_ALL=1: there a missing program fails the
// run instead, so CI never passes with a suite left out.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const runs = (command: string): boolean => {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const PROGRAMS = [
  { suite: 'the browser tests (test/e2e)', program: 'chromium', found: () => existsSync('/usr/bin/chromium') },
  { suite: 'the Redis test (test/scale)', program: 'redis-server', found: () => runs('redis-server') && runs('redis-cli') },
];

export const hasRedis = (): boolean => PROGRAMS[1].found();

/** vitest's global setup: one line for what does not run here, before anything runs. */
export default function setup(): void {
  const missing = PROGRAMS.filter((p) => !p.found());
  if (missing.length === 0) return;
  const line = `Not run on this machine: ${missing.map((p) => `${p.suite}, needs ${p.program}`).join('; ')}. To run ${missing.length > 1 ? 'them' : 'it'}: apt-get install ${missing.map((p) => p.program).join(' ')}`;
  if (process.env.ARENA_REQUIRE_ALL) throw new Error(`${line} (ARENA_REQUIRE_ALL is set: every suite must run here)`);
  console.warn(`\n${line}\n`);
}
