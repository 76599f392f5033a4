import type { Action } from './actions.ts';
import type { ChainError } from './errors.ts';
import { chainError, show } from './errors.ts';
import type { ChainEvent } from './events.ts';
import type { Coldkey, Hotkey, Netuid } from './ids.ts';
import { ROOT } from './ids.ts';
import type { Rao } from './money.ts';
import type { Plan } from './plan.ts';
import { checkAmount, checkBalance, checkWallet, credit, debit, findSubnet, firstRefusal, isRefusal } from './plan.ts';
import type { SwapQuote, SwapRefusal } from './pool.ts';
import { moveDestinationLimits, quoteAlphaForTao, quoteTaoForAlpha } from './pool.ts';
import { addStake, removeStake, stakeOf } from './stake_book.ts';
import type { ChainState, StakeBook } from './state.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

/** One side of a trade, checked and ready to write: how much comes out, and the write itself. */
interface Leg {
  out: Rao;
  commit: () => ChainEvent;
}

const poolRefusal = (r: SwapRefusal): ChainError =>
  chainError('POOL_LIMIT', r === 'input_too_large' ? 'amount is too large for this pool' : r === 'reserve_too_small' ? 'the pool would be left with too little' : 'amount is too small to buy anything');

function checkLimit(quote: SwapQuote, limitPrice: number | undefined, buying: boolean): ChainError | null {
  if (limitPrice === undefined) return null;
  if (!(typeof limitPrice === 'number' && limitPrice > 0 && Number.isFinite(limitPrice))) return chainError('INVALID_PAYLOAD', 'limit price must be a positive number');
  const breached = buying ? quote.priceAfter > limitPrice : quote.priceAfter < limitPrice;
  return breached ? chainError('SLIPPAGE_EXCEEDED', `the price would move to ${quote.priceAfter.toPrecision(6)}, past the limit ${limitPrice}`) : null;
}

const hotkeyExists = (state: ChainState, hk: Hotkey): ChainError | null => (state.hotkeys.has(hk) ? null : chainError('UNKNOWN_HOTKEY', `no hotkey ${show(hk)}`));

/** Where stake on a netuid is kept: root's book, or the subnet's. */
function stakeBook(state: ChainState, id: Netuid): StakeBook | ChainError {
  if (id === ROOT) return state.root;
  const s = findSubnet(state, id);
  return isRefusal(s) ? s : s.stake;
}

/**
 * (hotkey, coldkey, netuid) as StakingOperationRateLimiter keys it: a stake marks it for the rest of
 * the block, and an unstake or a move away from it is refused until then (stake_utils.rs:1261-1278).
 */
const stakeKey = (hk: Hotkey, ck: Coldkey, id: Netuid): string => `${id}\u0000${hk}\u0000${ck}`;

function checkNotStakedThisBlock(state: ChainState, ck: Coldkey, hk: Hotkey, id: Netuid): ChainError | null {
  return state.stakedThisBlock.has(stakeKey(hk, ck, id))
    ? chainError('STAKED_THIS_BLOCK', `this stake behind ${show(hk)} on subnet ${id} was added in this block; it can be unstaked or moved from the next block`)
    : null;
}

/**
 * TAO → alpha behind a hotkey (root: TAO held 1:1). Records the TAO inflow for Taoflow. `dropFee`:
 * the destination of a cross-subnet move pays no fee (move_stake.rs:355).
 */
function buyLeg(state: ChainState, ck: Coldkey, hk: Hotkey, id: Netuid, tao: Rao, limitPrice?: number, dropFee = false): Leg | ChainError {
  const refusal = hotkeyExists(state, hk);
  if (refusal) return refusal;
  if (tao < state.params.minStake) return chainError('AMOUNT_BELOW_MINIMUM', `the minimum stake is ${state.params.minStake} rao`);
  const event = (alpha: Rao): ChainEvent => {
    state.stakedThisBlock.set(stakeKey(hk, ck, id), true);
    return { type: 'staked', block: state.block, netuid: id, coldkey: ck, hotkey: hk, tao, alpha };
  };
  if (id === ROOT) return { out: tao, commit: () => (addStake(state.root, hk, ck, tao), event(tao)) };
  const s = findSubnet(state, id);
  if (isRefusal(s)) return s;
  const quote = quoteTaoForAlpha(s, tao, dropFee ? moveDestinationLimits(state.params) : state.params);
  if (typeof quote === 'string') return poolRefusal(quote);
  const limit = checkLimit(quote, limitPrice, true);
  if (limit) return limit;
  return {
    out: quote.amountOut,
    commit: () => {
      s.taoIn = quote.taoInAfter;
      s.alphaIn = quote.alphaInAfter;
      s.alphaOut += quote.amountOut;
      state.tao.outside += quote.authorFee;
      // record_tao_inflow(amount_paid_in): what entered the curve, the fee excluded (ECONOMICS §3.2).
      s.taoFlow += tao - quote.fee;
      addStake(s.stake, hk, ck, quote.amountOut);
      return event(quote.amountOut);
    },
  };
}

/** Alpha behind a hotkey → TAO (root: 1:1). Records the TAO outflow for Taoflow. */
function sellLeg(state: ChainState, ck: Coldkey, hk: Hotkey, id: Netuid, alpha: Rao, limitPrice?: number): Leg | ChainError {
  const book = stakeBook(state, id);
  if (isRefusal(book)) return book;
  const limited = checkNotStakedThisBlock(state, ck, hk, id);
  if (limited) return limited;
  const held = stakeOf(book, hk, ck);
  if (held < alpha) return chainError('INSUFFICIENT_STAKE', `stake behind ${show(hk)} is ${held} rao, less than ${alpha} rao`);
  const event = (tao: Rao): ChainEvent => ({ type: 'unstaked', block: state.block, netuid: id, coldkey: ck, hotkey: hk, tao, alpha });
  if (id === ROOT) return { out: alpha, commit: () => (removeStake(book, hk, ck, alpha), event(alpha)) };
  const s = state.subnets[id]!;
  const quote = quoteAlphaForTao(s, alpha, state.params);
  if (typeof quote === 'string') return poolRefusal(quote);
  if (quote.amountOut < state.params.minStake && alpha < held) return chainError('AMOUNT_BELOW_MINIMUM', `an unstake must be worth at least ${state.params.minStake} rao, or all of the stake`);
  const limit = checkLimit(quote, limitPrice, false);
  if (limit) return limit;
  return {
    out: quote.amountOut,
    commit: () => {
      s.taoIn = quote.taoInAfter;
      s.alphaIn = quote.alphaInAfter;
      s.alphaOut -= alpha;
      state.tao.outside += quote.authorFee;
      s.taoFlow -= quote.amountOut;
      removeStake(book, hk, ck, alpha);
      return event(quote.amountOut);
    },
  };
}

export function planStake(state: ChainState, a: Of<'stake'>): Plan {
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkAmount(a.amount),
    () => checkBalance(state, a.coldkey, a.amount),
  );
  if (refusal) return refusal;
  const leg = buyLeg(state, a.coldkey, a.hotkey, a.netuid, a.amount, a.limitPrice);
  if (isRefusal(leg)) return leg;
  return () => {
    debit(state, a.coldkey, a.amount);
    return [leg.commit()];
  };
}

export function planUnstake(state: ChainState, a: Of<'unstake'>): Plan {
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkAmount(a.amount),
  );
  if (refusal) return refusal;
  const leg = sellLeg(state, a.coldkey, a.hotkey, a.netuid, a.amount, a.limitPrice);
  if (isRefusal(leg)) return leg;
  return () => {
    const event = leg.commit();
    credit(state, a.coldkey, leg.out);
    return [event];
  };
}

/**
 * Unstake then stake the proceeds (move_stake.rs::transition_stake_internal). Within one subnet the
 * alpha moves between hotkeys without touching the pool (the chain's transfer within a subnet);
 * across subnets it is two swaps and one fee: the destination's is dropped unless the stake comes
 * from root (move_stake.rs:355), so the full TAO is the destination's inflow.
 */
export function planMoveStake(state: ChainState, a: Of<'move_stake'>): Plan {
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkAmount(a.amount),
    () => hotkeyExists(state, a.toHotkey),
  );
  if (refusal) return refusal;
  if (a.fromNetuid === a.toNetuid) {
    const book = stakeBook(state, a.fromNetuid);
    if (isRefusal(book)) return book;
    const limited = checkNotStakedThisBlock(state, a.coldkey, a.fromHotkey, a.fromNetuid);
    if (limited) return limited;
    const held = stakeOf(book, a.fromHotkey, a.coldkey);
    if (held < a.amount) return chainError('INSUFFICIENT_STAKE', `stake behind ${show(a.fromHotkey)} is ${held} rao, less than ${a.amount} rao`);
    return () => {
      removeStake(book, a.fromHotkey, a.coldkey, a.amount);
      addStake(book, a.toHotkey, a.coldkey, a.amount);
      return [];
    };
  }
  const sell = sellLeg(state, a.coldkey, a.fromHotkey, a.fromNetuid, a.amount);
  if (isRefusal(sell)) return sell;
  const buy = buyLeg(state, a.coldkey, a.toHotkey, a.toNetuid, sell.out, undefined, a.fromNetuid !== ROOT);
  if (isRefusal(buy)) return buy;
  return () => [sell.commit(), buy.commit()];
}
