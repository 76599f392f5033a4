import type { Coldkey, Hotkey, Netuid } from './ids.ts';
import type { Rao } from './money.ts';
import type { RngState } from './rng.ts';
import type { ChainParams } from './scenario.ts';

/** A neuron: one UID slot of a subnet, held by a hotkey. Epoch results are kept for display and pruning. */
export interface Neuron {
  hotkey: Hotkey;
  registeredAt: number;
  /** Block of the last set_weights (registration counts), for activity and weight masks. */
  lastUpdate: number;
  validatorPermit: boolean;
  consensus: number;
  incentive: number;
  dividends: number;
  validatorTrust: number;
  /** Alpha this UID received at the last epoch (incentive + dividends): the pruning score. */
  emission: Rao;
}

/** Emission accrued every block and paid out at the subnet's epoch (chain: Pending* storage). */
export interface PendingEmission {
  ownerCut: Rao;
  server: Rao;
  validator: Rao;
  root: Rao;
}

/** Who holds alpha on a subnet: hotkey → nominating coldkey → alpha (rao). */
export type StakeBook = Map<Hotkey, Map<Coldkey, Rao>>;

export interface Subnet {
  netuid: Netuid;
  owner: Coldkey;
  ownerHotkey: Hotkey;
  registeredAt: number;
  lockPaid: Rao;
  /** Pool reserves (SubnetTAO, SubnetAlphaIn) and alpha held as stake or pending (SubnetAlphaOut). */
  taoIn: Rao;
  alphaIn: Rao;
  alphaOut: Rao;
  /** SubnetMovingPrice (§8), a float in (0, 1]. */
  movingPrice: number;
  /** Net TAO staked in this block (SubnetTaoFlow, signed rao) and its EMA (SubnetEmaTaoFlow). */
  taoFlow: Rao;
  flowEma: number;
  /** Share of the last block's TAO emission (for display; recomputed each block). */
  emissionShare: number;
  lastTaoIn: Rao;
  pending: PendingEmission;
  lastEpochBlock: number;
  /** Neuron registration price and its 2025 adjustment counters. */
  burn: Rao;
  registrationsThisInterval: number;
  registrationsThisBlock: number;
  neurons: Neuron[];
  /** Stored weights and bonds per validator uid: dense u16 rows over current uids. */
  weights: Map<number, number[]>;
  bonds: Map<number, number[]>;
  stake: StakeBook;
  /** Alpha ever minted into and burned out of this subnet, for the conservation check. */
  alphaMinted: Rao;
  alphaBurned: Rao;
  /**
   * The part of `alphaBurned` the chain burns without lowering SubnetAlphaOut (burn_subnet_alpha,
   * staking/helpers.rs:416-418), so it still counts in the subnet's alpha issuance; recycled alpha
   * (helpers.rs:359) does not.
   */
  alphaBurnedInIssuance: Rao;
}

export interface HotkeyInfo {
  owner: Coldkey;
  takeU16: number;
}

/**
 * Where all TAO is. The modelled network is part of a larger supply: `outside` is TAO that exists
 * but sits with people not modelled (exchanges, customers). Conservation, exactly, at every block:
 * outside + Σ balances + Σ pools + root stake = issuance = initial + emitted − recycled.
 */
export interface TaoLedger {
  issuance: Rao;
  initialIssuance: Rao;
  outside: Rao;
  emitted: Rao;
  recycled: Rao;
}

export interface NetworkRegistration {
  lastLockCost: Rao;
  lastLockBlock: number;
  /** Block of the last subnet registration anywhere, for the chain-wide rate limit (−∞ as null). */
  lastRegistrationBlock: number | null;
}

export interface ChainState {
  version: 1;
  params: ChainParams;
  block: number;
  rng: RngState;
  /** Current TAO block emission, cached like the chain's BlockEmission (a halving shows as a change). */
  blockEmission: Rao;
  tao: TaoLedger;
  balances: Map<Coldkey, Rao>;
  hotkeys: Map<Hotkey, HotkeyInfo>;
  /** Root (netuid 0): TAO staked 1:1 behind hotkeys. */
  root: StakeBook;
  /** Indexed by netuid; null where no subnet is registered. Index 0 (root) is always null. */
  subnets: (Subnet | null)[];
  network: NetworkRegistration;
  /**
   * (hotkey, coldkey, netuid) that staked in the current block (StakingOperationRateLimiter,
   * stake_utils.rs:1261-1278): they may not unstake or move that stake away until the next block.
   */
  stakedThisBlock: Map<string, true>;
}

/** SubnetAlphaIn + SubnetAlphaOut as the chain counts it (get_alpha_issuance): what the alpha halvings read. */
export const alphaIssuance = (s: Subnet): Rao => s.alphaIn + s.alphaOut + s.alphaBurnedInIssuance;

export const noPending = (): PendingEmission => ({ ownerCut: 0n, server: 0n, validator: 0n, root: 0n });
