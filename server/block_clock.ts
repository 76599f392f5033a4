// How many blocks the room owes: the scenario's rate times the speed, from the time that passed.

/** Most blocks run in one tick when the server falls behind: it slows rather than stalls. */
const MAX_BLOCKS_PER_TICK = 20;
/** Shortest simulation tick; faster block rates run several blocks per tick. */
const MIN_TICK_MS = 50;

export const tickInterval = (blocksPerSecond: number): number => Math.max(MIN_TICK_MS, 1000 / blocksPerSecond);

export class BlockClock {
  private owed = 0;

  /** Time passed: the blocks it is worth are owed (a paused or waiting game owes none). */
  advance(deltaMs: number, blocksPerSecond: number, running: boolean): void {
    this.owed = running ? Math.min(this.owed + (deltaMs * blocksPerSecond) / 1000, MAX_BLOCKS_PER_TICK) : 0;
  }

  /** Takes one owed block, if there is one. */
  take(): boolean {
    if (this.owed < 1) return false;
    this.owed -= 1;
    return true;
  }
}
