import type { Coldkey, Hotkey, Netuid, Uid } from './ids.ts';
import type { Rao } from './money.ts';

/**
 * What a signed extrinsic asks the chain to do. `coldkey` is the signer: the server fills it from
 * the session, never from a client's payload. Amounts are rao (bigint); the wire carries strings.
 */
export type Action =
  /** A wallet appears, funded with TAO from outside the modelled network (a player arriving). */
  | { type: 'create_wallet'; coldkey: Coldkey; balance: Rao }
  /** TAO arrives from outside the modelled network (a subnet product's customers paying). */
  | { type: 'credit'; coldkey: Coldkey; amount: Rao }
  /** TAO leaves the modelled network (a miner paying for compute). */
  | { type: 'debit'; coldkey: Coldkey; amount: Rao }
  /** Stake TAO into a subnet's pool behind a hotkey (root: 1:1, no pool). */
  | { type: 'stake'; coldkey: Coldkey; hotkey: Hotkey; netuid: Netuid; amount: Rao; limitPrice?: number }
  /** Unstake an amount of alpha back to TAO. */
  | { type: 'unstake'; coldkey: Coldkey; hotkey: Hotkey; netuid: Netuid; amount: Rao; limitPrice?: number }
  /** Unstake then stake: between hotkeys, subnets, or both. */
  | { type: 'move_stake'; coldkey: Coldkey; fromHotkey: Hotkey; toHotkey: Hotkey; fromNetuid: Netuid; toNetuid: Netuid; amount: Rao }
  /** Pay the network lock and create a subnet owned by this coldkey, with `hotkey` as its owner key. */
  | { type: 'register_subnet'; coldkey: Coldkey; hotkey: Hotkey }
  /** Burn-register `hotkey` as a neuron (UID) in a subnet. */
  | { type: 'register_neuron'; coldkey: Coldkey; hotkey: Hotkey; netuid: Netuid }
  /** A validator's weights over miners' UIDs (any non-negative numbers; stored max-upscaled to u16). */
  | { type: 'set_weights'; coldkey: Coldkey; hotkey: Hotkey; netuid: Netuid; uids: Uid[]; weights: number[] }
  /** The share of its nominators' dividends a hotkey keeps, in u16 (11 796 = 18 %). */
  | { type: 'set_take'; coldkey: Coldkey; hotkey: Hotkey; takeU16: number }
  /** Free TAO from one wallet to another. */
  | { type: 'transfer'; coldkey: Coldkey; to: Coldkey; amount: Rao };

export type ActionType = Action['type'];
