import { describe, expect, it } from 'vitest';
import type { Chain } from '../../shared/engine/index.ts';
import { netuid, neuronToPrune, tao } from '../../shared/engine/index.ts';
import { ck, expectConserved, hk, must, newChain, snapshotJson, steps, testParams } from './build.ts';

const N1 = netuid(1);

function subnetChain(overrides: Parameters<typeof testParams>[0] = {}): Chain {
  const chain = newChain(testParams(overrides));
  must(chain, { type: 'create_wallet', coldkey: ck('owner'), balance: tao(10_000) });
  must(chain, { type: 'create_wallet', coldkey: ck('m'), balance: tao(10_000) });
  must(chain, { type: 'register_subnet', coldkey: ck('owner'), hotkey: hk('owner-hk') });
  return chain;
}

describe('neuron registration burn (the adjustment every AdjustmentInterval, without smoothing: the runtime defaults α = 0, target 2)', () => {
  const interval = { adjustmentInterval: 10, targetRegistrationsPerInterval: 2, adjustmentAlpha: 0, maxRegistrationsPerIntervalFactor: 0, initialBurn: tao(1), minBurn: 500_000n, maxBurn: tao(100) };

  it('swaps the burn into the pool and burns the alpha it buys: TAO stays in the pool', () => {
    const chain = subnetChain(interval);
    const s = chain.subnet(N1)!;
    const before = { taoIn: s.taoIn, alphaIn: s.alphaIn, burned: s.alphaBurned, flow: s.taoFlow };
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m1'), netuid: N1 });
    const fee = (tao(1) * 33n) / 65_535n;
    const bought = (before.alphaIn * (tao(1) - fee)) / (before.taoIn + tao(1) - fee);
    expect(s.taoIn).toBe(before.taoIn + tao(1));
    expect(s.alphaIn).toBe(before.alphaIn - bought);
    expect(s.alphaBurned).toBe(before.burned + bought);
    expect(s.alphaOut).toBe(0n);
    // 2025: registration burns are not Taoflow inflow.
    expect(s.taoFlow).toBe(before.flow);
    expect(chain.balance(ck('m'))).toBe(tao(9_999));
    expect(s.neurons.map((n) => n.hotkey)).toEqual(['owner-hk', 'm1']);
    expectConserved(chain);
  });

  it('halves the burn after an interval with no registrations: burn · (0 + 2) / 4', () => {
    const chain = subnetChain(interval);
    steps(chain, 10);
    expect(chain.subnet(N1)!.burn).toBe(500_000_000n);
    steps(chain, 10);
    expect(chain.subnet(N1)!.burn).toBe(250_000_000n);
  });

  it('leaves the burn alone with 1..target burn registrations (case D: only PoW difficulty moves)', () => {
    const chain = subnetChain(interval);
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m1'), netuid: N1 });
    steps(chain, 10); // block 10: 1 registration, target 2 ⇒ unchanged (the bare formula would give ×3/4)
    expect(chain.subnet(N1)!.burn).toBe(tao(1));
    steps(chain, 10); // block 20: none ⇒ halved
    expect(chain.subnet(N1)!.burn).toBe(500_000_000n);
  });

  it('keeps the burn at the target rate and raises it above: burn · (regs + 2) / 4', () => {
    const chain = subnetChain(interval);
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m1'), netuid: N1 });
    chain.step();
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m2'), netuid: N1 });
    steps(chain, 9); // block 10: 2 registrations = target
    expect(chain.subnet(N1)!.burn).toBe(tao(1));
    for (let i = 3; i <= 6; i++) {
      must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk(`m${i}`), netuid: N1 });
      chain.step();
    }
    steps(chain, 6); // block 20: 4 registrations ⇒ ×6/4
    expect(chain.subnet(N1)!.burn).toBe(1_500_000_000n);
  });

  it('clamps the burn to [MinBurn, MaxBurn]', () => {
    const chain = subnetChain({ ...interval, minBurn: 400_000_000n });
    steps(chain, 20); // 1 → 0.5 → 0.25, floored at 0.4
    expect(chain.subnet(N1)!.burn).toBe(400_000_000n);
    const capped = subnetChain({ ...interval, maxBurn: 1_200_000_000n });
    for (let i = 1; i <= 6; i++) {
      must(capped, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk(`m${i}`), netuid: N1 });
      capped.step();
    }
    steps(capped, 4); // block 10: 6 registrations ⇒ ×2, capped at 1.2
    expect(capped.subnet(N1)!.burn).toBe(1_200_000_000n);
  });

  it('allows one registration per block per subnet', () => {
    const chain = subnetChain(interval);
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m1'), netuid: N1 });
    const before = snapshotJson(chain);
    const r = chain.apply({ type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m2'), netuid: N1 });
    expect(r.ok ? null : r.error.code).toBe('RATE_LIMITED');
    expect(snapshotJson(chain)).toBe(before);
    chain.step();
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m2'), netuid: N1 });
  });
});

describe("a new subnet's neuron burn as do_register_network sets it (subnet.rs:276-278)", () => {
  it('opens at 0.1 TAO, adjusts every 360 blocks towards 1 registration, 0.97 of the old burn kept (block_step.rs:241-270)', () => {
    const chain = subnetChain({ adjustmentInterval: 360 });
    const s = chain.subnet(N1)!;
    // runtime/src/lib.rs:1032: SubtensorInitialBurn = 100_000_000 rao.
    expect(s.burn).toBe(100_000_000n);
    expect(chain.state.params.targetRegistrationsPerInterval).toBe(1);
    steps(chain, 359);
    expect(s.burn).toBe(100_000_000n);
    // No registration (case E): 0.97·b + 0.03·b·(0 + 1)/2 = 0.985·b.
    chain.step();
    expect(s.burn).toBe(98_500_000n);
    // Three registrations (case B): 0.97·b + 0.03·b·(3 + 1)/2 = 1.03·b.
    for (let i = 1; i <= 3; i++) {
      must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk(`m${i}`), netuid: N1 });
      chain.step();
    }
    steps(chain, 357);
    expect(s.burn).toBe(101_455_000n);
    expectConserved(chain);
  });

  it('refuses a fourth registration in one interval with a typed error, changing nothing (registration.rs:261: 3 × target)', () => {
    const chain = subnetChain({ adjustmentInterval: 360 });
    for (let i = 1; i <= 3; i++) {
      must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk(`m${i}`), netuid: N1 });
      chain.step();
    }
    const before = snapshotJson(chain);
    const r = chain.apply({ type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m4'), netuid: N1 });
    expect(r.ok ? null : r.error.code).toBe('TOO_MANY_REGISTRATIONS');
    expect(snapshotJson(chain)).toBe(before);
    steps(chain, 360 - chain.block);
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m4'), netuid: N1 });
  });

  it('an idle subnet\'s burn barely moves in a day (0.985 an interval), where the unsmoothed rule halves it every interval', () => {
    const smoothed = subnetChain({ adjustmentInterval: 360 });
    steps(smoothed, 7200);
    const bare = subnetChain({ adjustmentInterval: 360, adjustmentAlpha: 0 });
    steps(bare, 7200);
    expect(Number(smoothed.subnet(N1)!.burn) / 1e8).toBeCloseTo(0.985 ** 20, 6);
    expect(bare.subnet(N1)!.burn).toBe(500_000n);
  });
});

describe('UID pruning when the subnet is full (get_neuron_to_prune)', () => {
  /** Owner at uid 0 (block 0), m1..m3 at uids 1..3 registered at blocks 1, 2, 3; immunity 20. */
  function fullSubnet(minNonImmuneUids = 0): Chain {
    const chain = subnetChain({ maxAllowedUids: 4, neuronImmunityPeriod: 20, adjustmentInterval: 0, minNonImmuneUids });
    for (let i = 1; i <= 3; i++) {
      chain.step();
      must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk(`m${i}`), netuid: N1 });
    }
    return chain;
  }
  const setEmission = (chain: Chain, e: bigint[]) => chain.subnet(N1)!.neurons.forEach((n, j) => (n.emission = e[j]));
  const prune = (chain: Chain) => neuronToPrune(chain.subnet(N1)!, chain.block, chain.state.params);

  it('replaces the lowest-emission non-immune UID and never the owner', () => {
    const chain = fullSubnet();
    chain.state.block = 29;
    chain.step(); // a new block: the per-block registration allowance is back
    setEmission(chain, [0n, 50n, 10n, 30n]);
    expect(prune(chain)).toBe(2);
    const events = must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('new'), netuid: N1 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'neuron_pruned', uid: 2, hotkey: 'm2' }),
      expect.objectContaining({ type: 'neuron_registered', uid: 2, hotkey: 'new' }),
    ]);
    const n = chain.subnet(N1)!.neurons[2];
    expect(n).toMatchObject({ hotkey: 'new', registeredAt: 30, emission: 0n, validatorPermit: false });
    expectConserved(chain);
  });

  it('breaks emission ties by the earliest registration, then the lowest uid', () => {
    const chain = fullSubnet();
    chain.state.block = 30;
    setEmission(chain, [0n, 10n, 10n, 10n]);
    expect(prune(chain)).toBe(1);
    chain.subnet(N1)!.neurons[3].registeredAt = 1; // same block as uid 1
    chain.subnet(N1)!.neurons[1].registeredAt = 1;
    chain.subnet(N1)!.neurons[2].registeredAt = 0;
    expect(prune(chain)).toBe(2);
    chain.subnet(N1)!.neurons[2].registeredAt = 1;
    expect(prune(chain)).toBe(1);
  });

  it('prefers any non-immune UID to an immune one, and takes the lowest immune one when all are immune', () => {
    const chain = fullSubnet();
    chain.state.block = 22; // m1 (block 1) and m2 (block 2) past immunity, m3 (block 3) immune
    setEmission(chain, [0n, 90n, 80n, 0n]);
    expect(prune(chain)).toBe(2);
    chain.state.block = 10; // all immune
    expect(prune(chain)).toBe(3);
  });

  it('keeps MinNonImmuneUids non-immune UIDs: below the floor it replaces an immune UID, or none', () => {
    const chain = fullSubnet(2);
    chain.state.block = 22; // m1 and m2 past immunity (2 = the floor, not above it), m3 immune
    setEmission(chain, [0n, 0n, 0n, 90n]);
    expect(prune(chain)).toBe(3);
    chain.state.block = 23; // m3 is past immunity too: 3 non-immune > 2
    expect(prune(chain)).toBe(1);
    const noImmune = fullSubnet(3);
    noImmune.state.block = 23; // 3 non-immune, not above a floor of 3, and no immune UID to take instead
    expect(prune(noImmune)).toBe(null);
  });

  it('refuses when only the owner could be replaced', () => {
    const chain = subnetChain({ maxAllowedUids: 1 });
    const before = snapshotJson(chain);
    const r = chain.apply({ type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m1'), netuid: N1 });
    expect(r.ok ? null : r.error.code).toBe('REGISTRATIONS_FULL');
    expect(snapshotJson(chain)).toBe(before);
  });

  it('clears the replaced UID: its weights row and every weight and bond pointing at it', () => {
    const chain = fullSubnet();
    const s = chain.subnet(N1)!;
    s.weights.set(1, [0, 0, 65_535, 100]);
    s.weights.set(2, [0, 7, 0, 65_535]);
    s.bonds.set(1, [0, 0, 1000, 5]);
    chain.state.block = 29;
    chain.step();
    setEmission(chain, [0n, 50n, 10n, 30n]);
    must(chain, { type: 'register_neuron', coldkey: ck('m'), hotkey: hk('new'), netuid: N1 });
    expect(s.weights.has(2)).toBe(false);
    expect(s.weights.get(1)).toEqual([0, 0, 0, 100]);
    expect(s.bonds.get(1)).toEqual([0, 0, 0, 5]);
  });
});
