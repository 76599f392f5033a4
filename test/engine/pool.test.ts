import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SwapQuote } from '../../shared/engine/index.ts';
import { quoteAlphaForTao, quoteTaoForAlpha, spotPrice, swapFee } from '../../shared/engine/index.ts';
import { fixture } from './fixtures.ts';

interface SwapCase {
  inputs: { direction: 'buy' | 'sell'; amount_in: number; tao_reserve: number; alpha_reserve: number; w_quote?: number; fee_rate_u16: number };
  expected: { fee: number; amount_out: number; reserves_after: { tao_reserve: number; alpha_reserve: number } };
}
interface DeltaCase {
  inputs: { tao_reserve: number; alpha_reserve: number; w_quote: number; delta_in: number };
  expected: { buy_alpha_out: number; sell_tao_out: number };
}

const noLimits = { feeRateU16: 0, maxSwapInputMultiplier: 1e9, minPoolReserve: 0n };
const big = (n: number) => BigInt(n);

function quote(c: SwapCase): SwapQuote {
  const { direction, amount_in, tao_reserve, alpha_reserve, fee_rate_u16 } = c.inputs;
  const r = { taoIn: big(tao_reserve), alphaIn: big(alpha_reserve) };
  const limits = { ...noLimits, feeRateU16: fee_rate_u16 };
  const q = direction === 'buy' ? quoteTaoForAlpha(r, big(amount_in), limits) : quoteAlphaForTao(r, big(amount_in), limits);
  if (typeof q === 'string') throw new Error(`refused: ${q}`);
  return q;
}

/**
 * The vectors send the fee to the block author (2026) or drop it (derived); our 2025-era pool keeps
 * the fee in the input reserve, as the V3 protocol position's fees did. So amount out and fee must
 * match exactly, and the input-side reserve is the vector's plus the fee.
 */
function expectSwap(c: SwapCase): void {
  const q = quote(c);
  const { fee, amount_out, reserves_after } = c.expected;
  expect(q.fee).toBe(big(fee));
  expect(q.amountOut).toBe(big(amount_out));
  const feeTao = c.inputs.direction === 'buy' ? big(fee) : 0n;
  const feeAlpha = c.inputs.direction === 'sell' ? big(fee) : 0n;
  expect(q.taoInAfter).toBe(big(reserves_after.tao_reserve) + feeTao);
  expect(q.alphaInAfter).toBe(big(reserves_after.alpha_reserve) + feeAlpha);
}

describe('constant-product pool against the swap vectors', () => {
  const basic = fixture<{ cases: SwapCase[] }>('swap_balancer_basic.json').cases.filter((c) => c.inputs.w_quote === 0.5);
  const derived = fixture<{ cases: SwapCase[] }>('swap_constant_product_derived.json').cases;

  it('has vectors to check', () => {
    expect(basic.length).toBeGreaterThan(4);
    expect(derived.length).toBeGreaterThan(4);
  });

  it.each(basic.map((c, i) => [i, c] as const))('balancer w=0.5 case %i', (_i, c) => expectSwap(c));
  it.each(derived.map((c, i) => [i, c] as const))('constant-product case %i', (_i, c) => expectSwap(c));

  const deltas = fixture<{ cases: DeltaCase[] }>('swap_balancer_convert_deltas.json').cases.filter((c) => c.inputs.w_quote === 0.5);
  it.each(deltas.map((c, i) => [i, c] as const))('convert_deltas w=0.5 case %i (fee-free curve)', (_i, c) => {
    const r = { taoIn: big(c.inputs.tao_reserve), alphaIn: big(c.inputs.alpha_reserve) };
    const out = (q: SwapQuote | string) => (typeof q === 'string' ? (q === 'no_output' ? 0n : q) : q.amountOut);
    expect(out(quoteTaoForAlpha(r, big(c.inputs.delta_in), noLimits))).toBe(big(c.expected.buy_alpha_out));
    expect(out(quoteAlphaForTao(r, big(c.inputs.delta_in), noLimits))).toBe(big(c.expected.sell_tao_out));
  });
});

describe('pool mechanics (hand-worked; stake_utils.rs::swap_tao_for_alpha and swap_alpha_for_tao)', () => {
  const limits = { feeRateU16: 33, maxSwapInputMultiplier: 1000, minPoolReserve: 1_000_000n };
  const pool = { taoIn: 1_000_000_000_000n, alphaIn: 2_000_000_000_000n }; // 1000 TAO : 2000 alpha, price 0.5

  it('prices alpha as TAO in pool / alpha in pool', () => {
    expect(spotPrice(pool)).toBe(0.5);
    expect(spotPrice({ taoIn: 5n, alphaIn: 0n })).toBe(0);
  });

  it('takes floor(amount · 33 / 65535) from the input (impls.rs::calculate_fee_amount)', () => {
    expect(swapFee(65_535n, 33)).toBe(33n);
    expect(swapFee(65_534n, 33)).toBe(32n);
    expect(swapFee(1_985n, 33)).toBe(0n); // 1985 · 33 = 65505 < 65535
    expect(swapFee(1_986n, 33)).toBe(1n);
  });

  it('stakes 10 TAO: fee 5035 rao, alpha out floor(2000e9 · net / (1000e9 + net)), fee kept in the pool', () => {
    const q = quoteTaoForAlpha(pool, 10_000_000_000n, limits) as SwapQuote;
    // fee = floor(10e9 · 33 / 65535) = 5 035 477; net = 9 994 964 523.
    expect(q.fee).toBe(5_035_477n);
    expect(q.amountOut).toBe((2_000_000_000_000n * 9_994_964_523n) / 1_009_994_964_523n);
    expect(q.taoInAfter).toBe(1_010_000_000_000n);
    expect(q.alphaInAfter).toBe(pool.alphaIn - q.amountOut);
    expect(q.priceAfter).toBeGreaterThan(q.priceBefore);
    expect(q.slippage).toBeGreaterThan(0);
    expect(q.slippage).toBeLessThan(0.011); // ~1 % pool size ⇒ ~1 % impact
    // The constant product never falls (the fee and the floor both favour the pool).
    expect(q.taoInAfter * q.alphaInAfter >= pool.taoIn * pool.alphaIn).toBe(true);
  });

  it('unstakes symmetrically: TAO out floors, alpha fee stays in the pool', () => {
    const q = quoteAlphaForTao(pool, 20_000_000_000n, limits) as SwapQuote;
    const fee = (20_000_000_000n * 33n) / 65_535n;
    const net = 20_000_000_000n - fee;
    expect(q.fee).toBe(fee);
    expect(q.amountOut).toBe((pool.taoIn * net) / (pool.alphaIn + net));
    expect(q.alphaInAfter).toBe(pool.alphaIn + 20_000_000_000n);
    expect(q.taoInAfter).toBe(pool.taoIn - q.amountOut);
    expect(q.taoInAfter * q.alphaInAfter >= pool.taoIn * pool.alphaIn).toBe(true);
  });

  it('from 2026-03-11 (rule swapFee: block-author) pays the fee to the block author: a TAO fee leaves the pool, an alpha fee is sold into it fee-free (swap_step.rs::process_swap)', () => {
    const author = { ...limits, rules: { swapFee: 'block-author' as const } };
    const buy = quoteTaoForAlpha(pool, 10_000_000_000n, author) as SwapQuote;
    const kept = quoteTaoForAlpha(pool, 10_000_000_000n, limits) as SwapQuote;
    expect(buy.amountOut).toBe(kept.amountOut);
    expect(buy.authorFee).toBe(5_035_477n);
    expect(kept.authorFee).toBe(0n);
    expect(buy.taoInAfter).toBe(1_010_000_000_000n - 5_035_477n);
    const sell = quoteAlphaForTao(pool, 20_000_000_000n, author) as SwapQuote;
    const fee = (20_000_000_000n * 33n) / 65_535n;
    const taoOut = (pool.taoIn * (20_000_000_000n - fee)) / (pool.alphaIn + 20_000_000_000n - fee);
    expect(sell.amountOut).toBe(taoOut);
    expect(sell.alphaInAfter).toBe(pool.alphaIn + 20_000_000_000n);
    expect(sell.authorFee).toBe(((pool.taoIn - taoOut) * fee) / (pool.alphaIn + 20_000_000_000n));
    expect(sell.taoInAfter).toBe(pool.taoIn - taoOut - sell.authorFee);
  });

  it('refuses a net input over 1000 × the input reserve, a pool drained below its minimum, and dust', () => {
    const small = { taoIn: 1_000_000_000n, alphaIn: 1_000_000_000n };
    // 1001 TAO net into a 1 TAO pool: over the multiplier.
    expect(quoteTaoForAlpha(small, 1_002_000_000_000n, limits)).toBe('input_too_large');
    // 999 TAO in fee-free: alpha out = 1e9 · 999e9 / 1000e9 = 999e6, leaving exactly the 1e6-rao floor (allowed).
    expect(typeof quoteTaoForAlpha(small, 999_000_000_000n, { ...limits, feeRateU16: 0 })).toBe('object');
    expect(quoteTaoForAlpha(small, 999_000_000_000n, { ...limits, feeRateU16: 0, minPoolReserve: 1_001_000n })).toBe('reserve_too_small');
    expect(quoteTaoForAlpha(small, 1n, limits)).toBe('no_output');
  });
});

describe('no free money in the pool', () => {
  it('a stake sold straight back never returns more TAO than went in, and k never falls', () => {
    const limits = { feeRateU16: 33, maxSwapInputMultiplier: 1000, minPoolReserve: 1_000_000n };
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 7n, max: 10n ** 16n }), fc.bigInt({ min: 10n ** 7n, max: 10n ** 16n }), fc.bigInt({ min: 2_000_000n, max: 10n ** 15n }), (taoIn, alphaIn, amount) => {
        const buy = quoteTaoForAlpha({ taoIn, alphaIn }, amount, limits);
        if (typeof buy === 'string') return;
        const after = { taoIn: buy.taoInAfter, alphaIn: buy.alphaInAfter };
        expect(after.taoIn * after.alphaIn >= taoIn * alphaIn).toBe(true);
        const sell = quoteAlphaForTao(after, buy.amountOut, limits);
        if (typeof sell === 'string') return;
        expect(sell.amountOut <= amount).toBe(true);
        expect(sell.taoInAfter * sell.alphaInAfter >= after.taoIn * after.alphaIn).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
