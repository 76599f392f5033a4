import type { Coldkey, Hotkey, Netuid, Uid } from './ids.ts';
import type { Rao } from './money.ts';

/** What happened on the chain, returned by `apply` and `step` for feeds, charts and logs. */
export type ChainEvent =
  | { type: 'block_emission'; block: number; emission: Rao; injected: Rao }
  | { type: 'halving'; block: number; emission: Rao; issuance: Rao }
  | { type: 'alpha_halving'; block: number; netuid: Netuid; emission: Rao }
  /**
   * A subnet's epoch payout. `burned` is all alpha nobody received; `ownerBurned` the part of it that
   * was miners' incentive landing on the owner's own hotkeys (the owner burning miner emission).
   */
  | { type: 'epoch'; block: number; netuid: Netuid; distributed: Rao; ownerCut: Rao; incentive: Rao; dividends: Rao; burned: Rao; ownerBurned: Rao }
  | { type: 'subnet_registered'; block: number; netuid: Netuid; owner: Coldkey; hotkey: Hotkey; lockCost: Rao }
  | { type: 'subnet_pruned'; block: number; netuid: Netuid; owner: Coldkey; refunded: Rao; recycled: Rao }
  | { type: 'neuron_registered'; block: number; netuid: Netuid; uid: Uid; hotkey: Hotkey; burn: Rao }
  | { type: 'neuron_pruned'; block: number; netuid: Netuid; uid: Uid; hotkey: Hotkey }
  | { type: 'staked'; block: number; netuid: Netuid; coldkey: Coldkey; hotkey: Hotkey; tao: Rao; alpha: Rao }
  | { type: 'unstaked'; block: number; netuid: Netuid; coldkey: Coldkey; hotkey: Hotkey; tao: Rao; alpha: Rao }
  | { type: 'weights_set'; block: number; netuid: Netuid; uid: Uid }
  | { type: 'wallet_created'; block: number; coldkey: Coldkey; balance: Rao }
  | { type: 'take_set'; block: number; hotkey: Hotkey; takeU16: number }
  | { type: 'transferred'; block: number; from: Coldkey | null; to: Coldkey | null; amount: Rao };
