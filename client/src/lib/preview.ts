// What an action would do if it were applied now, computed with the engine's own pool maths.
// A preview only: the server applies the real thing at the next block, against the state then.
import { formatAmount, mulDiv, parseAmount, type PoolLimits, quoteAlphaForTao, quoteMove, quoteTaoForAlpha, type Rao, spotPrice, type SwapQuote } from '../../../shared/engine/index.ts';
import type { PoolLimitsView } from '../../../shared/protocol/index.ts';

/** Pool reserves as the wire carries them: decimal strings of TAO and alpha. */
export interface PoolText {
  taoIn: string;
  alphaIn: string;
}

/** The game's pool rules as its welcome gave them (the fee's destination too); null before the welcome (previews then wait). */
export function poolLimits(view: PoolLimitsView | undefined): PoolLimits | null {
  const minPoolReserve = view ? parseAmount(view.minPoolReserve) : null;
  return view && typeof minPoolReserve === 'bigint' ? { feeRateU16: view.feeRateU16, maxSwapInputMultiplier: view.maxSwapInputMultiplier, minPoolReserve, rules: { swapFee: view.swapFee } } : null;
}

export type Preview =
  | { ok: true; receive: string; fee: string; slippage: number; priceAfter: number }
  | { ok: false; reason: string };

const AMOUNT_REASONS: Record<string, string> = {
  not_a_decimal: 'enter an amount like 12.5',
  too_many_decimals: 'at most 9 decimals',
  not_positive: 'enter more than zero',
  too_large: 'more than exists',
};

const SWAP_REASONS: Record<string, string> = {
  input_too_large: 'too large for this pool',
  reserve_too_small: 'would drain the pool',
  no_output: 'too small to buy anything',
};

function reserves(pool: PoolText): { taoIn: Rao; alphaIn: Rao } | null {
  const taoIn = parseAmount(pool.taoIn);
  const alphaIn = parseAmount(pool.alphaIn);
  return typeof taoIn === 'bigint' && typeof alphaIn === 'bigint' ? { taoIn, alphaIn } : null;
}

function done(q: SwapQuote | string): Preview {
  if (typeof q === 'string') return { ok: false, reason: SWAP_REASONS[q] ?? q };
  return { ok: true, receive: formatAmount(q.amountOut), fee: formatAmount(q.fee), slippage: q.slippage, priceAfter: q.priceAfter };
}

function amountOf(text: string): Rao | { ok: false; reason: string } {
  const rao = parseAmount(text.trim());
  return typeof rao === 'bigint' ? rao : { ok: false, reason: AMOUNT_REASONS[rao] ?? rao };
}

/** Stake `taoText` TAO: the alpha it buys, the fee and the price impact. */
export function stakePreview(pool: PoolText, taoText: string, limits: PoolLimits | null): Preview {
  const amount = amountOf(taoText);
  if (typeof amount !== 'bigint') return amount;
  const r = reserves(pool);
  return r && limits ? done(quoteTaoForAlpha(r, amount, limits)) : { ok: false, reason: 'pool not known yet' };
}

/** Unstake `alphaText` alpha: the TAO it pays. */
export function unstakePreview(pool: PoolText, alphaText: string, limits: PoolLimits | null): Preview {
  const amount = amountOf(alphaText);
  if (typeof amount !== 'bigint') return amount;
  const r = reserves(pool);
  return r && limits ? done(quoteAlphaForTao(r, amount, limits)) : { ok: false, reason: 'pool not known yet' };
}

/**
 * Move alpha: within a subnet it changes hotkey without a swap; across subnets it is sold into the
 * first pool and the TAO bought into the second, one fee in all, as the chain does. Slippage compounds.
 */
export function movePreview(from: PoolText, to: PoolText, alphaText: string, limits: PoolLimits | null): Preview {
  const amount = amountOf(alphaText);
  if (typeof amount !== 'bigint') return amount;
  const a = reserves(from);
  const b = reserves(to);
  if (!a || !b || !limits) return { ok: false, reason: 'pool not known yet' };
  if (from === to) return { ok: true, receive: formatAmount(amount), fee: formatAmount(0n), slippage: 0, priceAfter: spotPrice(a) };
  const q = quoteMove(a, b, amount, limits);
  if (typeof q === 'string') return done(q);
  // The fee is charged in alpha: shown in TAO at the first pool's spot price.
  const feeTao = mulDiv(q.sold.fee, a.taoIn, a.alphaIn);
  return { ok: true, receive: formatAmount(q.bought.amountOut), fee: formatAmount(feeTao), slippage: 1 - (1 - q.sold.slippage) * (1 - q.bought.slippage), priceAfter: q.bought.priceAfter };
}

/** Give `amountText` TAO away: what stays in a wallet holding `balance`. */
export function transferPreview(balance: string, amountText: string): { ok: true; keep: string } | { ok: false; reason: string } {
  const amount = amountOf(amountText);
  if (typeof amount !== 'bigint') return amount;
  const held = parseAmount(balance);
  if (typeof held !== 'bigint') return { ok: false, reason: 'balance not known yet' };
  return amount > held ? { ok: false, reason: 'more than your free balance' } : { ok: true, keep: formatAmount(held - amount) };
}
