import { describe, expect, it } from 'vitest';
import { MAINNET_CHAIN, parseAmount, quoteAlphaForTao, quoteTaoForAlpha, tao } from '../../shared/engine/index.ts';
import { poolLimitsView } from '../../shared/protocol/index.ts';
import { movePreview, poolLimits, stakePreview, unstakePreview } from '../../client/src/lib/preview.ts';

// What a welcome carries for a game on the chain's own pool rules.
const limits = poolLimits(poolLimitsView(MAINNET_CHAIN))!;

const pool = { taoIn: '1000', alphaIn: '4000' };

describe('action previews', () => {
  it('stake shows exactly what the engine would pay, its fee and slippage', () => {
    const p = stakePreview(pool, '10', limits);
    const q = quoteTaoForAlpha({ taoIn: tao(1000), alphaIn: tao(4000) }, tao(10), limits);
    if (typeof q === 'string' || !p.ok) throw new Error('expected a quote');
    expect(parseAmount(p.receive)).toBe(q.amountOut);
    expect(parseAmount(p.fee)).toBe(q.fee);
    expect(p.slippage).toBe(q.slippage);
    expect(p.slippage).toBeGreaterThan(0);
  });

  it('slippage grows with the size of the trade', () => {
    const small = stakePreview(pool, '1', limits);
    const large = stakePreview(pool, '500', limits);
    expect(small.ok && large.ok && large.slippage > small.slippage * 10).toBe(true);
  });

  it('unstake follows quoteAlphaForTao', () => {
    const p = unstakePreview(pool, '40', limits);
    const q = quoteAlphaForTao({ taoIn: tao(1000), alphaIn: tao(4000) }, tao(40), limits);
    expect(p.ok && typeof q !== 'string' && parseAmount(p.receive) === q.amountOut).toBe(true);
  });

  it('move compounds two swaps: it receives less than a stake of the unstaked TAO at no cost', () => {
    const other = { taoIn: '500', alphaIn: '500' };
    const sold = unstakePreview(pool, '40', limits);
    const moved = movePreview(pool, other, '40', limits);
    if (!sold.ok || !moved.ok) throw new Error('expected quotes');
    const direct = stakePreview(other, sold.receive, limits);
    expect(direct.ok && moved.receive === direct.receive).toBe(true);
    expect(moved.slippage).toBeGreaterThan(sold.slippage);
  });

  it.each([
    ['', 'enter an amount like 12.5'],
    ['-5', 'enter an amount like 12.5'],
    ['1e3', 'enter an amount like 12.5'],
    ['0', 'enter more than zero'],
    ['0.0000000001', 'at most 9 decimals'],
    ['99999999999', 'more than exists'],
  ])('refuses %j in words a person understands', (text, reason) => {
    expect(stakePreview(pool, text, limits)).toEqual({ ok: false, reason });
  });

  it('says so when a trade would drain the pool or the pool is unknown', () => {
    expect(unstakePreview({ taoIn: '0.002', alphaIn: '1' }, '500', limits)).toEqual({ ok: false, reason: 'would drain the pool' });
    expect(unstakePreview({ taoIn: '0.002', alphaIn: '1' }, '5000', limits)).toEqual({ ok: false, reason: 'too large for this pool' });
    expect(stakePreview({ taoIn: '0', alphaIn: '0' }, '1', limits)).toEqual({ ok: false, reason: 'pool not known yet' });
    expect(stakePreview(pool, '1', poolLimits(undefined))).toEqual({ ok: false, reason: 'pool not known yet' });
  });

  it("previews with the game's own pool rules, not the chain's defaults", () => {
    const dearer = poolLimits(poolLimitsView({ ...MAINNET_CHAIN, feeRateU16: MAINNET_CHAIN.feeRateU16 * 10 }))!;
    const q = quoteTaoForAlpha({ taoIn: tao(1000), alphaIn: tao(4000) }, tao(10), dearer);
    const p = stakePreview(pool, '10', dearer);
    if (typeof q === 'string' || !p.ok) throw new Error('expected a quote');
    expect(parseAmount(p.fee)).toBe(q.fee);
    expect(p.fee).not.toBe((stakePreview(pool, '10', limits) as { fee: string }).fee);
  });
});
