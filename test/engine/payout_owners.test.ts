import { describe, expect, it } from 'vitest';
import { netuid, stakeOf, tao, uid } from '../../shared/engine/index.ts';
import { ck, expectConserved, hk, must, newChain, steps, testParams } from './build.ts';

const N1 = netuid(1);

describe("an epoch pays a miner's incentive to its hotkey's owner", () => {
  it('pays the new owner once another wallet has taken the UID over, not the one it paid before', () => {
    // UID 0 the owner, 1 a validator, 2 a miner: full, so a registration replaces one of them.
    const chain = newChain(testParams({ tempo: 9, maxAllowedUids: 3, neuronImmunityPeriod: 0, minNonImmuneUids: 0, adjustmentInterval: 0, maxRegistrationsPerIntervalFactor: 0 }));
    for (const w of ['owner', 'val', 'a', 'b']) must(chain, { type: 'create_wallet', coldkey: ck(w), balance: tao(10_000) });
    must(chain, { type: 'register_subnet', coldkey: ck('owner'), hotkey: hk('owner-hk') });
    chain.step();
    must(chain, { type: 'register_neuron', coldkey: ck('val'), hotkey: hk('v'), netuid: N1 });
    must(chain, { type: 'stake', coldkey: ck('val'), hotkey: hk('v'), netuid: N1, amount: tao(500) });
    chain.step();
    must(chain, { type: 'register_neuron', coldkey: ck('a'), hotkey: hk('ma'), netuid: N1 });
    const s = chain.subnet(N1)!;
    const epochs = (k: number) => {
      for (let seen = 0; seen < k; ) seen += chain.step().filter((e) => e.type === 'epoch').length;
    };
    epochs(1); // v wins its permit
    must(chain, { type: 'set_weights', coldkey: ck('val'), hotkey: hk('v'), netuid: N1, uids: [uid(2)], weights: [1] });
    epochs(1);
    const paidA = stakeOf(s.stake, hk('ma'), ck('a'));
    expect(paidA).toBeGreaterThan(0n);

    // ma earned least: b's hotkey takes UID 2, and v weighs it.
    s.neurons[2].emission = 0n;
    chain.step();
    const events = must(chain, { type: 'register_neuron', coldkey: ck('b'), hotkey: hk('mb'), netuid: N1 });
    expect(events[0]).toMatchObject({ type: 'neuron_pruned', uid: 2, hotkey: 'ma' });
    must(chain, { type: 'set_weights', coldkey: ck('val'), hotkey: hk('v'), netuid: N1, uids: [uid(2)], weights: [1] });
    epochs(1);
    expect(stakeOf(s.stake, hk('mb'), ck('b'))).toBeGreaterThan(0n);
    expect(stakeOf(s.stake, hk('mb'), ck('a'))).toBe(0n);
    expect(stakeOf(s.stake, hk('ma'), ck('a'))).toBe(paidA);
    steps(chain, 3);
    expectConserved(chain);
  });
});
