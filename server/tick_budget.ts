import { limits } from './limits.ts';

/**
 * How much of the process one room's block loop may take. A tick runs blocks while it is within its
 * budget; a tick that still overran (one block costing more than the budget) makes the room rest as
 * long as it worked. A room that cannot keep its pace falls behind; the other rooms and /health do not.
 */
export class TickBudget {
  private restUntil = 0;

  /** Whether this tick may run blocks at all. */
  mayRun(now: number): boolean {
    return now >= this.restUntil;
  }

  /** Whether another block fits in a tick that started at `started`. */
  more(started: number, now: number): boolean {
    return now - started < limits().tickBudgetMs;
  }

  /** After the tick's blocks: past the budget, rest for as long as it worked. */
  done(started: number, now: number): void {
    const spent = now - started;
    if (spent > limits().tickBudgetMs) this.restUntil = now + spent;
  }
}
