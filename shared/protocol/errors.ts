import type { ErrorCode as ChainErrorCode } from '../engine/errors.ts';
import type { RefusalFacts } from '../game/refusal_facts.ts';

/**
 * Why the room refused a message before it reached the game. Chain refusals keep the engine's own
 * codes (`ChainErrorCode`); the game layer may add its own, so the wire type stays an open string.
 */
export type ProtocolErrorCode =
  /** A message type the room does not know. */
  | 'UNKNOWN_MESSAGE'
  /** The payload does not have the message's shape (missing, extra or mistyped fields). */
  | 'INVALID_PAYLOAD'
  /** An amount is not a positive decimal string within the supply. */
  | 'INVALID_AMOUNT'
  /** More messages per second than a person or a fair bot sends. */
  | 'TOO_MANY_MESSAGES'
  /** Too many of this client's actions are waiting for the next block. */
  | 'QUEUE_FULL'
  /** Spectators watch; they do not act. */
  | 'SPECTATOR'
  /** The facilitator removed this player from the game. */
  | 'REMOVED'
  /** A facilitator control without the right facilitator token. */
  | 'NOT_FACILITATOR'
  /** The game waits in its lobby (autostart false) until the facilitator starts it. */
  | 'NOT_STARTED'
  /** The game has ended; results are final. */
  | 'GAME_OVER'
  /** A player id that is not in this game (facilitator controls). */
  | 'UNKNOWN_PLAYER'
  /** The action is not open to this player's role. */
  | 'WRONG_ROLE'
  /** Room creation or join options that do not make sense. */
  | 'INVALID_OPTIONS'
  /** A replay room only re-runs its recorded game: nobody plays in it and it takes no game events. */
  | 'REPLAY'
  /** No stored game has that code with that facilitator token (replay, fork). */
  | 'NOT_FOUND'
  /** One address asked for more than its share (games a minute, connections, messages): try again later. */
  | 'RATE_LIMITED'
  /** The server, or this room, is as full or as busy as it may be (games, load, spectators, speed). */
  | 'OVER_CAPACITY'
  /** Another player in this game has that name, or one that reads the same. */
  | 'NAME_TAKEN'
  /** A transfer of more than the sender has gained: a starting kit stays with its seat. */
  | 'KIT_NOT_TRANSFERABLE'
  /** The server failed; the action was not applied. */
  | 'INTERNAL';

export type WireErrorCode = ProtocolErrorCode | ChainErrorCode | (string & {});

/** The `error` message: sent to the sender of a refused message only. Nothing was changed. */
export interface WireError {
  code: WireErrorCode;
  message: string;
  /** The message type that was refused. */
  action: string;
  /** The `ref` the client put in its payload, echoed so it can show the error where the action was taken. */
  ref?: string | number;
  /** The numbers behind a refused action (what you have, what it needs, when it may pass). */
  facts?: RefusalFacts;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; code: WireErrorCode; message: string };

export const refuse = <T = never>(code: WireErrorCode, message: string): Checked<T> => ({ ok: false, code, message });
export const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
