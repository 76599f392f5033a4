import type { Rao } from './money.ts';

/** A subnet's AMM reserves: SubnetTAO and SubnetAlphaIn. */
export interface Reserves {
  taoIn: Rao;
  alphaIn: Rao;
}

export const U16_MAX = 65_535n;

/** Spot price of alpha in TAO (TAO in pool ÷ alpha in pool), a float for display, EMAs and shares. */
export const spotPrice = (r: Reserves): number => (r.alphaIn > 0n ? Number(r.taoIn) / Number(r.alphaIn) : 0);

/** Fee taken from the input token: floor(amount · FeeRate / 65535) (impls.rs::calculate_fee_amount). */
export const swapFee = (amount: Rao, feeRateU16: number): Rao => (amount * BigInt(feeRateU16)) / U16_MAX;

/** The outcome of one swap, before it is applied. Reserve deltas are signed changes to the pool. */
export interface SwapQuote {
  /** What the swapper pays in (TAO for a stake, alpha for an unstake), fee included. */
  amountIn: Rao;
  fee: Rao;
  /** What the swapper receives (alpha for a stake, TAO for an unstake). */
  amountOut: Rao;
  taoInAfter: Rao;
  alphaInAfter: Rao;
  priceBefore: number;
  priceAfter: number;
  /** Relative price impact versus the spot price, in [0, 1): 1 − effective price / spot. */
  slippage: number;
}

export type SwapRefusal = 'input_too_large' | 'reserve_too_small' | 'no_output';

/**
 * Constant-product swaps in the 2025 pool (V2 curve; the V3 pallet's full-range protocol position
 * behaves the same). The fee is taken from the input and stays in the pool, as the V3 position's
 * fees did in that era. The output floors, as the chain does.
 */
function constantProduct(reserveIn: Rao, reserveOut: Rao, amountIn: Rao, feeRateU16: number, maxInputMultiplier: number, minReserve: Rao) {
  const fee = swapFee(amountIn, feeRateU16);
  const net = amountIn - fee;
  if (net > reserveIn * BigInt(maxInputMultiplier)) return 'input_too_large' as const;
  const out = (reserveOut * net) / (reserveIn + net);
  if (out <= 0n) return 'no_output' as const;
  if (reserveOut - out < minReserve) return 'reserve_too_small' as const;
  return { fee, out, reserveInAfter: reserveIn + amountIn, reserveOutAfter: reserveOut - out };
}

export interface PoolLimits {
  feeRateU16: number;
  maxSwapInputMultiplier: number;
  minPoolReserve: Rao;
}

/** Stake: TAO in, alpha out. */
export function quoteTaoForAlpha(r: Reserves, tao: Rao, limits: PoolLimits): SwapQuote | SwapRefusal {
  const res = constantProduct(r.taoIn, r.alphaIn, tao, limits.feeRateU16, limits.maxSwapInputMultiplier, limits.minPoolReserve);
  if (typeof res === 'string') return res;
  const after = { taoIn: res.reserveInAfter, alphaIn: res.reserveOutAfter };
  const before = spotPrice(r);
  const effective = Number(tao) / Number(res.out);
  return { amountIn: tao, fee: res.fee, amountOut: res.out, taoInAfter: after.taoIn, alphaInAfter: after.alphaIn, priceBefore: before, priceAfter: spotPrice(after), slippage: Math.max(0, 1 - before / effective) };
}

/** Unstake: alpha in, TAO out. */
export function quoteAlphaForTao(r: Reserves, alpha: Rao, limits: PoolLimits): SwapQuote | SwapRefusal {
  const res = constantProduct(r.alphaIn, r.taoIn, alpha, limits.feeRateU16, limits.maxSwapInputMultiplier, limits.minPoolReserve);
  if (typeof res === 'string') return res;
  const after = { taoIn: res.reserveOutAfter, alphaIn: res.reserveInAfter };
  const before = spotPrice(r);
  const effective = Number(res.out) / Number(alpha);
  return { amountIn: alpha, fee: res.fee, amountOut: res.out, taoInAfter: after.taoIn, alphaInAfter: after.alphaIn, priceBefore: before, priceAfter: spotPrice(after), slippage: Math.max(0, 1 - effective / before) };
}
