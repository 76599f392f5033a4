import { describe, expect, it } from 'vitest';
import type { Chain, ChainEvent, GenesisSubnet } from '../../shared/engine/index.ts';
import { apportionExact, mulRatio, blocksUntilEpoch, Chain as ChainClass, isEpochBlock, netuid, stakeOf, tao, uid } from '../../shared/engine/index.ts';
import { emissionShares } from '../../shared/engine/subnet_emissions.ts';
import type { Subnet } from '../../shared/engine/index.ts';
import { ck, expectConserved, hk, must, steps, testParams } from './build.ts';

const OWNER_CUT = 179_995_422n; // floor(1e9 · 11796 / 65535)
const HALF_REST = 410_002_289n; // (1e9 − 179 995 422) / 2, exactly even

/** A chain whose subnets exist from genesis with the given pools (owner o<i>, hotkey o<i>-hk). */
function genesis(pools: Partial<GenesisSubnet>[], overrides: Parameters<typeof testParams>[0] = {}, issuance = tao(1_000_000)): Chain {
  return ChainClass.create({
    params: testParams(overrides),
    seed: 7,
    initialIssuance: issuance,
    subnets: pools.map((p, i) => ({ owner: ck(`o${i + 1}`), ownerHotkey: hk(`o${i + 1}-hk`), taoIn: tao(1000), alphaIn: tao(1000), ...p })),
  });
}
const sub = (chain: Chain, id: number) => chain.subnet(netuid(id))!;
const emissionEvent = (events: ChainEvent[]) => events.find((e) => e.type === 'block_emission') as Extract<ChainEvent, { type: 'block_emission' }>;

describe('Taoflow shares (get_shares_flow)', () => {
  it('shares the TAO in proportion to positive EMA flow; EMA ≤ 0 gets nothing', () => {
    const shares = emissionShares([{ flowEma: 3 }, { flowEma: 1 }, { flowEma: 0 }, { flowEma: -2 }] as Subnet[], testParams());
    expect(shares).toEqual([0.75, 0.25, 0, 0]);
  });

  it('pays each subnet its share of the block emission as tao_in, exactly to the rao', () => {
    const chain = genesis([{ flowEma: 3e9 }, { flowEma: 1e9 }, { flowEma: 0 }, { flowEma: -2e9 }]);
    const issuance = chain.state.tao.issuance;
    const events = chain.step();
    expect(emissionEvent(events)).toMatchObject({ emission: tao(1), injected: tao(1) });
    expect([1, 2, 3, 4].map((i) => sub(chain, i).lastTaoIn)).toEqual([750_000_000n, 250_000_000n, 0n, 0n]);
    // Price 1 pools: alpha_in = tao_in / price, below the 1-alpha cap, so no chain buy.
    expect(sub(chain, 1).taoIn).toBe(tao(1000) + 750_000_000n);
    expect(sub(chain, 1).alphaIn).toBe(tao(1000) + 750_000_000n);
    expect(sub(chain, 3).taoIn).toBe(tao(1000));
    expect(chain.state.tao.issuance).toBe(issuance + tao(1));
    expectConserved(chain);
  });

  it('a decreed TAO halving halves the TAO only: each subnet still accrues its full alpha', () => {
    const [plain, decreed] = [{}, { decreedTaoHalvings: 1 }].map((o) => genesis([{ flowEma: 3e9 }, { flowEma: 1e9 }], o));
    const halving = decreed.step();
    plain.step();
    expect(emissionEvent(halving)).toMatchObject({ emission: 500_000_000n, injected: 500_000_000n });
    expect([1, 2].map((i) => sub(decreed, i).lastTaoIn)).toEqual([375_000_000n, 125_000_000n]);
    for (const id of [1, 2]) expect(sub(decreed, id).pending).toEqual(sub(plain, id).pending);
    expectConserved(decreed);
  });

  it('emits no TAO at all when every EMA is ≤ 0, but alpha still flows', () => {
    const chain = genesis([{ flowEma: 0 }, { flowEma: -5e9 }]);
    const issuance = chain.state.tao.issuance;
    const events = chain.step();
    expect(emissionEvent(events)).toMatchObject({ emission: tao(1), injected: 0n });
    expect(chain.state.tao.issuance).toBe(issuance);
    expect(sub(chain, 1).taoIn).toBe(tao(1000));
    expect(sub(chain, 1).alphaOut).toBe(tao(1));
    expect(sub(chain, 2).alphaOut).toBe(tao(1));
    expectConserved(chain);
  });

  it('folds the block flow into the EMA with α per block, then resets the counter', () => {
    const chain = genesis([{}], { flowEmaAlpha: 0.5 });
    must(chain, { type: 'create_wallet', coldkey: ck('w'), balance: tao(100) });
    must(chain, { type: 'stake', coldkey: ck('w'), hotkey: hk('o1-hk'), netuid: netuid(1), amount: tao(10) });
    // Inflow is what entered the curve: 10 TAO less the fee floor(10e9 · 33 / 65535) = 5 035 477.
    const net = tao(10) - 5_035_477n;
    expect(sub(chain, 1).taoFlow).toBe(net);
    chain.step();
    expect(sub(chain, 1).flowEma).toBe(0.5 * Number(net));
    expect(sub(chain, 1).taoFlow).toBe(0n);
    const alpha = chain.stake(ck('w'), hk('o1-hk'), netuid(1));
    const r = must(chain, { type: 'unstake', coldkey: ck('w'), hotkey: hk('o1-hk'), netuid: netuid(1), amount: alpha });
    const out = (r[0] as Extract<ChainEvent, { type: 'unstaked' }>).tao;
    expect(sub(chain, 1).taoFlow).toBe(-out);
    chain.step();
    expect(sub(chain, 1).flowEma).toBe(0.25 * Number(net) - 0.5 * Number(out));
  });

  it('counts a move between subnets as an outflow of one and an inflow of the other, and a move within a subnet as neither', () => {
    const chain = genesis([{}, {}]);
    must(chain, { type: 'create_wallet', coldkey: ck('w'), balance: tao(100) });
    must(chain, { type: 'stake', coldkey: ck('w'), hotkey: hk('o1-hk'), netuid: netuid(1), amount: tao(10) });
    chain.step();
    const alpha = chain.stake(ck('w'), hk('o1-hk'), netuid(1));
    must(chain, { type: 'move_stake', coldkey: ck('w'), fromHotkey: hk('o1-hk'), toHotkey: hk('o2-hk'), fromNetuid: netuid(1), toNetuid: netuid(1), amount: alpha / 2n });
    expect(sub(chain, 1).taoFlow).toBe(0n);
    expect(chain.stake(ck('w'), hk('o2-hk'), netuid(1))).toBe(alpha / 2n);
    const poolBefore = { taoIn: sub(chain, 2).taoIn, alphaIn: sub(chain, 2).alphaIn };
    const events = must(chain, { type: 'move_stake', coldkey: ck('w'), fromHotkey: hk('o1-hk'), toHotkey: hk('o2-hk'), fromNetuid: netuid(1), toNetuid: netuid(2), amount: alpha / 2n });
    const out = (events[0] as Extract<ChainEvent, { type: 'unstaked' }>).tao;
    expect(sub(chain, 1).taoFlow).toBe(-out);
    // move_stake.rs:355: one fee (the unstake's); the destination's is dropped, so the full TAO is its inflow.
    const bought = (events[1] as Extract<ChainEvent, { type: 'staked' }>).alpha;
    expect(sub(chain, 2).taoFlow).toBe(out);
    expect(bought).toBe((poolBefore.alphaIn * out) / (poolBefore.taoIn + out));
    expectConserved(chain);
  });
});

describe('price-EMA shares (get_shares_price_ema, the other rule version)', () => {
  it('shares the TAO in proportion to moving prices', () => {
    const shares = emissionShares([{ movingPrice: 0.2 }, { movingPrice: 0.6 }, { movingPrice: 0 }] as Subnet[], testParams({ rules: { emission: 'price-ema' } }));
    expect(shares[0]).toBeCloseTo(0.25, 15);
    expect(shares[1]).toBeCloseTo(0.75, 15);
    expect(shares[2]).toBe(0);
  });

  it('ignores flow under price-ema, and uses the moving price before this block updates it', () => {
    const chain = genesis([{ movingPrice: 0.2, flowEma: -1e9 }, { movingPrice: 0.6, flowEma: 5e9 }], { rules: { emission: 'price-ema' } });
    chain.step();
    expect(sub(chain, 1).lastTaoIn).toBe(250_000_000n);
    expect(sub(chain, 2).lastTaoIn).toBe(750_000_000n);
    expect(sub(chain, 1).flowEma).toBe(-1e9); // not folded under this rule
    expectConserved(chain);
  });
});

describe('injection and the alpha split every block (get_subnet_terms, emit_to_subnets)', () => {
  it('adds tao_in and alpha_in at the current price when under the 1-alpha cap', () => {
    const chain = genesis([{ taoIn: tao(2000), alphaIn: tao(1000), flowEma: 1 }]); // price 2
    chain.step();
    expect(sub(chain, 1).taoIn).toBe(tao(2001));
    expect(sub(chain, 1).alphaIn).toBe(tao(1000) + 500_000_000n);
  });

  it('caps alpha_in at the alpha emission and spends the excess TAO on a fee-free chain buy whose alpha is recycled', () => {
    const chain = genesis([{ taoIn: tao(1000), alphaIn: tao(2000), flowEma: 1 }]); // price 0.5: 1 TAO would need 2 alpha
    chain.step();
    const s = sub(chain, 1);
    // alpha_in = 1 (cap), tao_in = 1 · 0.5 = 0.5 TAO; the other 0.5 TAO buys floor(2001e9 · 0.5e9 / 1001e9) alpha.
    const bought = (2_001_000_000_000n * 500_000_000n) / 1_001_000_000_000n;
    expect(bought).toBe(999_500_499n);
    expect(s.taoIn).toBe(tao(1001));
    expect(s.alphaIn).toBe(tao(2001) - bought);
    expect(s.alphaBurned).toBe(bought);
    expect(chain.state.tao.issuance).toBe(tao(1_000_001));
    expectConserved(chain);
  });

  it('after the TAO halving caps alpha_in at the TAO block emission, min(alpha emission, TAO emission) (run_coinbase.rs:150)', () => {
    // Issuance past 10.5 M: 0.5 TAO a block. A price-1 pool would take 0.5 alpha for its 0.5 TAO —
    // at the cap, no chain buy. At price 0.25 the 0.5 TAO would need 2 alpha: capped at 0.5 alpha
    // (0.125 TAO at the price), the other 0.375 TAO buys alpha from the pool.
    const pools = [{ taoIn: tao(500), alphaIn: tao(2000), flowEma: 1 }];
    const chain = genesis(pools, {}, tao(10_600_000));
    expect(chain.state.blockEmission).toBe(500_000_000n);
    chain.step();
    const s = sub(chain, 1);
    const bought = (2_000_500_000_000n * 375_000_000n) / 500_500_000_000n;
    expect(s.taoIn).toBe(tao(500) + 500_000_000n);
    expect(s.alphaIn).toBe(tao(2000) + 500_000_000n - bought);
    expect(s.alphaBurned).toBe(bought);
    // The 2025 rule version caps at the alpha emission (1 alpha): 2 alpha wanted, 1 injected.
    const legacy = genesis(pools, { rules: { injectionCap: 'alpha-emission' } }, tao(10_600_000));
    legacy.step();
    const boughtLegacy = (2_001_000_000_000n * 250_000_000n) / 500_500_000_000n;
    expect(sub(legacy, 1).alphaIn).toBe(tao(2001) - boughtLegacy);
    // Under the new cap the price climbs faster: the chain buys 1.5× the alpha.
    expect(Number(bought) / Number(boughtLegacy)).toBeCloseTo(1.5, 3);
    expectConserved(chain);
    expectConserved(legacy);
  });

  it('splits each block of alpha: 11796/65535 owner cut, the rest 50/50 miners and validators', () => {
    const chain = genesis([{}]);
    chain.step();
    expect(sub(chain, 1).pending).toEqual({ ownerCut: OWNER_CUT, server: HALF_REST, validator: HALF_REST, root: 0n });
    expect(OWNER_CUT + 2n * HALF_REST).toBe(tao(1));
    chain.step();
    expect(sub(chain, 1).pending.ownerCut).toBe(2n * OWNER_CUT);
    expect(sub(chain, 1).alphaOut).toBe(tao(2));
  });
});

describe('alpha halving (alpha emission by the subnet’s own issuance)', () => {
  it('halves a subnet’s alpha emission when its alpha in + out reaches 10.5 M, and says so', () => {
    const chain = genesis([{ alphaIn: tao(10_500_000) - tao(1) }, {}]);
    const events = chain.step();
    expect(events.filter((e) => e.type === 'alpha_halving')).toEqual([{ type: 'alpha_halving', block: 1, netuid: 1, emission: 500_000_000n }]);
    expect(sub(chain, 1).alphaOut).toBe(tao(1));
    const next = chain.step();
    expect(next.some((e) => e.type === 'alpha_halving')).toBe(false);
    expect(sub(chain, 1).alphaOut).toBe(tao(1) + 500_000_000n);
    expect(sub(chain, 2).alphaOut).toBe(tao(2));
    expectConserved(chain);
  });

  it('counts burned alpha in the issuance the halving reads; recycled alpha not (staking/helpers.rs:359, 416-418)', () => {
    const chain = genesis([{ alphaIn: tao(10_500_000) - tao(3) }]);
    const s = sub(chain, 1);
    chain.step(); // alpha out 1: issuance 10.5 M − 2, emission still 1
    s.alphaOut -= tao(1);
    s.pending.server -= tao(1) / 2n;
    s.pending.ownerCut -= tao(1) / 2n;
    // A burn (owner incentive, burn_subnet_alpha) keeps the alpha in issuance...
    s.alphaBurned += tao(1);
    s.alphaBurnedInIssuance += tao(1);
    expectConserved(chain);
    const events = steps(chain, 2); // 10.5 M − 2 + 1 + 1: the second block crosses the line
    expect(events.filter((e) => e.type === 'alpha_halving')).toHaveLength(1);
    // ...a recycle (root's share when root does not sell, run_coinbase.rs:236) lowers it.
    const recycled = genesis([{ alphaIn: tao(10_500_000) - tao(3) }]);
    recycled.step();
    const r = sub(recycled, 1);
    r.alphaOut -= tao(1);
    r.pending.server -= tao(1) / 2n;
    r.pending.ownerCut -= tao(1) / 2n;
    r.alphaBurned += tao(1);
    expectConserved(recycled);
    expect(steps(recycled, 2).some((e) => e.type === 'alpha_halving')).toBe(false);
  });
});

describe('epoch schedule (legacy blocks_until_next_epoch)', () => {
  it('runs when blocks_until_next_epoch = tempo − ((block + n + 1) mod (tempo + 1)) is 0: period tempo + 1, staggered by netuid', () => {
    // The chain's own table (run_coinbase.rs): tempo | netuid | first epoch block.
    expect(isEpochBlock(0, 0, 1)).toBe(true);
    expect(isEpochBlock(1, 1, 1)).toBe(true);
    expect(isEpochBlock(1, 0, 2)).toBe(true);
    expect(isEpochBlock(0, 1, 2)).toBe(true);
    expect(isEpochBlock(99, 0, 100)).toBe(true);
    expect(isEpochBlock(98, 1, 100)).toBe(true);
    expect(isEpochBlock(100, 0, 100)).toBe(false);
    expect(blocksUntilEpoch(0, 1, 360)).toBe(358);
    expect(blocksUntilEpoch(358, 1, 360)).toBe(0);
    expect(blocksUntilEpoch(359, 1, 360)).toBe(360);
    const epochs: number[] = [];
    for (let b = 0; b < 2000; b++) if (isEpochBlock(b, 5, 360)) epochs.push(b);
    expect(epochs).toEqual([354, 715, 1076, 1437, 1798]); // every 361 blocks
    for (let b = 0; b < 2000; b++) expect(isEpochBlock(b, 5, 360)).toBe(blocksUntilEpoch(b, 5, 360) === 0);
  });

  it('never runs with tempo 0', () => {
    for (let b = 0; b < 50; b++) expect(isEpochBlock(b, 1, 0)).toBe(false);
    expect(blocksUntilEpoch(10, 1, 0)).toBe(Infinity);
  });

  it('drains the pending emission on exactly those blocks in a running chain', () => {
    const chain = genesis([{}, {}, {}], { tempo: 9 });
    const seen: [number, number][] = [];
    for (let i = 0; i < 30; i++) for (const e of chain.step()) if (e.type === 'epoch') seen.push([e.block, e.netuid]);
    // (block + n + 1) mod 10 = 9 ⇒ netuid 3 at 5, 15, 25; netuid 2 at 6, 16, 26; netuid 1 at 7, 17, 27.
    expect(seen).toEqual([[5, 3], [6, 2], [7, 1], [15, 3], [16, 2], [17, 1], [25, 3], [26, 2], [27, 1]]);
    expect(chain.blocksUntilEpoch(netuid(1))).toBe(7);
  });
});

describe('epoch payout: owner cut, incentive, dividends, take and nominators', () => {
  /**
   * Subnet 1 (genesis, price 1) with validator hotkey v (coldkey val) nominated by n1 and n2, and
   * miner hotkey mi (coldkey miner). Epochs at blocks 7, 17, 27…
   */
  function network(): Chain {
    const chain = genesis([{}], { tempo: 9, maxAllowedValidators: 8 });
    for (const w of ['val', 'miner', 'n1', 'n2']) must(chain, { type: 'create_wallet', coldkey: ck(w), balance: tao(1000) });
    must(chain, { type: 'register_neuron', coldkey: ck('val'), hotkey: hk('v'), netuid: netuid(1) });
    chain.step();
    must(chain, { type: 'register_neuron', coldkey: ck('miner'), hotkey: hk('mi'), netuid: netuid(1) });
    must(chain, { type: 'stake', coldkey: ck('n1'), hotkey: hk('v'), netuid: netuid(1), amount: tao(100) });
    must(chain, { type: 'stake', coldkey: ck('n2'), hotkey: hk('v'), netuid: netuid(1), amount: tao(300) });
    steps(chain, 7); // past block 7: the first epoch hands out validator permits by stake
    expect(sub(chain, 1).neurons[1]).toMatchObject({ hotkey: 'v', validatorPermit: true });
    must(chain, { type: 'set_weights', coldkey: ck('val'), hotkey: hk('v'), netuid: netuid(1), uids: [uid(2)], weights: [1] });
    return chain;
  }

  it('pays the owner cut as stake on the owner hotkey and the pending alpha to miners and validators', () => {
    const chain = network();
    steps(chain, 8); // to block 16
    const s = sub(chain, 1);
    const pending = { ...s.pending };
    const before = {
      owner: stakeOf(s.stake, hk('o1-hk'), ck('o1')),
      miner: stakeOf(s.stake, hk('mi'), ck('miner')),
      val: stakeOf(s.stake, hk('v'), ck('val')),
      n1: stakeOf(s.stake, hk('v'), ck('n1')),
      n2: stakeOf(s.stake, hk('v'), ck('n2')),
    };
    const events = chain.step(); // block 17: epoch
    const epoch = events.find((e) => e.type === 'epoch') as Extract<ChainEvent, { type: 'epoch' }>;
    const ownerCut = pending.ownerCut + OWNER_CUT;
    const server = pending.server + HALF_REST;
    const validator = pending.validator + HALF_REST;
    expect(epoch).toMatchObject({ netuid: 1, ownerCut, incentive: server, dividends: validator, burned: 0n, distributed: ownerCut + server + validator });
    expect(s.pending).toEqual({ ownerCut: 0n, server: 0n, validator: 0n, root: 0n });
    expect(stakeOf(s.stake, hk('o1-hk'), ck('o1')) - before.owner).toBe(ownerCut);
    expect(stakeOf(s.stake, hk('mi'), ck('miner')) - before.miner).toBe(server);
    // The validator's take (18 %) to its owner first, then the rest to everyone staked behind it pro
    // rata — the owner with the take just credited (run_coinbase.rs:584-600) — to the rao by largest remainder.
    expect(before.val).toBeGreaterThan(0n);
    const take = (validator * 11_796n) / 65_535n;
    const [toVal, toN1, toN2] = apportionExact(validator - take, [before.val + take, before.n1, before.n2]);
    expect(stakeOf(s.stake, hk('v'), ck('val')) - before.val).toBe(take + toVal);
    expect(stakeOf(s.stake, hk('v'), ck('n1')) - before.n1).toBe(toN1);
    expect(stakeOf(s.stake, hk('v'), ck('n2')) - before.n2).toBe(toN2);
    expect(toN2 > 2n * toN1).toBe(true); // n2 staked 3× n1's TAO, at a slightly worse price
    expect(s.neurons[2].incentive).toBeCloseTo(1, 9);
    expect(s.neurons[2].emission).toBe(server);
    expect(s.neurons[1].emission).toBe(validator);
    expectConserved(chain);
  });

  it('gives the miners’ share to the validators when no miner has incentive', () => {
    const chain = genesis([{}], { tempo: 9 });
    for (const w of ['val', 'n1']) must(chain, { type: 'create_wallet', coldkey: ck(w), balance: tao(1000) });
    must(chain, { type: 'register_neuron', coldkey: ck('val'), hotkey: hk('v'), netuid: netuid(1) });
    must(chain, { type: 'stake', coldkey: ck('n1'), hotkey: hk('v'), netuid: netuid(1), amount: tao(100) });
    const events = steps(chain, 8);
    const epoch = events.find((e) => e.type === 'epoch') as Extract<ChainEvent, { type: 'epoch' }>;
    expect(epoch.incentive).toBe(0n);
    expect(epoch.block).toBe(7);
    expect(epoch.dividends + epoch.burned).toBe(7n * 2n * HALF_REST); // blocks 1..7 of miner + validator alpha
    expect(epoch.dividends).toBeGreaterThan(0n);
    expectConserved(chain);
  });

  it('keeps the owner UID’s self-weight (run_epoch.rs:695-700) and burns the incentive it earns, in issuance (run_coinbase.rs:538-553)', () => {
    const chain = network();
    const s = sub(chain, 1);
    // The owner hotkey (uid 0) stakes enough for a permit and a majority, then weighs only itself.
    must(chain, { type: 'create_wallet', coldkey: ck('o1'), balance: tao(2000) });
    must(chain, { type: 'stake', coldkey: ck('o1'), hotkey: hk('o1-hk'), netuid: netuid(1), amount: tao(1000) });
    steps(chain, 10);
    expect(s.neurons[0]).toMatchObject({ hotkey: 'o1-hk', validatorPermit: true });
    must(chain, { type: 'set_weights', coldkey: ck('o1'), hotkey: hk('o1-hk'), netuid: netuid(1), uids: [uid(0)], weights: [1] });
    must(chain, { type: 'set_weights', coldkey: ck('val'), hotkey: hk('v'), netuid: netuid(1), uids: [uid(0)], weights: [1] });
    const ownerStake = stakeOf(s.stake, hk('o1-hk'), ck('o1'));
    const inIssuance = s.alphaBurnedInIssuance;
    const events = steps(chain, 11);
    const epoch = events.find((e): e is Extract<ChainEvent, { type: 'epoch' }> => e.type === 'epoch')!;
    // Without the owner's own vote, v's minority stake could not carry uid 0 past the median.
    expect(s.neurons[0].incentive).toBeCloseTo(1, 9);
    expect(epoch.incentive).toBeGreaterThan(0n);
    expect(epoch.burned).toBeGreaterThanOrEqual(epoch.incentive);
    expect(epoch.ownerBurned).toBe(epoch.incentive);
    expect(s.alphaBurnedInIssuance - inIssuance).toBe(epoch.burned);
    // The owner's hotkey got its owner cut and dividends, none of the miners' share.
    expect(stakeOf(s.stake, hk('o1-hk'), ck('o1')) - ownerStake).toBeLessThan(epoch.ownerCut + epoch.dividends + 1n);
    expectConserved(chain);
  });

  it('burns incentive that lands on the subnet owner’s own hotkeys', () => {
    const chain = network();
    must(chain, { type: 'create_wallet', coldkey: ck('o1'), balance: tao(10) });
    must(chain, { type: 'register_neuron', coldkey: ck('o1'), hotkey: hk('o1-miner'), netuid: netuid(1) });
    chain.step();
    must(chain, { type: 'set_weights', coldkey: ck('val'), hotkey: hk('v'), netuid: netuid(1), uids: [uid(3)], weights: [1] });
    const events = steps(chain, 20);
    const epochs = events.filter((e): e is Extract<ChainEvent, { type: 'epoch' }> => e.type === 'epoch');
    expect(epochs.at(-1)!.burned).toBeGreaterThan(0n);
    expect(stakeOf(sub(chain, 1).stake, hk('o1-miner'), ck('o1'))).toBe(0n);
    expectConserved(chain);
  });
});

describe('root stake and the TAO weight', () => {
  /** Two price-1 subnets; r stakes 1000 TAO on root behind subnet 1's owner hotkey. TaoWeight 0.18. */
  function rooted(movingPrice: number): Chain {
    const chain = genesis([{ movingPrice }, { movingPrice }], { taoWeight: 0.18, tempo: 9 });
    must(chain, { type: 'create_wallet', coldkey: ck('r'), balance: tao(1000) });
    must(chain, { type: 'stake', coldkey: ck('r'), hotkey: hk('o1-hk'), netuid: netuid(0), amount: tao(1000) });
    return chain;
  }
  // root_proportion = tw·RootTAO / (tw·RootTAO + alpha issuance) = 0.18·1000 / (0.18·1000 + 1000).
  const rootAlpha = mulRatio(HALF_REST, (0.18 * 1e12) / (0.18 * 1e12 + 1e12));

  it('sends root_proportion of the validators’ half to root stakers when Σ moving prices > 1', () => {
    const chain = rooted(0.6);
    chain.step();
    expect(rootAlpha).toBeGreaterThan(0n);
    expect(sub(chain, 1).pending).toEqual({ ownerCut: OWNER_CUT, server: HALF_REST, validator: HALF_REST - rootAlpha, root: rootAlpha });
    expectConserved(chain);
  });

  it('recycles the root share instead when Σ moving prices ≤ 1 (root-sell flag off)', () => {
    const chain = rooted(0.5);
    chain.step();
    expect(sub(chain, 1).pending).toEqual({ ownerCut: OWNER_CUT, server: HALF_REST, validator: HALF_REST - rootAlpha, root: 0n });
    expect(sub(chain, 1).alphaBurned).toBe(rootAlpha);
    expect(sub(chain, 1).alphaOut).toBe(tao(1) - rootAlpha);
    expectConserved(chain);
  });

  it('pays the root dividends, less the take, to the hotkey’s root nominators as alpha on the subnet', () => {
    const chain = rooted(0.6);
    steps(chain, 6);
    const pendingRoot = sub(chain, 1).pending.root;
    const events = chain.step(); // block 7: subnet 1's epoch; the owner hotkey is its only (root-staked) validator
    const epoch = events.find((e) => e.type === 'epoch' && e.netuid === 1) as Extract<ChainEvent, { type: 'epoch' }>;
    const root = pendingRoot + mulRatio(HALF_REST, (0.18 * 1e12) / (0.18 * 1e12 + Number(tao(1000) + 6n * tao(1))));
    const take = (root * 11_796n) / 65_535n;
    expect(stakeOf(sub(chain, 1).stake, hk('o1-hk'), ck('r'))).toBe(root - take);
    expect(epoch.dividends).toBe(root);
    expectConserved(chain);
  });
});

describe('moving price (update_moving_price)', () => {
  it('enters the spot price capped at 1, with α = movingAlpha · b / (b + h)', () => {
    const chain = genesis([{ taoIn: tao(2000), alphaIn: tao(1000) }, { taoIn: tao(1000), alphaIn: tao(2000) }], { movingAlpha: 0.5, emaPriceHalvingBlocks: 0 });
    chain.step();
    expect(sub(chain, 1).movingPrice).toBe(0.5); // 0.5 · min(2, 1) + 0.5 · 0
    expect(sub(chain, 2).movingPrice).toBe(0.25); // 0.5 · 0.5
    steps(chain, 60);
    expect(sub(chain, 1).movingPrice).toBeLessThanOrEqual(1);
    expect(sub(chain, 1).movingPrice).toBeGreaterThan(0.999);
    expect(sub(chain, 2).movingPrice).toBeCloseTo(0.5, 6);
  });

  it('ramps α up from zero with the subnet age (mainnet constants)', () => {
    const chain = genesis([{ taoIn: tao(1000), alphaIn: tao(1000) }], { movingAlpha: 0.000003, emaPriceHalvingBlocks: 201_600 });
    chain.step(); // b = 1 − (0 − 1) = 2
    expect(sub(chain, 1).movingPrice).toBeCloseTo((0.000003 * 2) / (2 + 201_600), 18);
  });
});
