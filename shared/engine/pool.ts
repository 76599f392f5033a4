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
  /** TAO the fee pays the block author (outside the modelled network); 0 when fees stay in the pool. */
  authorFee: Rao;
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
 * behaves the same). The fee is taken from the input; by the `swapFee` rule it stays in the pool,
 * as the V3 position's fees did, or goes to the block author (from 2026-03-11): a TAO fee leaves
 * the pool, an alpha fee is sold into it fee-free and its TAO leaves (swap_step.rs::process_swap,
 * stake_utils.rs unstake_from_subnet). The output floors, as the chain does.
 */
function constantProduct(reserveIn: Rao, reserveOut: Rao, amountIn: Rao, limits: PoolLimits, inputIsTao: boolean) {
  const fee = swapFee(amountIn, limits.feeRateU16);
  const net = amountIn - fee;
  if (net > reserveIn * BigInt(limits.maxSwapInputMultiplier)) return 'input_too_large' as const;
  const out = (reserveOut * net) / (reserveIn + net);
  if (out <= 0n) return 'no_output' as const;
  let reserveInAfter = reserveIn + amountIn;
  let reserveOutAfter = reserveOut - out;
  let authorFee = 0n;
  if (limits.rules?.swapFee === 'block-author' && fee > 0n) {
    if (inputIsTao) {
      reserveInAfter -= fee;
      authorFee = fee;
    } else {
      authorFee = (reserveOutAfter * fee) / (reserveIn + amountIn);
      reserveOutAfter -= authorFee;
    }
  }
  if (reserveOutAfter < limits.minPoolReserve) return 'reserve_too_small' as const;
  return { fee, out, reserveInAfter, reserveOutAfter, authorFee };
}

export interface PoolLimits {
  feeRateU16: number;
  maxSwapInputMultiplier: number;
  minPoolReserve: Rao;
  /** Where fees go (ChainParams.rules.swapFee); absent: the pool. */
  rules?: { swapFee: 'pool' | 'block-author' };
}

/** Stake: TAO in, alpha out. */
export function quoteTaoForAlpha(r: Reserves, tao: Rao, limits: PoolLimits): SwapQuote | SwapRefusal {
  const res = constantProduct(r.taoIn, r.alphaIn, tao, limits, true);
  if (typeof res === 'string') return res;
  const after = { taoIn: res.reserveInAfter, alphaIn: res.reserveOutAfter };
  const before = spotPrice(r);
  const effective = Number(tao) / Number(res.out);
  return { amountIn: tao, fee: res.fee, authorFee: res.authorFee, amountOut: res.out, taoInAfter: after.taoIn, alphaInAfter: after.alphaIn, priceBefore: before, priceAfter: spotPrice(after), slippage: Math.max(0, 1 - before / effective) };
}

/** Unstake: alpha in, TAO out. */
export function quoteAlphaForTao(r: Reserves, alpha: Rao, limits: PoolLimits): SwapQuote | SwapRefusal {
  const res = constantProduct(r.alphaIn, r.taoIn, alpha, limits, false);
  if (typeof res === 'string') return res;
  const after = { taoIn: res.reserveOutAfter, alphaIn: res.reserveInAfter };
  const before = spotPrice(r);
  const effective = Number(res.out) / Number(alpha);
  return { amountIn: alpha, fee: res.fee, authorFee: res.authorFee, amountOut: res.out, taoInAfter: after.taoIn, alphaInAfter: after.alphaIn, priceBefore: before, priceAfter: spotPrice(after), slippage: Math.max(0, 1 - effective / before) };
}

/** The pool rules of a cross-subnet move's second swap: the chain drops its fee (move_stake.rs:355). */
export const moveDestinationLimits = <L extends PoolLimits>(limits: L): L => ({ ...limits, feeRateU16: 0 });

/** A cross-subnet move of subnet alpha: sold into `from` with its fee, the TAO bought into `to` without one. */
export function quoteMove(from: Reserves, to: Reserves, alpha: Rao, limits: PoolLimits): { sold: SwapQuote; bought: SwapQuote } | SwapRefusal {
  const sold = quoteAlphaForTao(from, alpha, limits);
  if (typeof sold === 'string') return sold;
  const bought = quoteTaoForAlpha(to, sold.amountOut, moveDestinationLimits(limits));
  return typeof bought === 'string' ? bought : { sold, bought };
}
