// CPU time as Linux's /proc counts it, for the measuring scripts (the load test reads the room
// thread's, the client bench its chromium processes'): CPU time is what other jobs on a shared
// machine move far less than wall-clock time. Node-only; null where there is no /proc.
import { readdirSync, readFileSync } from 'node:fs';

/** The kernel counts CPU time in clock ticks (USER_HZ, 100 a second on Linux). */
const TICKS_PER_SECOND = 100;

/** One process or thread as its /proc stat line describes it. */
export interface ProcStat {
  /** Its executable's name as the kernel has it (at most 15 characters). */
  command: string;
  parent: number;
  /** User + system CPU seconds used so far. */
  cpuSeconds: number;
}

/** Reads a stat line: the command sits in parentheses and may itself hold spaces and parentheses. */
export function parseStat(line: string): ProcStat {
  const close = line.lastIndexOf(')');
  // After the command: state (field 3), ppid (4), …, utime (14) and stime (15).
  const f = line.slice(close + 2).split(' ');
  return { command: line.slice(line.indexOf('(') + 1, close), parent: Number(f[1]), cpuSeconds: (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND };
}

/** The main thread's CPU seconds (this process's worker threads left out). */
export function mainThreadCpuSeconds(): number | null {
  try {
    return parseStat(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')).cpuSeconds;
  } catch {
    return null;
  }
}

/** Every process on the machine by pid, as now. */
export function processes(): Map<number, ProcStat> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const all = new Map<number, ProcStat>();
  for (const pid of pids) {
    try {
      all.set(Number(pid), parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8')));
    } catch {
      // gone between the listing and the read
    }
  }
  return all;
}
