// Players' actions wait here for the next block boundary, applied then in arrival order.
import type { ActionRequest, Ref } from '../shared/protocol/index.ts';

/** Most actions one client may have waiting for the next block. */
export const MAX_QUEUED_PER_CLIENT = 16;

export interface Queued {
  /** The sender's session: after a reconnect its Client object is a new one. */
  sessionId: string;
  playerId: string;
  request: ActionRequest;
  ref?: Ref;
}

export class ActionQueue {
  private queue: Queued[] = [];
  private readonly waiting = new Map<string, number>();

  /** False when the sender already has as many actions waiting as it may. */
  offer(q: Queued): boolean {
    const n = this.waiting.get(q.sessionId) ?? 0;
    if (n >= MAX_QUEUED_PER_CLIENT) return false;
    this.waiting.set(q.sessionId, n + 1);
    this.queue.push(q);
    return true;
  }

  /** Hands every waiting action over, in arrival order, and empties the queue. */
  drain(apply: (q: Queued) => void): void {
    const queue = this.queue;
    this.clear();
    for (const q of queue) apply(q);
  }

  /** A removed player's actions die with its seat. */
  dropPlayer(playerId: string): void {
    for (const q of this.queue) if (q.playerId === playerId) this.waiting.delete(q.sessionId);
    this.queue = this.queue.filter((q) => q.playerId !== playerId);
  }

  clear(): void {
    this.queue = [];
    this.waiting.clear();
  }
}
