import type { Action } from './actions.ts';
import { chainError } from './errors.ts';
import type { Uid } from './ids.ts';
import { uid as toUid } from './ids.ts';
import type { Rao } from './money.ts';
import { max, min } from './money.ts';
import type { Plan } from './plan.ts';
import { checkBalance, checkClaimableHotkey, checkWallet, claimHotkey, debit, findSubnet, firstRefusal, isRefusal } from './plan.ts';
import { quoteTaoForAlpha } from './pool.ts';
import type { ChainParams } from './scenario.ts';
import type { Subnet } from './state.ts';
import type { ChainState } from './state.ts';
import { newNeuron, uidOf } from './subnet.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

/**
 * The burn adjustment (block_step.rs:67-190, upgraded_burn 241-270), every AdjustmentInterval blocks:
 * next = α·burn + (1 − α)·burn·(regs + target)/(2·target), clamped to [MinBurn, MaxBurn], α being
 * AdjustmentAlpha (0.97 for every subnet do_register_network creates). More registrations than the
 * target raise the price; none lower it (by 1.5 % an interval at α = 0.97). With burn registrations
 * only (no PoW), 1..target registrations are the chain's case D, which lowers the PoW difficulty
 * and leaves the burn alone.
 */
export function adjustBurn(s: Subnet, block: number, p: ChainParams): void {
  s.registrationsThisBlock = 0;
  if (p.adjustmentInterval <= 0 || block % p.adjustmentInterval !== 0) return;
  const regs = s.registrationsThisInterval;
  s.registrationsThisInterval = 0;
  const target = p.targetRegistrationsPerInterval;
  if (target <= 0 || (regs > 0 && regs <= target)) return;
  const updated = (Number(s.burn) * (regs + target)) / (2 * target);
  const next = p.adjustmentAlpha * Number(s.burn) + (1 - p.adjustmentAlpha) * updated;
  // The chain's U110F18 truncates; float64 is exact to the rao below 2^53 rao (9 M TAO).
  s.burn = min(p.maxBurn, max(p.minBurn, BigInt(Math.floor(next))));
}

/**
 * registration.rs:261: at most factor × target registrations an interval (factor 0: no cap; no
 * interval, no cap either, since the count only restarts at an adjustment).
 */
export const intervalFull = (s: Subnet, p: ChainParams): boolean =>
  p.maxRegistrationsPerIntervalFactor > 0 && p.adjustmentInterval > 0 && s.registrationsThisInterval >= p.maxRegistrationsPerIntervalFactor * p.targetRegistrationsPerInterval;

/**
 * get_neuron_to_prune: when the subnet is full, the non-immune UID with the lowest emission (ties:
 * earliest registered, then lowest uid) — but only while more than MinNonImmuneUids non-immune
 * UIDs exist, a safety floor for the subnet's established neurons; otherwise the immune UID that
 * ranks lowest the same way. The owner's hotkey is never pruned. Null when nothing may go.
 */
export function neuronToPrune(s: Subnet, block: number, p: ChainParams): Uid | null {
  let free = 0;
  let bestFree = -1;
  let bestImmune = -1;
  // Scanning uids in order, a strict comparison leaves ties with the lower uid.
  const beats = (j: number, best: number) => {
    if (best < 0) return true;
    const n = s.neurons[j];
    const b = s.neurons[best];
    return n.emission !== b.emission ? n.emission < b.emission : n.registeredAt < b.registeredAt;
  };
  s.neurons.forEach((n, j) => {
    if (n.hotkey === s.ownerHotkey) return;
    if (block - n.registeredAt < p.neuronImmunityPeriod) {
      if (beats(j, bestImmune)) bestImmune = j;
    } else {
      free++;
      if (beats(j, bestFree)) bestFree = j;
    }
  });
  if (bestFree >= 0 && free > p.minNonImmuneUids) return toUid(bestFree);
  return bestImmune >= 0 ? toUid(bestImmune) : null;
}

/**
 * burned_register: the burn is swapped into the pool and the alpha it buys is burned, so the TAO
 * stays in the pool and raises the price. A full subnet replaces its weakest UID.
 */
export function planRegisterNeuron(state: ChainState, a: Of<'register_neuron'>): Plan {
  const p = state.params;
  const s = findSubnet(state, a.netuid);
  if (isRefusal(s)) return s;
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkClaimableHotkey(state, a.coldkey, a.hotkey),
    () => (uidOf(s, a.hotkey) >= 0 ? chainError('ALREADY_REGISTERED', `${a.hotkey} already holds a UID in subnet ${a.netuid}`) : null),
    () => (s.registrationsThisBlock >= p.maxRegistrationsPerBlock ? chainError('RATE_LIMITED', 'this subnet has had its registration for this block; try next block') : null),
    () =>
      intervalFull(s, p)
        ? chainError('TOO_MANY_REGISTRATIONS', `subnet ${a.netuid} has had its ${s.registrationsThisInterval} registrations for this interval; next interval in ${p.adjustmentInterval - (state.block % p.adjustmentInterval)} blocks`)
        : null,
    () => checkBalance(state, a.coldkey, s.burn),
  );
  if (refusal) return refusal;
  const full = s.neurons.length >= p.maxAllowedUids;
  const slot = full ? neuronToPrune(s, state.block, p) : toUid(s.neurons.length);
  if (slot === null) return chainError('REGISTRATIONS_FULL', `subnet ${a.netuid} has no UID that can be replaced`);
  const burn: Rao = s.burn;
  const quote = quoteTaoForAlpha(s, burn, p);
  if (typeof quote === 'string') return chainError('POOL_LIMIT', 'the pool cannot take this registration burn');
  return () => {
    debit(state, a.coldkey, burn);
    s.taoIn = quote.taoInAfter;
    s.alphaIn = quote.alphaInAfter;
    s.alphaBurned += quote.amountOut;
    state.tao.outside += quote.authorFee;
    claimHotkey(state, a.coldkey, a.hotkey);
    const replaced = full ? s.neurons[slot].hotkey : null;
    s.neurons[slot] = newNeuron(a.hotkey, state.block);
    clearUid(s, slot);
    s.registrationsThisBlock++;
    s.registrationsThisInterval++;
    const registered = { type: 'neuron_registered' as const, block: state.block, netuid: s.netuid, uid: slot, hotkey: a.hotkey, burn };
    return replaced ? [{ type: 'neuron_pruned', block: state.block, netuid: s.netuid, uid: slot, hotkey: replaced }, registered] : [registered];
  };
}

/** A re-registered UID starts clean: its weights row goes, and nobody's weights or bonds point at it. */
function clearUid(s: Subnet, j: number): void {
  s.weights.delete(j);
  s.bonds.delete(j);
  for (const rows of [s.weights, s.bonds]) for (const row of rows.values()) if (j < row.length) row[j] = 0;
}
