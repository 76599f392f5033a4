import { describe, expect, it } from 'vitest';
import { Chain, type ChainEvent, chainParams, coldkey, formatAmount, hotkey, MAINNET_CHAIN, netuid, parseAmount, quoteAlphaForTao, quoteTaoForAlpha, type Subnet, tao } from '../../shared/engine/index.ts';
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

  it('under the block-author fee rule (the welcome says so) a sale leaves the pool lower, as the engine prices it', () => {
    const authored = poolLimits(poolLimitsView({ ...MAINNET_CHAIN, rules: { ...MAINNET_CHAIN.rules, swapFee: 'block-author' } }))!;
    expect(authored.rules).toEqual({ swapFee: 'block-author' });
    const p = unstakePreview(pool, '400', authored);
    const q = quoteAlphaForTao({ taoIn: tao(1000), alphaIn: tao(4000) }, tao(400), authored);
    if (typeof q === 'string' || !p.ok) throw new Error('expected a quote');
    expect(p.priceAfter).toBe(q.priceAfter);
    const inPool = unstakePreview(pool, '400', limits);
    if (!inPool.ok) throw new Error('expected a preview');
    expect(inPool.priceAfter).not.toBe(p.priceAfter);
  });

  it('move compounds two swaps and pays one fee: it receives more than a stake of the unstaked TAO', () => {
    const other = { taoIn: '500', alphaIn: '500' };
    const sold = unstakePreview(pool, '40', limits);
    const moved = movePreview(pool, other, '40', limits);
    if (!sold.ok || !moved.ok) throw new Error('expected quotes');
    const direct = stakePreview(other, sold.receive, limits);
    if (!direct.ok) throw new Error('expected a quote');
    expect(parseAmount(moved.receive)).toBeGreaterThan(parseAmount(direct.receive) as bigint);
    expect(moved.slippage).toBeGreaterThan(sold.slippage);
  });

  it('move previews exactly what the engine then gives, one fee and all (move_stake.rs:355)', () => {
    const owner = (n: number) => ({ owner: coldkey(`o${n}`), ownerHotkey: hotkey(`o${n}-hk`) });
    const chain = Chain.create({
      params: chainParams(),
      seed: 1,
      initialIssuance: tao(1_000_000),
      subnets: [
        { ...owner(1), taoIn: tao(1000), alphaIn: tao(4000) },
        { ...owner(2), taoIn: tao(500), alphaIn: tao(300) },
      ],
    });
    const w = coldkey('w');
    const apply = (a: Parameters<Chain['apply']>[0]): ChainEvent[] => {
      const r = chain.apply(a);
      if (!r.ok) throw new Error(r.error.message);
      return r.events;
    };
    apply({ type: 'create_wallet', coldkey: w, balance: tao(100) });
    apply({ type: 'stake', coldkey: w, hotkey: hotkey('o1-hk'), netuid: netuid(1), amount: tao(50) });
    chain.step();
    const text = (s: Subnet | null) => ({ taoIn: formatAmount(s!.taoIn), alphaIn: formatAmount(s!.alphaIn) });
    const alpha = chain.stake(w, hotkey('o1-hk'), netuid(1));
    const preview = movePreview(text(chain.subnet(netuid(1))), text(chain.subnet(netuid(2))), formatAmount(alpha), limits);
    const events = apply({ type: 'move_stake', coldkey: w, fromHotkey: hotkey('o1-hk'), toHotkey: hotkey('o2-hk'), fromNetuid: netuid(1), toNetuid: netuid(2), amount: alpha });
    const staked = events.find((e): e is Extract<ChainEvent, { type: 'staked' }> => e.type === 'staked')!;
    if (!preview.ok) throw new Error(preview.reason);
    expect(parseAmount(preview.receive)).toBe(staked.alpha);
    expect(chain.stake(w, hotkey('o2-hk'), netuid(2))).toBe(staked.alpha);
    // The one fee is the unstake's: the TAO the move sold for, and no more, bought the alpha.
    const unstaked = events.find((e): e is Extract<ChainEvent, { type: 'unstaked' }> => e.type === 'unstaked')!;
    expect(staked.tao).toBe(unstaked.tao);
    expect(parseAmount(preview.fee)).toBeGreaterThan(0n);
  });

  it('move within one subnet changes hotkey without a swap, as the engine does', () => {
    expect(movePreview(pool, pool, '40', limits)).toEqual({ ok: true, receive: '40', fee: '0', slippage: 0, priceAfter: 0.25 });
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
