// The /proc reading the load test and the client bench share.
import { describe, expect, it } from 'vitest';
import { mainThreadCpuSeconds, parseStat, processes } from '../../server/cli/proc_cpu.ts';

describe('proc_cpu', () => {
  it('reads a stat line whose command holds spaces and parentheses', () => {
    const line = '4242 (chrome (gpu) x) S 17 4242 17 0 -1 4194304 98 0 0 0 250 37 0 0 20 0 1 0 1305070 3133440 393';
    expect(parseStat(line)).toEqual({ command: 'chrome (gpu) x', parent: 17, cpuSeconds: 2.87 });
  });

  it.runIf(process.platform === 'linux')('counts the main thread working, and finds this process with its parent', () => {
    // Work until the counter shows a tenth of a second (other jobs share the cores), or give up.
    const before = mainThreadCpuSeconds()!;
    const until = performance.now() + 3000;
    while (performance.now() < until && mainThreadCpuSeconds()! - before < 0.1);
    expect(mainThreadCpuSeconds()! - before).toBeGreaterThanOrEqual(0.1);
    expect(processes()!.get(process.pid)?.parent).toBe(process.ppid);
  });
});
