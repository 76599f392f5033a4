// Player seats and their tokens: a seat survives disconnects, refreshes (by token) and leaving,
// until the game ends. The room keeps only each token's digest.
import type { PlayerRole } from '../shared/protocol/index.ts';
import type { RoomMeta, SavedSeat } from './persistence/archive.ts';
import { digestOf, sameToken } from './secrets.ts';

export interface Seat extends SavedSeat {
  /** The connection speaking for it now; null while its player is away. */
  sessionId: string | null;
}

export class Seats {
  private readonly byId = new Map<string, Seat>();

  /** Seats kept by a stored game (a fork or a restart): everyone starts away until they rejoin by token. */
  constructor(saved: RoomMeta['players'] = []) {
    for (const [playerId, seat] of saved) this.byId.set(playerId, { ...seat, sessionId: null });
  }

  get(playerId: string): Seat | undefined {
    return this.byId.get(playerId);
  }

  take(playerId: string, token: string, name: string, role: PlayerRole, sessionId: string): void {
    this.byId.set(playerId, { key: digestOf(token), name, role, sessionId, removed: false });
  }

  /** The seat a presented player token opens, with its player id. */
  byToken(token: string): [string, Seat] | null {
    const key = digestOf(token);
    for (const entry of this.byId) if (sameToken(entry[1].key, key)) return entry;
    return null;
  }

  entries(): IterableIterator<[string, Seat]> {
    return this.byId.entries();
  }

  /** The seats as persistence keeps them (no live connection). */
  saved(): RoomMeta['players'] {
    return [...this.byId].map(([id, s]) => [id, { key: s.key, name: s.name, role: s.role, removed: s.removed }]);
  }

  /** People holding seats. In quick play a seat whose person left is a bot's until someone comes, so it counts as free. */
  humans(quickplay: boolean): number {
    let n = 0;
    for (const s of this.byId.values()) if (!s.removed && (!quickplay || s.sessionId !== null)) n++;
    return n;
  }
}
