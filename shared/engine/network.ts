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
    // After the pruned subnet is gone: it no longer counts towards the median price.
    const pool = openingPool(state, cost);
    recycleTao(state, cost - pool.taoIn);
    claimHotkey(state, a.coldkey, a.hotkey);
    state.subnets[slot.netuid] = newSubnet({ netuid: slot.netuid, owner: a.coldkey, ownerHotkey: a.hotkey, block: state.block, lockPaid: cost, taoIn: pool.taoIn, alphaIn: pool.alphaIn }, p);
    state.network = { lastLockCost: cost, lastLockBlock: state.block, lastRegistrationBlock: state.block };
    events.push({ type: 'subnet_registered', block: state.block, netuid: slot.netuid, owner: a.coldkey, hotkey: a.hotkey, lockCost: cost });
    return events;
  };
}

/** The pool a new subnet opens with, by the scenario's rule version; TAO not pooled is recycled. */
function openingPool(state: ChainState, lock: Rao): { taoIn: Rao; alphaIn: Rao } {
  const p = state.params;
  if (p.rules.subnetPool === 'min-lock-at-par') {
    const taoIn = p.networkMinLockCost < lock ? p.networkMinLockCost : lock;
    return { taoIn, alphaIn: taoIn };
  }
  // floor(lock / median); at least one rao, so even an absurd median leaves a pool with a price.
  const m = medianSubnetPrice(state);
  return { taoIn: lock, alphaIn: max(1n, (lock * m.alpha) / m.tao) };
}

/**
 * get_median_subnet_alpha_price: the median spot price (TAO per alpha) over registered subnets with
 * a positive price, the mean of the two middle ones for an even count, 1 when there are none. Kept
 * as an exact fraction tao/alpha (the chain rounds it to U64F64; the difference is below a rao here).
 */
export function medianSubnetPrice(state: ChainState): { tao: Rao; alpha: Rao } {
  const prices = state.subnets.filter((s): s is Subnet => s !== null && s.taoIn > 0n && s.alphaIn > 0n).map((s) => ({ tao: s.taoIn, alpha: s.alphaIn }));
  if (prices.length === 0) return { tao: 1n, alpha: 1n };
  prices.sort((x, y) => {
    const d = x.tao * y.alpha - y.tao * x.alpha;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  });
  const hi = prices[prices.length >> 1];
  if (prices.length % 2 === 1) return hi;
  const lo = prices[(prices.length >> 1) - 1];
  return { tao: lo.tao * hi.alpha + hi.tao * lo.alpha, alpha: 2n * lo.alpha * hi.alpha };
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
