import type { Hotkey, Netuid, Rao, RngState, Uid } from '../engine/index.ts';
import type { GameAction, Role } from '../game/types.ts';

/** One subnet as any player can see it on the chain. */
export interface SubnetView {
  netuid: Netuid;
  name: string;
  ownerHotkey: Hotkey;
  taoIn: Rao;
  alphaIn: Rao;
  price: number;
  /** The price right after the subnet's last epoch (about a tempo ago); the spot price before its first. */
  lastEpochPrice: number;
  movingPrice: number;
  flowEma: number;
  emissionShare: number;
  /** Neuron registration price now, and whether this block's registrations are used up. */
  burn: Rao;
  registrationOpen: boolean;
  neurons: number;
  /** Validators holding a permit, by stake (most first). */
  validators: { hotkey: Hotkey; uid: Uid; stake: Rao }[];
  /** Miners (UIDs without a permit, the owner's UID 0 excluded) in uid order. */
  miners: { hotkey: Hotkey; uid: Uid }[];
  /** How many miners there are: `miners.length` without listing them (a bot comparing all subnets needs only this). */
  minerCount: number;
}

/** Alpha a player holds behind one hotkey on one subnet. */
export interface PositionView {
  hotkey: Hotkey;
  netuid: Netuid;
  alpha: Rao;
}

/** What a player knows about itself. */
export interface SelfView {
  role: Role;
  hotkey: Hotkey;
  balance: Rao;
  /** The subnet the player works in (an owner's subnet, a miner's or validator's), if any. */
  home: Netuid | null;
  /** The player's UID there, if its hotkey holds one. */
  uid: Uid | null;
  /** Every subnet where the player's hotkey holds a UID. */
  registeredIn: Netuid[];
  permit: boolean;
  /** First block at which a set_weights from this UID passes the rate limit. */
  weightsReadyAt: number;
  /** A miner's chosen effort (0..1); its resulting quality is hidden even from itself. */
  effort: number;
  /** The miner's share of its subnet's incentive at the last epoch. */
  incentive: number;
  positions: PositionView[];
  /** Whether the player owns the subnet `home`. */
  owner: boolean;
}

/** What a bot sees when it decides: the chain's public state, its own wallet, its private observations. */
export interface BotView {
  block: number;
  tempo: number;
  minStake: Rao;
  /** Lock cost now, and whether a subnet registration would be accepted by slot and rate limit. */
  lockCost: Rao;
  subnetRegistrationOpen: boolean;
  computeCostPerTempo: Rao;
  pool: { feeRateU16: number; maxSwapInputMultiplier: number; minPoolReserve: Rao };
  subnets: SubnetView[];
  me: SelfView;
  /** A validator's noisy readings of each UID's quality in its subnet (by uid), or null. */
  observations: number[] | null;
}

/** A named bot behaviour: pure, observed state and the RNG in, actions out. */
export type Strategy = (view: BotView, rng: RngState) => GameAction[];
