// Who each connection is in a room: a player in a seat (taken now, or taken back by token) or a
// spectator; and what its dropping, coming back or leaving for good does to its seat, the game's
// players, the synced state and the private feeds. The room does the Colyseus side (the welcome,
// reconnection, the listing, the empty-room timer).
import type { Client } from '@colyseus/core';
import type { JoinRole } from '../shared/protocol/index.ts';
import { joinOptionsChecker } from '../shared/protocol/index.ts';
import { admitSpectator, pickKnown } from './admission.ts';
import type { GameHost } from './game_host.ts';
import type { Mirror } from './mirror.ts';
import { nameForSeat } from './names.ts';
import type { PrivateFeeds } from './private_feeds.ts';
import type { QuickPlaySeats } from './quickplay.ts';
import { MESSAGE_BURST, MESSAGES_PER_SECOND, RateLimiter } from './rate_limit.ts';
import { Refusal } from './refusal.ts';
import type { Seats } from './seats.ts';
import { newToken } from './secrets.ts';

/** Seconds a dropped client has to come back with `client.reconnect` before it counts as gone. */
export const RECONNECT_SECONDS = 60;

/** One connection: a player (playerId set) or a spectator. */
export interface Member {
  playerId: string | null;
  limiter: RateLimiter;
}

/** The game people sit down in as it is now (a practice round's gives way to the real game's; the people stay), and where their coming and going shows. */
export interface Table {
  host: GameHost;
  seats: Seats;
  /** People may take seats (not in a replay). */
  playable: boolean;
  /** Quick play's seat policy (null for a facilitated game). */
  quickSeats: QuickPlaySeats | null;
  phase: string;
  mirror: Mirror;
  feeds: PrivateFeeds;
}

/** A connection let in, as its welcome names it. */
export interface Seated {
  playerId: string | null;
  role: JoinRole;
  name: string;
  playerToken: string;
}

/** A connection that dropped or left; its seat, if it held one, is away meanwhile. */
export interface Leaving {
  /** A dropped socket (not a leave) may come back: players and spectators alike (a projector's wifi). */
  mayReturn: boolean;
  /** It came back (a new client object for the same session): its seat is its again, unless another tab took it by token meanwhile. */
  returned(client: Client): void;
  /** Gone for good from this socket; the seat and its wallet stay (rejoin by token). */
  gone(): void;
}

export class Seating {
  private readonly members = new Map<string, Member>();

  constructor(
    private readonly table: () => Table,
    /** A seat was taken: the room's kept settings list it. */
    private readonly saveMeta: () => void,
  ) {}

  member(sessionId: string): Member | undefined {
    return this.members.get(sessionId);
  }

  spectators(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.playerId === null) n++;
    return n;
  }

  /**
   * Lets a connection in with its join options: back to its seat by token, as a spectator, or into
   * a new seat; its private feeds follow it from now. `creator`: the room's creator, who watches as
   * the facilitator unless it asks for a seat. A Refusal, changing nothing, when it may not come in
   * as it asks.
   */
  join(client: Client, raw: unknown, creator: boolean, now: number): Seated {
    const o = joinOptionsChecker(pickKnown(raw, ['name', 'role', 'playerToken', 'bot']), 'options');
    if (!o.ok) throw new Refusal(`INVALID_OPTIONS: ${o.message}`);
    const asked = o.value;
    const t = this.table();
    const name = asked.name ?? (creator ? 'Facilitator' : 'Player');
    const wanted: JoinRole = asked.role ?? (creator ? 'spectator' : 'staker');

    let seated: Seated;
    const back = asked.playerToken ? t.seats.byToken(asked.playerToken) : null;
    if (back) {
      const [playerId, seat] = back;
      // The same seat from a new tab: the old connection, if still open, no longer speaks for it.
      const previous = seat.sessionId;
      if (previous && previous !== client.sessionId) {
        this.members.delete(previous);
        t.feeds.unsubscribe(previous);
      }
      seat.sessionId = client.sessionId;
      if (!seat.removed) {
        t.host.setConnected(playerId, true);
        t.quickSeats?.arrived(seat.role);
      }
      seated = { playerId, role: seat.role, name: seat.name, playerToken: asked.playerToken! };
    } else if (wanted === 'spectator') {
      const full = admitSpectator(this.spectators());
      if (full) throw new Refusal(`${full.code}: ${full.message}`);
      seated = { playerId: null, role: wanted, name, playerToken: newToken() };
    } else if (!t.playable) {
      throw new Refusal('REPLAY: a replay is watched, not played; join as a spectator');
    } else {
      if (t.phase === 'ended') throw new Refusal('GAME_OVER: the game has ended; join as a spectator');
      const named = nameForSeat(asked.name, name, [...t.seats.entries()].map(([, seat]) => seat.name));
      if ('code' in named) throw new Refusal(`${named.code}: ${named.message}`);
      const joined = t.host.join(named.name, wanted, asked.bot === true);
      if (!joined.ok) throw new Refusal(`${joined.error.code}: ${joined.error.message}`);
      const playerToken = newToken();
      t.seats.take(joined.playerId, playerToken, named.name, wanted, client.sessionId);
      t.mirror.events(joined.events);
      t.quickSeats?.arrived(wanted);
      this.saveMeta();
      seated = { playerId: joined.playerId, role: wanted, name: named.name, playerToken };
    }
    this.members.set(client.sessionId, { playerId: seated.playerId, limiter: new RateLimiter(MESSAGES_PER_SECOND, MESSAGE_BURST, now) });
    t.feeds.subscribe(client, seated.playerId);
    return seated;
  }

  /** A connection dropped (`consented` false) or left: a seat it held is away until it comes back. */
  leave(sessionId: string, consented: boolean): Leaving {
    const member = this.members.get(sessionId);
    const playerId = member?.playerId ?? null;
    const t = this.table();
    const seat = playerId ? t.seats.get(playerId) : undefined;
    if (seat && playerId && seat.sessionId === sessionId) {
      seat.sessionId = null;
      if (!seat.removed) t.host.setConnected(playerId, false);
      t.mirror.sync(true);
    }
    return {
      mayReturn: member !== undefined && !consented && t.phase !== 'ended',
      returned: (client) => {
        const now = this.table();
        if (seat && playerId && seat.sessionId === null) {
          seat.sessionId = client.sessionId;
          if (!seat.removed) now.host.setConnected(playerId, true);
        }
        now.feeds.rebind(client);
        now.feeds.flush([client], true);
        now.mirror.sync(true);
      },
      gone: () => {
        this.members.delete(sessionId);
        const now = this.table();
        now.feeds.unsubscribe(sessionId);
        if (now.quickSeats && seat && !seat.removed && seat.sessionId === null && now.phase !== 'ended') {
          now.quickSeats.left(seat.role);
          now.mirror.sync(true);
        }
        now.mirror.spectators(this.spectators());
      },
    };
  }
}
