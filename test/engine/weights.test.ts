import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Chain, netuid, tao, uid } from '../../shared/engine/index.ts';
import { ck, hk, must, steps, testParams } from './build.ts';

/** What set_weights stores, written the plain way: a fresh row, each weight max-upscaled to u16. */
function reference(width: number, uids: number[], weights: number[]): number[] {
  const top = Math.max(...weights);
  const row = new Array<number>(width).fill(0);
  uids.forEach((j, k) => (row[j] = Math.round((weights[k] / top) * 65_535)));
  return row;
}

describe('set_weights stores each new row over the last', () => {
  it('leaves exactly the latest row, whatever rows came before and as UIDs join the subnet', () => {
    const call = fc.record({
      mask: fc.integer({ min: 1, max: 255 }),
      weights: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })), { minLength: 8, maxLength: 8 }),
      join: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 12 }), (calls) => {
        const chain = Chain.create({
          params: testParams({ tempo: 9, maxAllowedValidators: 8, maxAllowedUids: 12, maxRegistrationsPerIntervalFactor: 0 }),
          seed: 3,
          initialIssuance: tao(1_000_000),
          subnets: [{ owner: ck('o'), ownerHotkey: hk('o-hk'), taoIn: tao(1000), alphaIn: tao(1000) }],
        });
        must(chain, { type: 'create_wallet', coldkey: ck('v'), balance: tao(10_000) });
        for (let k = 0; k < 3; k++) {
          must(chain, { type: 'register_neuron', coldkey: ck('v'), hotkey: hk(`n${k}`), netuid: netuid(1) });
          chain.step();
        }
        must(chain, { type: 'stake', coldkey: ck('v'), hotkey: hk('n0'), netuid: netuid(1), amount: tao(100) });
        steps(chain, 10); // an epoch gives n0 (UID 1) its permit
        const s = chain.subnet(netuid(1))!;
        let joined = 3;
        for (const c of calls) {
          if (c.join && s.neurons.length < 12) {
            must(chain, { type: 'register_neuron', coldkey: ck('v'), hotkey: hk(`n${joined++}`), netuid: netuid(1) });
            chain.step();
          }
          const uids = s.neurons.map((_, j) => j).filter((j) => c.mask & (1 << j % 8));
          const weights = uids.map((j) => c.weights[j % 8]);
          const r = chain.apply({ type: 'set_weights', coldkey: ck('v'), hotkey: hk('n0'), netuid: netuid(1), uids: uids.map(uid), weights });
          if (!r.ok) continue;
          expect(s.weights.get(1)).toEqual(reference(s.neurons.length, uids, weights));
        }
        // No other UID's row appeared.
        expect([...s.weights.keys()].filter((j) => j !== 1)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('set_weights refuses a UID named twice, and only that', () => {
  it('accepts exactly the rows whose UIDs are distinct and in range, call after call on one chain', () => {
    const chain = Chain.create({
      params: testParams({ tempo: 9, maxAllowedValidators: 8, maxAllowedUids: 12, weightsSetRateLimit: 0, maxRegistrationsPerIntervalFactor: 0 }),
      seed: 3,
      initialIssuance: tao(1_000_000),
      subnets: [{ owner: ck('o'), ownerHotkey: hk('o-hk'), taoIn: tao(1000), alphaIn: tao(1000) }],
    });
    must(chain, { type: 'create_wallet', coldkey: ck('v'), balance: tao(10_000) });
    for (let k = 0; k < 5; k++) {
      must(chain, { type: 'register_neuron', coldkey: ck('v'), hotkey: hk(`n${k}`), netuid: netuid(1) });
      chain.step();
    }
    must(chain, { type: 'stake', coldkey: ck('v'), hotkey: hk('n0'), netuid: netuid(1), amount: tao(100) });
    steps(chain, 10);
    const width = chain.subnet(netuid(1))!.neurons.length;
    // Successive calls on one chain: a flag one call left behind must not refuse the next.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: width }), { minLength: 1, maxLength: 8 }), (uids) => {
        const r = chain.apply({ type: 'set_weights', coldkey: ck('v'), hotkey: hk('n0'), netuid: netuid(1), uids: uids.map(uid), weights: uids.map(() => 1) });
        const valid = new Set(uids).size === uids.length && uids.every((j) => j < width);
        expect(r.ok).toBe(valid);
        if (!r.ok) expect(r.error.code).toBe('WEIGHTS_MALFORMED');
      }),
      { numRuns: 300 },
    );
  });
});
