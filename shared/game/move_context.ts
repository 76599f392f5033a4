import type { Action, Chain, ChainEvent, Netuid, Subnet } from '../engine/index.ts';
import type { Player, SubnetLabel } from './state.ts';
import type { ActResult, PlayerId } from './types.ts';

/** What a player's move may use of the game: the chain, and the game's own books kept beside it. */
export interface MoveContext {
  readonly chain: Chain;
  readonly block: number;
  /** Subnets' display names and products, by netuid. */
  readonly labels: Record<string, SubnetLabel>;
  /** Applies a chain action; `after` runs only when the chain took it. */
  chainAct(action: Action, after?: (events: ChainEvent[]) => void): ActResult;
  /** Notes a stake position the player now holds (kept in the order opened: liquidation sells in that order). */
  open(p: Player, netuid: Netuid, hotkey: string): void;
  player(id: PlayerId): Player | undefined;
  /** The named subnet if the player owns it; without a name, its home if it still owns it; else null. */
  ownedSubnet(p: Player, netuid?: Netuid): Subnet | null;
}
