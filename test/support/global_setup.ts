// Runs once before every suite: says what will not run on this machine, or refuses to start where
// everything must run (ARENA_REQUIRE_ALL=1, set by .ci/run).
import type { TestProject } from 'vitest/node';
import { missing, PROGRAMS, skipLine } from './programs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run, so suites can share once-per-run work (the client build). */
    testRun: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide('testRun', `${process.pid}-${Date.now()}`);
  const absent = missing();
  if (absent.length === 0) return;
  if (process.env.ARENA_REQUIRE_ALL === '1') {
    const pkgs = absent.map((n) => PROGRAMS[n].packages).join(' ');
    throw new Error(`ARENA_REQUIRE_ALL=1 but ${absent.join(' and ')} missing, so some suites would skip; install: apt-get install -y ${pkgs}`);
  }
  for (const name of absent) process.stderr.write(`${skipLine(name)}\n`);
}
