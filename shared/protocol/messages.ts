import type { Rao } from '../engine/money.ts';
import type { Checker } from './check.ts';
import { amount, bool, finite, integer, list, nullable, object, oneOf, optional, text } from './check.ts';
import type { Checked } from './errors.ts';
import { refuse } from './errors.ts';

/** Roles a player may take; every player can still stake and unstake like anyone on the chain. */
export const PLAYER_ROLES = ['owner', 'validator', 'miner', 'staker'] as const;
export type PlayerRole = (typeof PLAYER_ROLES)[number];
/** What a client may ask to join as: a player role, or a read-only spectator. */
export const JOIN_ROLES = [...PLAYER_ROLES, 'spectator'] as const;
export type JoinRole = (typeof JOIN_ROLES)[number];

/** Largest netuid and UID we accept on the wire (the chain caps subnets at 128 and UIDs at 256; presets may raise neither past these). */
export const MAX_NETUID = 1024;
export const MAX_UID = 4096;
/** A full weight vector over 256 UIDs fits; more is refused. */
export const MAX_WEIGHTS = 1024;

const netuidField = integer(0, MAX_NETUID);
const hotkeyField = text(64);

/**
 * Player actions, one message type each, as the client sends them. Amounts are decimal strings
 * ("12.5" TAO, or alpha for unstake/move); `hotkey` defaults to the subnet owner's hotkey (the
 * validator you stake behind). Every message may carry a `ref` (string ≤ 32 chars or integer) that
 * the server echoes in its `ack` or `error`.
 */
export interface ActionPayloads {
  stake: { netuid: number; amount: string; hotkey?: string; limitPrice?: number };
  unstake: { netuid: number; amount: string; hotkey?: string; limitPrice?: number };
  move_stake: { fromNetuid: number; toNetuid: number; amount: string; fromHotkey?: string; toHotkey?: string };
  /** Pays the current lock cost; `name`/`product` name the new subnet at once. */
  register_subnet: { name?: string; product?: string };
  /** An owner names its subnet and its product. */
  name_subnet: { name: string; product?: string };
  register_neuron: { netuid: number };
  set_weights: { netuid: number; uids: number[]; weights: number[] };
  /** Share of nominators' dividends the player's validator hotkey keeps, a fraction (0.18 = 18 %). */
  set_take: { take: number };
  /** A miner's compute spend, 0 (idle) to 1 (all out): its hidden quality follows it. */
  set_effort: { effort: number };
  /** An owner spends TAO of its wallet buying its subnet's alpha: net TAO inflow under Taoflow. */
  buy_back: { amount: string };
  /** Free TAO to another player. */
  transfer: { to: string; amount: string };
}
export type ActionType = keyof ActionPayloads;

/** The same actions after validation: amounts in rao. The room hands these to the game. */
export type ActionRequest =
  | { type: 'stake'; netuid: number; amount: Rao; hotkey?: string; limitPrice?: number }
  | { type: 'unstake'; netuid: number; amount: Rao; hotkey?: string; limitPrice?: number }
  | { type: 'move_stake'; fromNetuid: number; toNetuid: number; amount: Rao; fromHotkey?: string; toHotkey?: string }
  | { type: 'register_subnet'; name?: string; product?: string }
  | { type: 'name_subnet'; name: string; product?: string }
  | { type: 'register_neuron'; netuid: number }
  | { type: 'set_weights'; netuid: number; uids: number[]; weights: number[] }
  | { type: 'set_take'; take: number }
  | { type: 'set_effort'; effort: number }
  | { type: 'buy_back'; amount: Rao }
  | { type: 'transfer'; to: string; amount: Rao };

const limitPrice = optional(finite(0, 1e12));
const actionCheckers: { [T in ActionType]: Checker<Omit<Extract<ActionRequest, { type: T }>, 'type'>> } = {
  stake: object({ netuid: netuidField, amount, hotkey: optional(hotkeyField), limitPrice }),
  unstake: object({ netuid: netuidField, amount, hotkey: optional(hotkeyField), limitPrice }),
  move_stake: object({ fromNetuid: netuidField, toNetuid: netuidField, amount, fromHotkey: optional(hotkeyField), toHotkey: optional(hotkeyField) }),
  register_subnet: object({ name: optional(text(32)), product: optional(text(48)) }),
  name_subnet: object({ name: text(32), product: optional(text(48)) }),
  register_neuron: object({ netuid: netuidField }),
  set_weights: (v, f) => {
    const r = object({ netuid: netuidField, uids: list(integer(0, MAX_UID), MAX_WEIGHTS), weights: list(finite(0, 1e9), MAX_WEIGHTS) })(v, f);
    if (r.ok && r.value.uids.length !== r.value.weights.length) return refuse('INVALID_PAYLOAD', 'uids and weights must have the same length');
    if (r.ok && new Set(r.value.uids).size !== r.value.uids.length) return refuse('INVALID_PAYLOAD', 'uids must not repeat');
    return r;
  },
  set_take: object({ take: finite(0, 1) }),
  set_effort: object({ effort: finite(0, 1) }),
  buy_back: object({ amount }),
  transfer: object({ to: text(64), amount }),
};
export const ACTION_TYPES = Object.keys(actionCheckers) as ActionType[];

/** A scenario event the facilitator may fire (the game decides what each does to the chain). */
export type EventRequest =
  /** The block emission halves now, as if the next halving came early. */
  | { type: 'halving_now' }
  /** Outside holders sell `fraction` (0..1] of the alpha they hold in every subnet. */
  | { type: 'market_shock'; fraction: number }
  /** `tao` TAO flows into one subnet from outside over `blocks` blocks (the seed: 2,740 τ into Chutes in 9 h). */
  | { type: 'inflow_surge'; netuid: number; tao: Rao; blocks: number };
export const EVENT_TYPES = ['halving_now', 'market_shock', 'inflow_surge'] as const;

/** Facilitator controls. Each carries the secret `token` the creator received in `welcome`. */
export interface ControlPayloads {
  start: { token: string };
  pause: { token: string };
  resume: { token: string };
  /** Multiplier of the scenario's block rate (1 = as designed). */
  set_speed: { token: string; speed: number };
  trigger_event: { token: string; event: { type: 'halving_now' } | { type: 'market_shock'; fraction: number } | { type: 'inflow_surge'; netuid: number; tao: string; blocks: number } };
  remove_player: { token: string; playerId: string };
  add_bots: { token: string; role: PlayerRole; count: number; strategy?: string };
  remove_bot: { token: string; playerId: string };
  end_game: { token: string };
  /** A message on every screen (`announcement`); `pause` also pauses the game while people read it. */
  announce: { token: string; text: string; pause?: boolean };
  /** The debrief page every big screen shows (`debrief_page`); null takes it down. Works after the end. */
  show_debrief: { token: string; page: number | null };
}
export type ControlType = keyof ControlPayloads;

export type ControlRequest =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'end_game' }
  | { type: 'set_speed'; speed: number }
  | { type: 'trigger_event'; event: EventRequest }
  | { type: 'remove_player'; playerId: string }
  | { type: 'add_bots'; role: PlayerRole; count: number; strategy?: string }
  | { type: 'remove_bot'; playerId: string }
  | { type: 'announce'; text: string; pause?: boolean }
  | { type: 'show_debrief'; page: number | null };

export const MIN_SPEED = 0.1;
/** An announcement is read off a projector and a phone: a sentence or two. */
export const MAX_ANNOUNCEMENT = 200;
export const MAX_SPEED = 1000;
const token = text(64);
const eventChecker: Checker<EventRequest> = (v, f) => {
  const type = (v as { type?: unknown } | null)?.type;
  if (type === 'halving_now') return object({ type: oneOf(['halving_now']) })(v, f);
  if (type === 'market_shock') return object({ type: oneOf(['market_shock']), fraction: finite(0.001, 1) })(v, f);
  if (type === 'inflow_surge') return object({ type: oneOf(['inflow_surge']), netuid: integer(1, MAX_NETUID), tao: amount, blocks: integer(1, 1_000_000) })(v, f);
  return refuse('INVALID_PAYLOAD', `${f}.type must be one of ${EVENT_TYPES.join(', ')}`);
};
const controlCheckers: { [T in ControlType]: Checker<{ token: string } & Omit<Extract<ControlRequest, { type: T }>, 'type'>> } = {
  start: object({ token }),
  pause: object({ token }),
  resume: object({ token }),
  end_game: object({ token }),
  set_speed: object({ token, speed: finite(MIN_SPEED, MAX_SPEED) }),
  trigger_event: object({ token, event: eventChecker }),
  remove_player: object({ token, playerId: text(64) }),
  add_bots: object({ token, role: oneOf(PLAYER_ROLES), count: integer(1, 50), strategy: optional(text(32)) }),
  remove_bot: object({ token, playerId: text(64) }),
  announce: object({ token, text: text(MAX_ANNOUNCEMENT), pause: optional(bool) }),
  show_debrief: object({ token, page: nullable(integer(0, 20)) }),
};
export const CONTROL_TYPES = Object.keys(controlCheckers) as ControlType[];

/** Everything else a client may say. */
export interface QueryPayloads {
  /** The one subnet whose neuron table this client wants (`subnet_detail` messages); null for none. */
  watch_subnet: { netuid: number | null };
  /**
   * Ask for the downsampled time series (`series` message), e.g. when a chart opens. `netuids`
   * picks the subnets (≤ 32); by default the 12 with the largest emission share now.
   */
  get_series: { maxPoints?: number; netuids?: number[] };
  /** This game's debrief (`debrief` message): docs/WORKSHOP.md's questions with the room's own answers. */
  get_debrief: Record<string, never>;
}
export type QueryType = keyof QueryPayloads;
export type QueryRequest = { type: 'watch_subnet'; netuid: number | null } | { type: 'get_series'; maxPoints?: number; netuids?: number[] } | { type: 'get_debrief' };
/** Subnets in a `series` answer when the request names none: a full network's 128 would be ~1 MB. */
export const DEFAULT_SERIES_SUBNETS = 12;
const queryCheckers: { [T in QueryType]: Checker<Omit<Extract<QueryRequest, { type: T }>, 'type'>> } = {
  watch_subnet: object({ netuid: nullable(netuidField) }),
  get_series: object({ maxPoints: optional(integer(2, 2000)), netuids: optional(list(netuidField, 32)) }),
  get_debrief: object({}),
};

export type ClientMessageType = ActionType | ControlType | QueryType;
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
  if (Object.hasOwn(actionCheckers, type)) {
    const r = actionCheckers[type as ActionType](body, 'payload');
    return r.ok ? { ref, ok: true, value: { kind: 'action', request: { type, ...r.value } as ActionRequest } } : { ref, ...r };
  }
  if (Object.hasOwn(controlCheckers, type)) {
    const r = controlCheckers[type as ControlType](body, 'payload');
    if (!r.ok) return { ref, ...r };
    const { token: t, ...rest } = r.value;
    return { ref, ok: true, value: { kind: 'control', token: t, request: { type, ...rest } as ControlRequest } };
  }
  if (Object.hasOwn(queryCheckers, type)) {
    const r = queryCheckers[type as QueryType](body, 'payload');
    return r.ok ? { ref, ok: true, value: { kind: 'query', request: { type, ...r.value } as QueryRequest } } : { ref, ...r };
  }
  return { ref, ...refuse('UNKNOWN_MESSAGE', `unknown message type "${type.slice(0, 32)}"`) };
}

function stripRef(p: Record<string, unknown>): Record<string, unknown> {
  const { ref: _ref, ...rest } = p;
  return rest;
}

/** Every message type the server handles, for registering handlers and for documentation. */
export const CLIENT_MESSAGE_TYPES: readonly ClientMessageType[] = [...ACTION_TYPES, ...CONTROL_TYPES, ...(Object.keys(queryCheckers) as QueryType[])];

// Room options ------------------------------------------------------------------------------------

/** `client.create("arena", options)`. The creator is the facilitator. */
export interface CreateOptions {
  /** Scenario preset name (`workshop`, `mainnet`, `march-2026`, …). Default `workshop`. */
  preset?: string;
  /** Scenario settings that replace the preset's (validated by the game's scenario builder). */
  overrides?: Record<string, unknown>;
  /** Seed of the room's RNG: same seed + same action log ⇒ same game. Default: chosen by the server. */
  seed?: number | string;
  /** Creator's display name. */
  name?: string;
  /** The creator's own role; default `spectator` (a facilitator usually watches). */
  role?: JoinRole;
  /** true (default): blocks run at once. false: the room waits in its lobby until `start`. */
  autostart?: boolean;
  /** Listed among public games (lobby, `/api/games`, quick play). Default false. */
  public?: boolean;
  /** Bots fill this many player seats until people come (default: the scenario's). */
  seats?: number;
  /**
   * Re-run a stored game (finished or not) from its log as a spectator room: the same blocks and
   * actions at any speed (`set_speed`). Needs that game's facilitator token. The preset, seed and
   * overrides are the stored game's.
   */
  replay?: SourceGame;
  /**
   * A new game that starts from a stored game's state at `block` (default: where it got to): its
   * players keep their seats and tokens, and it runs on with its own code and facilitator token.
   */
  fork?: SourceGame;
}

/** A stored game to replay or fork, and the token of its facilitator. */
export interface SourceGame {
  code: string;
  token: string;
  block?: number;
}

/** `client.joinById(code, options)`. */
export interface JoinOptions {
  name?: string;
  role?: JoinRole;
  /** From an earlier `welcome`: rejoin as the same player (after a refresh) with holdings intact. */
  playerToken?: string;
  /** A program playing (an external bot): shown as a bot on the leaderboard. */
  bot?: boolean;
}

export const MAX_SEATS = 64;
export const createOptionsChecker = object({
  preset: optional(text(32)),
  overrides: optional(((v, f) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? { ok: true as const, value: v as Record<string, unknown> } : refuse('INVALID_OPTIONS', `${f} must be an object`)) as Checker<Record<string, unknown>>),
  seed: optional(((v, f) =>
    (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v.length > 0 && v.length <= 64)
      ? { ok: true as const, value: v as number | string }
      : refuse('INVALID_OPTIONS', `${f} must be a whole number or text up to 64 characters`)) as Checker<number | string>),
  name: optional(text(24)),
  role: optional(oneOf(JOIN_ROLES)),
  autostart: optional(((v, f) => (typeof v === 'boolean' ? { ok: true as const, value: v } : refuse('INVALID_OPTIONS', `${f} must be true or false`))) as Checker<boolean>),
  public: optional(((v, f) => (typeof v === 'boolean' ? { ok: true as const, value: v } : refuse('INVALID_OPTIONS', `${f} must be true or false`))) as Checker<boolean>),
  seats: optional(integer(0, MAX_SEATS)),
  replay: optional(object({ code: text(6), token: text(64), block: optional(integer(0, 1e9)) })),
  fork: optional(object({ code: text(6), token: text(64), block: optional(integer(0, 1e9)) })),
});

export const joinOptionsChecker = object({
  name: optional(text(24)),
  role: optional(oneOf(JOIN_ROLES)),
  playerToken: optional(text(64)),
  bot: optional(((v, f) => (typeof v === 'boolean' ? { ok: true as const, value: v } : refuse('INVALID_OPTIONS', `${f} must be true or false`))) as Checker<boolean>),
});
