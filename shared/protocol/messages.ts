import type { ActionRequest } from './actions.ts';
import { ACTION_TYPES, ACTIONS } from './actions.ts';
import type { Checker, CheckedValue } from './check.ts';
import { bool, integer, list, nullable, object, oneOf, optional, text } from './check.ts';
import type { ControlRequest } from './controls.ts';
import { CONTROL_TYPES, CONTROLS } from './controls.ts';
import type { Checked } from './errors.ts';
import { refuse } from './errors.ts';
import { JOIN_ROLES, netuidField, playerNameField } from './fields.ts';

/** Subnets in a `series` answer when the request names none: a full network's 128 would be ~1 MB. */
export const DEFAULT_SERIES_SUBNETS = 12;

/** Everything else a client may say: questions, answered to the asker only. */
const QUERIES = {
  /** The one subnet whose neuron table this client wants (`subnet_detail` messages); null for none. */
  watch_subnet: object({ netuid: nullable(netuidField) }),
  /**
   * Ask for the downsampled time series (`series` message), e.g. when a chart opens. `netuids`
   * picks the subnets (≤ 32); by default the DEFAULT_SERIES_SUBNETS with the largest emission share now.
   */
  get_series: object({ maxPoints: optional(integer(2, 2000)), netuids: optional(list(netuidField, 32)) }),
  /** This game's debrief (`debrief` message): docs/WORKSHOP.md's questions with the room's own answers. */
  get_debrief: object({}),
};
export type QueryType = keyof typeof QUERIES;
export type QueryPayloads = { [T in QueryType]: CheckedValue<(typeof QUERIES)[T]> };
export type QueryRequest = { [T in QueryType]: { type: T } & QueryPayloads[T] }[QueryType];

export type ClientMessageType = ActionRequest['type'] | ControlRequest['type'] | QueryType;
export type ClientRequest =
  | { kind: 'action'; request: ActionRequest }
  | { kind: 'control'; token: string; request: ControlRequest }
  | { kind: 'query'; request: QueryRequest };

export type Ref = string | number;
const refChecker = (v: unknown): Ref | undefined =>
  (typeof v === 'string' && v.length <= 32) || (typeof v === 'number' && Number.isSafeInteger(v)) ? (v as Ref) : undefined;

/**
 * Validates one client message: its type and payload. Never throws. The `ref` (if well formed) is
 * returned even when the payload is refused, so the error can be matched to the action.
 */
export function parseClientMessage(type: unknown, payload: unknown): { ref?: Ref } & Checked<ClientRequest> {
  const ref = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? refChecker((payload as { ref?: unknown }).ref) : undefined;
  const body = ref === undefined ? payload : stripRef(payload as Record<string, unknown>);
  if (typeof type !== 'string') return { ref, ...refuse('UNKNOWN_MESSAGE', 'message type must be text') };
  if (Object.hasOwn(ACTIONS, type)) {
    const r = ACTIONS[type as keyof typeof ACTIONS].payload(body, 'payload');
    return r.ok ? { ref, ok: true, value: { kind: 'action', request: { type, ...r.value } as ActionRequest } } : { ref, ...r };
  }
  if (Object.hasOwn(CONTROLS, type)) {
    const r = CONTROLS[type as keyof typeof CONTROLS].payload(body, 'payload');
    if (!r.ok) return { ref, ...r };
    const { token: t, ...rest } = r.value;
    return { ref, ok: true, value: { kind: 'control', token: t, request: { type, ...rest } as ControlRequest } };
  }
  if (Object.hasOwn(QUERIES, type)) {
    const r = QUERIES[type as QueryType](body, 'payload');
    return r.ok ? { ref, ok: true, value: { kind: 'query', request: { type, ...r.value } as QueryRequest } } : { ref, ...r };
  }
  return { ref, ...refuse('UNKNOWN_MESSAGE', `unknown message type "${type.slice(0, 32)}"`) };
}

function stripRef(p: Record<string, unknown>): Record<string, unknown> {
  const { ref: _ref, ...rest } = p;
  return rest;
}

/** Every message type the server handles, for registering handlers and for documentation. */
export const CLIENT_MESSAGE_TYPES: readonly ClientMessageType[] = [...ACTION_TYPES, ...CONTROL_TYPES, ...(Object.keys(QUERIES) as QueryType[])];

// Room options ------------------------------------------------------------------------------------

export const MAX_SEATS = 64;
const overridesField: Checker<Record<string, unknown>> = (v, f) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ok: true, value: v as Record<string, unknown> } : refuse('INVALID_OPTIONS', `${f} must be an object`));
const seedField: Checker<number | string> = (v, f) =>
  (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v.length > 0 && v.length <= 64) ? { ok: true, value: v } : refuse('INVALID_OPTIONS', `${f} must be a whole number or text up to 64 characters`);
/** A stored game to replay or fork, the token of its facilitator, and (for a fork) the block to start from. */
const sourceGame = object({ code: text(6), token: text(64), block: optional(integer(0, 1e9)) });
export type SourceGame = CheckedValue<typeof sourceGame>;

/** `client.create("arena", options)`. The creator is the facilitator. */
export const createOptionsChecker = object({
  /** Scenario preset name (`workshop`, `mainnet`, `march-2026`, …). Default `workshop`. */
  preset: optional(text(32)),
  /** Scenario settings that replace the preset's (validated by the game's scenario builder). */
  overrides: optional(overridesField),
  /** Seed of the room's RNG: same seed + same action log ⇒ same game. Default: chosen by the server. */
  seed: optional(seedField),
  /** Creator's display name. */
  name: optional(playerNameField),
  /** The creator's own role; default `spectator` (a facilitator usually watches). */
  role: optional(oneOf(JOIN_ROLES)),
  /** true (default): blocks run at once. false: the room waits in its lobby until `start`. */
  autostart: optional(bool),
  /** Listed among public games (lobby, `/api/games`, quick play). Default false. */
  public: optional(bool),
  /** The game is a practice round (`clock.practice`) until the facilitator's `start_real_game`. Default false. */
  practice: optional(bool),
  /** Bots fill this many player seats until people come (default: the scenario's). */
  seats: optional(integer(0, MAX_SEATS)),
  /**
   * Re-run a stored game (finished or not) from its log as a spectator room: the same blocks and
   * actions at any speed (`set_speed`). Needs that game's facilitator token. The preset, seed and
   * overrides are the stored game's.
   */
  replay: optional(sourceGame),
  /**
   * A new game that starts from a stored game's state at `block` (default: where it got to): its
   * players keep their seats and tokens, and it runs on with its own code and facilitator token.
   */
  fork: optional(sourceGame),
});
export type CreateOptions = CheckedValue<typeof createOptionsChecker>;

/** `client.joinById(code, options)`. */
export const joinOptionsChecker = object({
  name: optional(playerNameField),
  role: optional(oneOf(JOIN_ROLES)),
  /** From an earlier `welcome`: rejoin as the same player (after a refresh) with holdings intact. */
  playerToken: optional(text(64)),
  /** A program playing (an external bot): shown as a bot on the leaderboard. */
  bot: optional(bool),
});
export type JoinOptions = CheckedValue<typeof joinOptionsChecker>;
