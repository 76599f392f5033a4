/**
 * A token bucket per client: `burst` messages at once, refilled at `perSecond`. A person clicking
 * or a fair bot never meets it; a flood does, and its excess is dropped before it costs any work.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  /** When the sender was last told it is flooding, so a flood does not get a flood of errors back. */
  private lastWarned = -Infinity;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True at most once a second while the client keeps flooding. */
  shouldWarn(now: number): boolean {
    if (now - this.lastWarned < 1000) return false;
    this.lastWarned = now;
    return true;
  }
}

export const MESSAGES_PER_SECOND = 20;
export const MESSAGE_BURST = 40;
