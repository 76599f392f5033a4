// A room's settings beside its game: who facilitates it (a token handed once, to its creator's
// first welcome), whether the lobby lists it and with how many seats, whether a new game starts at
// once. Read from the create options, or from what persistence kept of a room; kept with it again.
import type { CreateOptions } from '../shared/protocol/index.ts';
import { MAX_SEATS } from '../shared/protocol/index.ts';
import type { RoomMeta } from './persistence/archive.ts';
import { defaultSeats } from './quickplay.ts';
import type { Seats } from './seats.ts';
import { digestOf, newToken, type TokenDigest } from './secrets.ts';

type Kept = Pick<RoomMeta, 'facilitatorKey' | 'isPublic' | 'quickplay' | 'seats'> & { autostart: boolean };

export class RoomSettings {
  readonly facilitatorKey: TokenDigest;
  readonly isPublic: boolean;
  readonly quickplay: boolean;
  /** Player seats the room lists (bots fill the rest in quick play). */
  readonly seats: number;
  /** A new game starts running at once (else it waits in the lobby for `start`): the real game after a practice too. */
  readonly autostart: boolean;

  private constructor(
    kept: Kept,
    /** Handed once, to the creator's first welcome; the room keeps only its digest. */
    private creatorToken: string | null,
    /** A facilitated room stays unlisted until its creator has joined and taken the token. */
    private creatorPending: boolean,
    /** Brought back after a restart: its people get longer to return before an empty room closes. */
    readonly restored: boolean,
  ) {
    this.facilitatorKey = kept.facilitatorKey;
    this.isPublic = kept.isPublic;
    this.quickplay = kept.quickplay;
    this.seats = kept.seats;
    this.autostart = kept.autostart;
  }

  /** A new room's, from its create options (a replay is never listed). */
  static created(o: CreateOptions, quickplay: boolean, playable: boolean): RoomSettings {
    const token = newToken();
    const kept = { facilitatorKey: digestOf(token), isPublic: (o.public === true || quickplay) && playable, quickplay, seats: Math.min(o.seats ?? defaultSeats(quickplay), MAX_SEATS), autostart: o.autostart !== false || quickplay };
    return new RoomSettings(kept, token, !quickplay, false);
  }

  /** A room this process was running when it stopped: its creator came long ago. */
  static restored(meta: RoomMeta): RoomSettings {
    return new RoomSettings({ ...meta, autostart: meta.autostart ?? true }, null, false, true);
  }

  /** Whoever joins next is the room's creator (who watches as the facilitator unless it asks for a seat). */
  get awaitingCreator(): boolean {
    return this.creatorPending;
  }

  /** Someone got in: the facilitator token their welcome carries, if they are the creator (only once). */
  arrived(): string | null {
    const token = this.creatorPending ? this.creatorToken : null;
    this.creatorPending = false;
    this.creatorToken = null;
    return token;
  }

  /** The lobby lists it: public, and no longer waiting for its creator. */
  get listed(): boolean {
    return this.isPublic && !this.creatorPending;
  }

  /** The seats the lobby lists: people in them, and free ones. In quick play a bot's seat is free. */
  listing(seats: Seats): { players: number; freeSeats: number } {
    const humans = seats.humans(this.quickplay);
    return { players: humans, freeSeats: Math.max(0, this.seats - humans) };
  }

  /** The room as persistence keeps it, with its game's clock and seats as they are now. */
  meta(clock: Pick<RoomMeta, 'phase' | 'speed' | 'practice'>, seats: Seats): RoomMeta {
    return { facilitatorKey: this.facilitatorKey, isPublic: this.isPublic, quickplay: this.quickplay, autostart: this.autostart, practice: clock.practice, seats: this.seats, phase: clock.phase, speed: clock.speed, players: seats.saved() };
  }
}
