import type { Action } from './actions.ts';
import { chainError } from './errors.ts';
import type { ChainEvent } from './events.ts';
import type { Coldkey, Netuid } from './ids.ts';
import { netuid as toNetuid } from './ids.ts';
import type { Rao } from './money.ts';
import { apportionExact, max, RAO_PER_TAO } from './money.ts';
import type { Plan } from './plan.ts';
import { checkBalance, checkClaimableHotkey, checkWallet, claimHotkey, credit, debit, firstRefusal, recycleTao } from './plan.ts';
import type { ChainState, Subnet } from './state.ts';
import { newSubnet } from './subnet.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

/**
 * get_network_lock_cost: each registration doubles the last lock paid (L), which then falls
 * linearly by L per reduction interval (scaled by the block emission, so it halves with it) down
 * to the minimum lock.
 */
export function networkLockCost(state: ChainState): Rao {
  const p = state.params;
  const { lastLockCost, lastLockBlock } = state.network;
  const mult = lastLockBlock === 0 ? 1n : 2n;
  const interval = max(1n, (BigInt(p.networkLockReductionInterval) * state.blockEmission) / RAO_PER_TAO);
  const decay = (lastLockCost / interval) * BigInt(Math.max(0, state.block - lastLockBlock));
  const cost = mult * lastLockCost - decay;
  return max(p.networkMinLockCost, cost);
}

export const subnetCount = (state: ChainState): number => state.subnets.reduce((n, s) => n + (s ? 1 : 0), 0);

/**
 * get_network_to_prune: among subnets past their immunity, the lowest moving (EMA) price; ties go to
 * the earliest registered, then the lowest netuid. Null when every subnet is still immune.
 */
export function subnetToPrune(state: ChainState): Subnet | null {
  let pick: Subnet | null = null;
  for (const s of state.subnets) {
    if (!s || state.block < s.registeredAt + state.params.networkImmunityPeriod) continue;
    if (!pick || s.movingPrice < pick.movingPrice || (s.movingPrice === pick.movingPrice && s.registeredAt < pick.registeredAt)) pick = s;
  }
  return pick;
}

/** The netuid a registration would take now, or null if slots are full and none can be pruned. */
function slotFor(state: ChainState): { netuid: Netuid; prune: Subnet | null } | null {
  if (subnetCount(state) >= state.params.subnetLimit) {
    const prune = subnetToPrune(state);
    return prune ? { netuid: prune.netuid, prune } : null;
  }
  for (let id = 1; ; id++) if (!state.subnets[id]) return { netuid: toNetuid(id), prune: null };
}

export function planRegisterSubnet(state: ChainState, a: Of<'register_subnet'>): Plan {
  const p = state.params;
  const cost = networkLockCost(state);
  const last = state.network.lastRegistrationBlock;
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkClaimableHotkey(state, a.coldkey, a.hotkey),
    () => (last !== null && state.block - last < p.networkRateLimit ? chainError('RATE_LIMITED', `one subnet may be registered every ${p.networkRateLimit} blocks; next at block ${last + p.networkRateLimit}`) : null),
    () => checkBalance(state, a.coldkey, cost),
  );
  if (refusal) return refusal;
  const slot = slotFor(state);
  if (!slot) return chainError('SUBNET_LIMIT_REACHED', `all ${p.subnetLimit} subnet slots are taken and none is past its immunity period`);
  return () => {
    const events: ChainEvent[] = slot.prune ? [dissolveSubnet(state, slot.prune)] : [];
    debit(state, a.coldkey, cost);
    // 2025: the pool is seeded with the minimum lock at price 1.0; the rest of the lock is recycled.
    const poolTao = p.networkMinLockCost < cost ? p.networkMinLockCost : cost;
    recycleTao(state, cost - poolTao);
    claimHotkey(state, a.coldkey, a.hotkey);
    state.subnets[slot.netuid] = newSubnet({ netuid: slot.netuid, owner: a.coldkey, ownerHotkey: a.hotkey, block: state.block, lockPaid: cost, taoIn: poolTao, alphaIn: poolTao }, p);
    state.network = { lastLockCost: cost, lastLockBlock: state.block, lastRegistrationBlock: state.block };
    events.push({ type: 'subnet_registered', block: state.block, netuid: slot.netuid, owner: a.coldkey, hotkey: a.hotkey, lockCost: cost });
    return events;
  };
}

/**
 * do_dissolve_network: the pool's TAO goes to the subnet's stakers pro rata to the alpha they hold
 * (not its AMM value); pending emission and the subnet's alpha vanish with it. With no stakers
 * the TAO is recycled.
 */
export function dissolveSubnet(state: ChainState, s: Subnet): ChainEvent {
  const holders: { ck: Coldkey; alpha: Rao }[] = [];
  for (const row of s.stake.values()) for (const [ck, alpha] of row) holders.push({ ck, alpha });
  const parts = apportionExact(s.taoIn, holders.map((h) => h.alpha));
  let refunded = 0n;
  holders.forEach((h, i) => {
    credit(state, h.ck, parts[i]);
    refunded += parts[i];
  });
  const recycled = s.taoIn - refunded;
  recycleTao(state, recycled);
  state.subnets[s.netuid] = null;
  return { type: 'subnet_pruned', block: state.block, netuid: s.netuid, owner: s.owner, refunded, recycled };
}
