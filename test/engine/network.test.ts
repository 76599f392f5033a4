import { describe, expect, it } from 'vitest';
import type { ChainEvent } from '../../shared/engine/index.ts';
import { medianSubnetPrice, netuid, networkLockCost, subnetToPrune, tao } from '../../shared/engine/index.ts';
import { ck, expectConserved, hk, must, newChain, snapshotJson, steps, testParams } from './build.ts';

/** Jumps the block number without running blocks: lock cost and pruning depend only on it. */
const at = (chain: ReturnType<typeof newChain>, block: number) => {
  chain.state.block = block;
  return networkLockCost(chain.state);
};

describe('network lock cost (get_network_lock_cost)', () => {
  // Min lock 1000 TAO, reduction interval 100 blocks at 1 TAO/block emission.
  const fresh = () => {
    const chain = newChain(testParams({ networkLockReductionInterval: 100 }));
    must(chain, { type: 'create_wallet', coldkey: ck('a'), balance: tao(100_000) });
    return chain;
  };

  it('is the minimum lock before any registration', () => {
    const chain = fresh();
    expect(at(chain, 0)).toBe(tao(1000));
    expect(at(chain, 77)).toBe(tao(1000));
  });

  it('doubles the last lock paid, then falls linearly by L per interval to the floor', () => {
    const chain = fresh();
    at(chain, 10);
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a1') }); // pays 1000, L = 1000 at block 10
    expect(at(chain, 10)).toBe(tao(2000));
    expect(at(chain, 60)).toBe(tao(1500)); // 2000 − (1000/100)·50
    expect(at(chain, 109)).toBe(tao(1010));
    expect(at(chain, 110)).toBe(tao(1000)); // back to L after one interval
    expect(at(chain, 160)).toBe(tao(1000)); // 500 by the line, but never below the floor
    at(chain, 60);
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a2') }); // pays 1500, L = 1500 at block 60
    expect(at(chain, 60)).toBe(tao(3000));
    expect(at(chain, 160)).toBe(tao(1500)); // 3000 − 15·100
    expect(at(chain, 210)).toBe(tao(1000)); // 750 by the line: floored
  });

  it('stretches the interval by the block emission: after the halving L falls per 50 blocks', () => {
    const chain = fresh();
    at(chain, 10);
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a1') });
    chain.state.blockEmission = 500_000_000n; // 0.5 TAO/block ⇒ interval' = 100 · 0.5 = 50
    expect(at(chain, 20)).toBe(tao(1800)); // 2000 − (1000/50)·10
    expect(at(chain, 60)).toBe(tao(1000));
    chain.state.blockEmission = 250_000_000n; // interval' = 25
    expect(at(chain, 20)).toBe(tao(1600));
  });

  it('puts the minimum lock in the new pool at price 1 and recycles the rest (2025, subnet.rs::do_register_network)', () => {
    const chain = fresh();
    at(chain, 10);
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a1') });
    const issuance = chain.state.tao.issuance;
    const events = must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a2') });
    expect(events).toContainEqual(expect.objectContaining({ type: 'subnet_registered', netuid: 2, lockCost: tao(2000) }));
    const s = chain.subnet(netuid(2))!;
    expect(s.taoIn).toBe(tao(1000));
    expect(s.alphaIn).toBe(tao(1000));
    expect(s.alphaOut).toBe(0n);
    expect(s.neurons.map((n) => n.hotkey)).toEqual(['a2']);
    expect(chain.state.tao.issuance).toBe(issuance - tao(1000));
    expect(chain.balance(ck('a'))).toBe(tao(100_000 - 3000));
    expectConserved(chain);
  });

  it('keeps the whole lock in the pool and opens at the median subnet price (2026)', () => {
    const chain = newChain(testParams({ networkLockReductionInterval: 100, rules: { subnetPool: 'lock-at-median' } }));
    must(chain, { type: 'create_wallet', coldkey: ck('a'), balance: tao(100_000) });
    const issuance = chain.state.tao.issuance;
    // No subnet with a price yet: price 1, and nothing is recycled.
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a1') });
    expect(chain.subnet(netuid(1))!.alphaIn).toBe(tao(1000));
    expect(chain.state.tao.issuance).toBe(issuance);
    expectConserved(chain);
    at(chain, 1000);
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a2') });
    at(chain, 2000);
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a3') });
    // Prices 2, 5 and 3 TAO per alpha (pools set by hand; the median is all this test is about).
    const setPrice = (id: number, taoIn: bigint, alphaIn: bigint) => Object.assign(chain.subnet(netuid(id))!, { taoIn, alphaIn });
    setPrice(1, tao(2000), tao(1000));
    setPrice(2, tao(5000), tao(1000));
    setPrice(3, tao(300), tao(100));
    expect(medianSubnetPrice(chain.state)).toEqual({ tao: tao(300), alpha: tao(100) });
    at(chain, 3000);
    const lock = chain.lockCost();
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a4') });
    expect(chain.subnet(netuid(4))!.taoIn).toBe(lock);
    expect(chain.subnet(netuid(4))!.alphaIn).toBe(lock / 3n);
    // Four prices 2, 3, 4 and 5: an even count takes the mean of the middle two.
    setPrice(4, tao(4000), tao(1000));
    const even = medianSubnetPrice(chain.state);
    expect(Number(even.tao) / Number(even.alpha)).toBeCloseTo(3.5, 12);
    at(chain, 4000);
    const lock5 = chain.lockCost();
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a5') });
    expect(chain.subnet(netuid(5))!.alphaIn).toBe((lock5 * 2n) / 7n);
  });

  it('rate-limits registrations chain-wide', () => {
    const chain = newChain(testParams({ networkRateLimit: 30 }));
    must(chain, { type: 'create_wallet', coldkey: ck('a'), balance: tao(100_000) });
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a1') });
    steps(chain, 29);
    const r = chain.apply({ type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a2') });
    expect(r.ok ? null : r.error.code).toBe('RATE_LIMITED');
    chain.step();
    must(chain, { type: 'register_subnet', coldkey: ck('a'), hotkey: hk('a2') });
  });
});

describe('subnet pruning when the slots are full (get_network_to_prune, do_dissolve_network)', () => {
  const full = (immunity: number) => {
    const chain = newChain(testParams({ subnetLimit: 3, networkImmunityPeriod: immunity, networkLockReductionInterval: 1 }));
    for (const w of ['o1', 'o2', 'o3', 'new', 'x', 'y']) must(chain, { type: 'create_wallet', coldkey: ck(w), balance: tao(50_000) });
    for (const w of ['o1', 'o2', 'o3']) {
      chain.step();
      must(chain, { type: 'register_subnet', coldkey: ck(w), hotkey: hk(`${w}-hk`) });
    }
    return chain;
  };
  const setPrices = (chain: ReturnType<typeof full>, prices: number[]) => prices.forEach((p, i) => (chain.subnet(netuid(i + 1))!.movingPrice = p));

  it('prunes the lowest moving price among subnets past immunity', () => {
    const chain = full(0);
    setPrices(chain, [0.3, 0.1, 0.2]);
    expect(subnetToPrune(chain.state)?.netuid).toBe(2);
    const events = must(chain, { type: 'register_subnet', coldkey: ck('new'), hotkey: hk('new-hk') });
    expect(events.map((e) => e.type)).toEqual(['subnet_pruned', 'subnet_registered']);
    expect(events[1]).toMatchObject({ netuid: 2, owner: 'new' });
    expect(chain.subnet(netuid(2))!.owner).toBe('new');
    expectConserved(chain);
  });

  it('breaks a price tie by the earliest registration', () => {
    const chain = full(0);
    setPrices(chain, [0.5, 0.1, 0.1]);
    expect(subnetToPrune(chain.state)?.netuid).toBe(2);
    // Subnet 3 re-registered earlier than subnet 2 would now be older: reorder by registration block.
    chain.subnet(netuid(3))!.registeredAt = 0;
    expect(subnetToPrune(chain.state)?.netuid).toBe(3);
  });

  it('skips subnets still in immunity, and refuses with SUBNET_LIMIT_REACHED when none is eligible', () => {
    const chain = full(10); // registered at blocks 1, 2, 3: immune until 11, 12, 13
    setPrices(chain, [0.3, 0.1, 0.2]);
    chain.state.block = 10;
    const before = snapshotJson(chain);
    const r = chain.apply({ type: 'register_subnet', coldkey: ck('new'), hotkey: hk('new-hk') });
    expect(r.ok ? null : r.error.code).toBe('SUBNET_LIMIT_REACHED');
    expect(snapshotJson(chain)).toBe(before);
    chain.state.block = 11; // only subnet 1 is past immunity: it goes although its price is highest
    expect(subnetToPrune(chain.state)?.netuid).toBe(1);
    chain.state.block = 12;
    expect(subnetToPrune(chain.state)?.netuid).toBe(2);
  });

  it("refunds the pool's TAO to the stakers pro rata to alpha held, not at AMM value (remove_stake.rs::destroy_alpha_in_out_stakes)", () => {
    const chain = full(0);
    setPrices(chain, [0.3, 0.1, 0.2]);
    must(chain, { type: 'stake', coldkey: ck('x'), hotkey: hk('o2-hk'), netuid: netuid(2), amount: tao(100) });
    must(chain, { type: 'stake', coldkey: ck('y'), hotkey: hk('o2-hk'), netuid: netuid(2), amount: tao(300) });
    const s = chain.subnet(netuid(2))!;
    const ax = chain.stake(ck('x'), hk('o2-hk'), netuid(2));
    const ay = chain.stake(ck('y'), hk('o2-hk'), netuid(2));
    const pot = s.taoIn; // 1000 + 400 TAO (the swap fee stays in the pool)
    expect(pot).toBe(tao(1400));
    const bx = chain.balance(ck('x'));
    const by = chain.balance(ck('y'));
    const events = must(chain, { type: 'register_subnet', coldkey: ck('new'), hotkey: hk('new-hk') });
    const pruned = events[0] as Extract<ChainEvent, { type: 'subnet_pruned' }>;
    const gx = chain.balance(ck('x')) - bx;
    const gy = chain.balance(ck('y')) - by;
    expect(gx + gy).toBe(pot);
    expect(pruned).toMatchObject({ netuid: 2, refunded: pot, recycled: 0n });
    // Exact pro-rata split (largest remainder): floor(pot · a / Σa), leftover rao to the larger remainder.
    const sum = ax + ay;
    expect(gx === (pot * ax) / sum || gx === (pot * ax) / sum + 1n).toBe(true);
    // y bought later at a higher price, so holds less than 3× x's alpha but still gets its alpha's share.
    expect(ay < 3n * ax).toBe(true);
    expect(chain.stake(ck('x'), hk('o2-hk'), netuid(2))).toBe(0n);
    expectConserved(chain);
  });

  it('recycles the pool TAO when nobody holds alpha', () => {
    const chain = full(0);
    setPrices(chain, [0.3, 0.1, 0.2]);
    const issuance = chain.state.tao.issuance;
    const events = must(chain, { type: 'register_subnet', coldkey: ck('new'), hotkey: hk('new-hk') });
    expect(events[0]).toMatchObject({ type: 'subnet_pruned', refunded: 0n, recycled: tao(1000) });
    // The pruned pool's 1000 TAO and the new lock's excess over the minimum are recycled.
    const lock = (events[1] as Extract<ChainEvent, { type: 'subnet_registered' }>).lockCost;
    expect(chain.state.tao.issuance).toBe(issuance - tao(1000) - (lock - tao(1000)));
    expectConserved(chain);
  });
});
