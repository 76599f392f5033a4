import type { ChainError, ChainEvent, Hotkey, Netuid, Rao, Uid } from '../engine/index.ts';
import type { PlayerRole as Role } from '../protocol/fields.ts';
import type { ScenarioEvent } from '../protocol/scenario_events.ts';

/** The four seats of the game, declared with the wire's roles. */
export { PLAYER_ROLES as ROLES } from '../protocol/fields.ts';
export type { PlayerRole as Role } from '../protocol/fields.ts';

/** A player as the server names it (a session id, a bot seat id). */
export type PlayerId = string & { readonly __brand: 'PlayerId' };
export const playerId = (s: string) => s as PlayerId;

/** Why the game refused something: the chain's reasons plus the game's own. */
export type GameErrorCode =
  | ChainError['code']
  | 'UNKNOWN_PLAYER'
  | 'PLAYER_EXISTS'
  | 'PLAYER_GONE'
  | 'INVALID_PLAYER'
  | 'UNKNOWN_STRATEGY'
  | 'WRONG_ROLE'
  | 'NO_SUBNET'
  | 'INVALID_SCENARIO'
  | 'INVALID_EVENT'
  | 'GAME_OVER';

export interface GameError {
  code: GameErrorCode;
  message: string;
}

export const gameError = (code: GameErrorCode, message: string): GameError => ({ code, message });

/**
 * What a player asks for. The chain's actions without the signer (the game fills coldkey and the
 * player's own hotkey), plus the game's own moves. Amounts are rao.
 */
export type GameAction =
  | { type: 'stake'; hotkey: Hotkey; netuid: Netuid; amount: Rao; limitPrice?: number }
  | { type: 'unstake'; hotkey: Hotkey; netuid: Netuid; amount: Rao; limitPrice?: number }
  | { type: 'move_stake'; fromHotkey: Hotkey; toHotkey: Hotkey; fromNetuid: Netuid; toNetuid: Netuid; amount: Rao }
  /** Registers a subnet with the player's own hotkey as its owner key. */
  | { type: 'register_subnet' }
  /** Registers the player's own hotkey as a UID in a subnet. */
  | { type: 'register_neuron'; netuid: Netuid }
  | { type: 'set_weights'; netuid: Netuid; uids: Uid[]; weights: number[] }
  | { type: 'set_take'; takeU16: number }
  | { type: 'transfer'; to: PlayerId; amount: Rao }
  /** Miner: compute spend per tempo as a fraction of the scenario's full spend (0..1); hidden quality follows it. */
  | { type: 'set_effort'; effort: number }
  /** Owner: spend TAO buying the subnet's alpha behind the owner hotkey — net TAO inflow under Taoflow. */
  | { type: 'buy_back'; amount: Rao; netuid?: Netuid }
  /** Owner: the subnet's display name and product. */
  | { type: 'name_subnet'; name: string; product?: string; netuid?: Netuid };

export type GameActionType = GameAction['type'];

export type { ScenarioEvent } from '../protocol/scenario_events.ts';

/** What happened in the game: the chain's events plus the game's own, for feeds and logs. */
export type GameEvent =
  | ChainEvent
  | { type: 'player_joined'; block: number; player: PlayerId; role: Role; bot: string | null }
  | { type: 'player_left'; block: number; player: PlayerId; removed: boolean }
  | { type: 'effort_set'; block: number; player: PlayerId; effort: number }
  | { type: 'subnet_named'; block: number; netuid: Netuid; name: string; product: string }
  | { type: 'revenue'; block: number; netuid: Netuid; amount: Rao; quality: number }
  | { type: 'compute_paid'; block: number; player: PlayerId; amount: Rao }
  | { type: 'scenario_event'; block: number; event: ScenarioEvent }
  | { type: 'bot_refused'; block: number; player: PlayerId; action: GameActionType; error: GameError }
  | { type: 'game_over'; block: number };

export type ActResult = { ok: true; events: GameEvent[] } | { ok: false; error: GameError };
