import type { ChainParams, Rao } from '../engine/index.ts';
import type { Role, ScenarioEvent } from './types.ts';

/** What a player of a role starts with: TAO from outside, and what the kit does with it at join. */
export interface Kit {
  tao: Rao;
  /** Validator/miner: register the player's hotkey as a UID. Owner: register a subnet if a slot and the lock allow. */
  register: boolean;
  /** Validator: TAO staked on its own hotkey at join, so it earns a validator permit at the next epoch. */
  selfStake: Rao;
}

/** A bot seat the game keeps filled. */
export interface BotSeat {
  role: Role;
  strategy: string;
}

export interface ScheduledEvent {
  block: number;
  event: ScenarioEvent;
}

/** The game's economy: how effort becomes quality, quality revenue, and how often things happen. */
export interface Economy {
  /** TAO a subnet's product earns per tempo when its miners' quality is 1 (revenue ∝ quality). */
  revenuePerTempo: Rao;
  /** TAO a miner's compute costs per tempo at effort 1 (spend ∝ effort). */
  computeCostPerTempo: Rao;
  /** Blocks for a miner's hidden quality to close half the gap to what its effort buys. */
  qualityHalfLifeBlocks: number;
  /** Standard deviation of a validator's observation noise (quality is 0..1). */
  observationNoise: number;
  /** Blocks between refreshes of the players' validators' observations. */
  observeEvery: number;
  /** Blocks between two decisions of one bot. */
  botEvery: number;
  /** Share of its TAO a genesis subnet's (non-player) owner buys back at each epoch. */
  populationBuyback: number;
}

/** A subnet that exists at block 0, with the people already working in it. */
export interface GenesisSubnetSpec {
  name: string;
  product: string;
  /** Pool reserves once the outside holders have bought their alpha (approximately: fees move it a little). */
  taoIn: Rao;
  price: number;
  /** Taoflow EMA (rao per block, signed): what sets the subnet's share of emission at the start. */
  flowEma: number;
  /** TAO the outside holders have staked into the subnet, delegated to its validators. */
  marketStake: Rao;
  validators: number;
  miners: number;
  /** Range of the incumbent miners' (fixed) quality. */
  minerQuality: [number, number];
}

export interface GameSettings {
  blocksPerSecond: number;
  durationBlocks: number;
  /** Blocks between two samples of every subnet in the time series (network rows are every block). */
  seriesEvery: number;
  kits: Record<Role, Kit>;
  bots: BotSeat[];
  schedule: ScheduledEvent[];
  economy: Economy;
}

/** A whole game as data: the chain's constants, what exists at block 0, and the game's rules. */
export interface Scenario {
  name: string;
  chain: ChainParams;
  /** TAO issued before block 0: sets where on the halving schedule the game starts. */
  initialIssuance: Rao;
  subnets: GenesisSubnetSpec[];
  game: GameSettings;
}
