import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { best, top } from '../../shared/bots/moves.ts';
import type { SubnetView } from '../../shared/bots/index.ts';
import { Chain, chainParams, coldkey as ck, hotkey as hk, netuid, tao } from '../../shared/engine/index.ts';
import { Game } from '../../shared/game/index.ts';
import { networkView } from '../../shared/game/view.ts';
import { scenario } from '../game/helpers.ts';

/** Only what `best` and `top` read of a subnet: its netuid, and the score the test gives it. */
const subnets = (scores: number[], netuids: number[]) => scores.map((score, k) => ({ netuid: netuids[k], score }) as unknown as SubnetView & { score: number });

describe('top: the leader best() would sort first, without the sort', () => {
  const score = (s: SubnetView) => (s as SubnetView & { score: number }).score;

  it('agrees with best()[0] on any scores, ties among them, and any order of netuids', () => {
    // Few distinct values so that ties are common; infinities where the sort's subtraction gives NaN.
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -0, Infinity, -Infinity), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.integer(), (scores, seed) => {
        // Distinct netuids in a shuffled order: the tie-break is by netuid, not by position.
        const netuids = scores.map((_, k) => k + 1).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b);
        const list = subnets(scores, netuids);
        expect(top(list, score)).toBe(best(list, score)[0]);
      }),
      { numRuns: 2000 },
    );
  });

  it('breaks a tie to the lower netuid wherever it stands, and lets no NaN lead', () => {
    const list = subnets([1, 2, 2, NaN], [9, 7, 3, 1]);
    expect(top(list, score)?.netuid).toBe(3);
    expect(top(subnets([NaN, 0], [1, 2]), score)?.netuid).toBe(2);
    expect(top([], score)).toBeUndefined();
  });
});

describe('a subnet view counts its miners as it lists them', () => {
  it('minerCount is miners.length on every subnet, every block of a workshop game as UIDs come, go and win permits', () => {
    const game = Game.create(scenario('workshop', {}), 4);
    let checked = 0;
    let ownerWithoutPermit = 0;
    while (!game.over) {
      game.step();
      // Counted on a fresh view (no list built yet) and on one whose lists exist.
      const fresh = networkView(game.chain, {}, {});
      const listed = networkView(game.chain, {}, {});
      fresh.forEach((s, k) => {
        const miners = listed[k].miners;
        expect(s.minerCount).toBe(miners.length);
        expect(listed[k].minerCount).toBe(miners.length);
        checked += miners.length;
        if (!game.chain.subnet(s.netuid)!.neurons[0].validatorPermit) ownerWithoutPermit++;
      });
    }
    expect(checked).toBeGreaterThan(100);
    // The owner's UID is no miner even before it wins a permit.
    expect(ownerWithoutPermit).toBeGreaterThan(0);
  });

  it("counts again when a validator's UID changes hands between epochs", () => {
    // UID 0 the owner, 1 a validator, 2 a miner: full, so a registration replaces one of them.
    const chain = Chain.create({
      params: chainParams({ tempo: 9, maxAllowedUids: 3, neuronImmunityPeriod: 0, minNonImmuneUids: 0, adjustmentInterval: 0, maxRegistrationsPerIntervalFactor: 0, networkRateLimit: 0 }),
      seed: 1,
      initialIssuance: tao(1_000_000),
    });
    const must = (r: ReturnType<Chain['apply']>) => expect(r.ok).toBe(true);
    for (const w of ['o', 'v', 'm']) must(chain.apply({ type: 'create_wallet', coldkey: ck(w), balance: tao(10_000) }));
    must(chain.apply({ type: 'register_subnet', coldkey: ck('o'), hotkey: hk('o-hk') }));
    chain.step();
    must(chain.apply({ type: 'register_neuron', coldkey: ck('v'), hotkey: hk('v1'), netuid: netuid(1) }));
    must(chain.apply({ type: 'stake', coldkey: ck('v'), hotkey: hk('v1'), netuid: netuid(1), amount: tao(500) }));
    chain.step();
    must(chain.apply({ type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m1'), netuid: netuid(1) }));
    while (!chain.subnet(netuid(1))!.neurons[1].validatorPermit) chain.step();
    const s = chain.subnet(netuid(1))!;
    expect(networkView(chain, {}, {})[0].minerCount).toBe(1);
    s.neurons[1].emission = 0n;
    s.neurons[2].emission = tao(1);
    chain.step();
    must(chain.apply({ type: 'register_neuron', coldkey: ck('m'), hotkey: hk('m2'), netuid: netuid(1) }));
    expect(s.neurons[1].hotkey).toBe('m2');
    expect(networkView(chain, {}, {})[0].minerCount).toBe(2);
  });
});
