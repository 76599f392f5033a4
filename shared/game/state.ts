import type { Coldkey, Hotkey, Netuid, Rao, RngState } from '../engine/index.ts';
import type { Scenario } from './scenario.ts';
import type { SeriesData } from './series.ts';
import type { Story } from './story.ts';
import type { PlayerId, Role } from './types.ts';

/** A player: a wallet with a role, what the game tracks for its score, and a miner's or validator's private state. */
export interface Player {
  id: PlayerId;
  name: string;
  role: Role;
  /** The strategy name for a bot seat; null for a person. */
  bot: string | null;
  coldkey: Coldkey;
  hotkey: Hotkey;
  joinedAt: number;
  /** The subnet it works in (owner's subnet, miner's or validator's); null for a staker. */
  home: Netuid | null;
  /** Miner: chosen effort (0..1), talent (the quality full effort buys) and the hidden quality itself. */
  effort: number;
  talent: number;
  quality: number;
  /** Validator: its own noise stream and its latest readings of each UID's quality (by uid). */
  noise: RngState | null;
  observations: number[];
  /** TAO the player was given at the start (its kit): the base of "change since start". */
  startWorth: Rao;
  /** The business line: product revenue in, minus compute bills, subnet locks and registration burns paid. */
  business: Rao;
  /** Emission received (incentive, dividends, owner cut), valued in TAO at the price it arrived at. */
  emissionIncome: Rao;
  /** Stake positions the player has opened, as "netuid:hotkey", in the order they were opened. */
  positions: string[];
  connected: boolean;
  removed: boolean;
}

/** Incumbents of a genesis subnet: they are the network the players arrive in, not players. */
export interface Incumbents {
  netuid: Netuid;
  owner: Coldkey;
  coldkey: Coldkey;
  validators: Hotkey[];
  /** Fixed quality of each incumbent miner, by hotkey. */
  minerQuality: Record<string, number>;
  /** Each incumbent validator's own noise stream (same order as validators). */
  noise: RngState[];
}

/** Outside money arriving in one subnet over a number of blocks. */
export interface Surge {
  netuid: Netuid;
  left: Rao;
  blocksLeft: number;
}

export interface SubnetLabel {
  name: string;
  product: string;
}

/** Everything the game adds to the chain, as one serialisable record. */
export interface GameState {
  version: 1;
  seed: string;
  scenario: Scenario;
  startBlock: number;
  players: Player[];
  labels: Record<string, SubnetLabel>;
  /** Each subnet's spot price right after its last epoch, for "since the last epoch" trends. */
  epochPrices: Record<string, number>;
  incumbents: Incumbents[];
  /** The outside market's wallet: holds alpha at genesis, sells in a shock, buys in a surge. */
  market: Coldkey;
  surges: Surge[];
  botSeats: number;
  over: boolean;
  series: SeriesData;
  story: Story;
}
