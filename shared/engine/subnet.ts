import type { Coldkey, Hotkey, Netuid } from './ids.ts';
import type { Rao } from './money.ts';
import type { ChainParams } from './scenario.ts';
import type { Neuron, Subnet } from './state.ts';
import { noPending } from './state.ts';

/** A fresh subnet with its pool seeded; the owner's hotkey takes UID 0, as do_register_network does. */
export function newSubnet(args: { netuid: Netuid; owner: Coldkey; ownerHotkey: Hotkey; block: number; lockPaid: Rao; taoIn: Rao; alphaIn: Rao }, p: ChainParams): Subnet {
  return {
    netuid: args.netuid,
    owner: args.owner,
    ownerHotkey: args.ownerHotkey,
    registeredAt: args.block,
    lockPaid: args.lockPaid,
    taoIn: args.taoIn,
    alphaIn: args.alphaIn,
    alphaOut: 0n,
    movingPrice: 0,
    taoFlow: 0n,
    flowEma: 0,
    emissionShare: 0,
    lastTaoIn: 0n,
    pending: noPending(),
    lastEpochBlock: args.block,
    burn: p.initialBurn,
    registrationsThisInterval: 0,
    registrationsThisBlock: 0,
    neurons: [newNeuron(args.ownerHotkey, args.block)],
    weights: new Map(),
    bonds: new Map(),
    stake: new Map(),
    alphaMinted: args.alphaIn,
    alphaBurned: 0n,
    alphaBurnedInIssuance: 0n,
  };
}

export const newNeuron = (hotkey: Hotkey, block: number): Neuron => ({
  hotkey,
  registeredAt: block,
  lastUpdate: block,
  validatorPermit: false,
  consensus: 0,
  incentive: 0,
  dividends: 0,
  validatorTrust: 0,
  emission: 0n,
});

/**
 * recycle_subnet_alpha (staking/helpers.rs:359): the alpha leaves alpha_out, so the subnet's alpha
 * issuance falls and its next alpha halving moves away.
 */
export function recycleAlpha(s: Subnet, amount: Rao): void {
  if (amount <= 0n) return;
  s.alphaOut -= amount;
  s.alphaBurned += amount;
}

/**
 * burn_subnet_alpha (staking/helpers.rs:416-418) does nothing to the chain's counters: the alpha is
 * held by no one, yet still counts in the subnet's alpha issuance.
 */
export function burnAlpha(s: Subnet, amount: Rao): void {
  if (amount <= 0n) return;
  recycleAlpha(s, amount);
  s.alphaBurnedInIssuance += amount;
}

export const uidOf = (s: Subnet, hk: Hotkey): number => s.neurons.findIndex((n) => n.hotkey === hk);
