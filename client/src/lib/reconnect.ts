// colyseus.js 0.16 does not reconnect by itself: the connection module retries with these delays.

/** Exponential backoff capped at `maxMs`, with a deterministic jitter from the attempt number. */
export function backoffDelay(attempt: number, baseMs = 500, maxMs = 8000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  // Spread clients that dropped together without a random source: ±20 % by attempt parity.
  return Math.round(exp * (attempt % 2 === 0 ? 0.9 : 1.1));
}

/** Close codes after which trying again is pointless: the player left, or was removed, on purpose. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([1000, 4000]);

export function shouldReconnect(closeCode: number, attempt: number, maxAttempts = 12): boolean {
  return !FINAL_CLOSE_CODES.has(closeCode) && attempt < maxAttempts;
}

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';
