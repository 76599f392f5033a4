import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Action, ChainEvent } from '../../shared/engine/index.ts';
import { auditConservation, blockEmissionForIssuance, Chain, netuid, tao } from '../../shared/engine/index.ts';
import { hk } from './build.ts';
import type { Intent } from './random_run.ts';
import { intentArb, propertyParams, resolve, WALLETS } from './random_run.ts';

/**
 * A 2 000-TAO supply with 1 TAO a block: each halving period is S / (2·E₀) = 1 000 blocks of
 * issuance, so a run of tens of thousands of blocks passes many halvings of TAO and of each
 * subnet's alpha (same function, same constants). Three subnet slots, short immunity and rate
 * limit: registrations keep pruning the lowest-priced subnet.
 */
const SUPPLY = tao(2000);
const BLOCKS = 24_000;
const params = propertyParams({
  totalSupply: SUPPLY,
  defaultBlockEmission: tao(1),
  networkMinLockCost: tao(5),
  networkRateLimit: 60,
  networkImmunityPeriod: 150,
  networkLockReductionInterval: 30,
  subnetLimit: 3,
  minBurn: 1_000_000n,
  initialBurn: 10_000_000n,
});

describe('a long run with halvings and full slots', () => {
  it('keeps every cap and conserves every rao through many halvings and prunings', () => {
    const chain = Chain.create({ params, seed: 'long', initialIssuance: tao(500) });
    const apply = (a: unknown) => chain.apply(a as Action);
    for (const c of WALLETS) apply({ type: 'create_wallet', coldkey: c, balance: tao(60) });
    apply({ type: 'register_subnet', coldkey: WALLETS[0], hotkey: hk('w0-owner') });

    // One player intent a block, drawn reproducibly; a new subnet is tried every 120 blocks.
    const intents = fc.sample(intentArb.filter((i): i is Exclude<Intent, { kind: 'step' }> => i.kind !== 'step'), { seed: 2026, numRuns: BLOCKS });
    const count = new Map<string, number>();
    let last = chain.state.blockEmission;
    const emissions: bigint[] = [last];

    for (let b = 0; b < BLOCKS; b++) {
      const issuanceBefore = chain.state.tao.issuance;
      const events: ChainEvent[] = chain.step();
      for (const e of events) count.set(e.type, (count.get(e.type) ?? 0) + 1);

      const emission = events.find((e) => e.type === 'block_emission') as Extract<ChainEvent, { type: 'block_emission' }>;
      expect(emission.emission).toBe(blockEmissionForIssuance(issuanceBefore, SUPPLY, tao(1)));
      expect(emission.emission <= tao(1)).toBe(true);
      expect(emission.injected <= emission.emission).toBe(true);
      if (emission.emission !== last) {
        expect(events).toContainEqual(expect.objectContaining({ type: 'halving', emission: emission.emission }));
        emissions.push(emission.emission);
        last = emission.emission;
      }
      expect(chain.state.tao.issuance <= SUPPLY).toBe(true);
      for (const s of chain.state.subnets) if (s) expect(s.alphaIn + s.alphaOut <= SUPPLY).toBe(true);
      const problems = auditConservation(chain.state);
      if (problems.length) throw new Error(`block ${chain.block}: ${problems.join('; ')}`);

      for (const e of events) if (e.type === 'alpha_halving') expect([1n, 2n, 4n, 8n, 16n, 32n].map((d) => tao(1) / d)).toContain(e.emission);
      const r = apply(b % 120 === 0 ? { type: 'register_subnet', coldkey: WALLETS[b % 5], hotkey: hk(`long-s${b}`) } : resolve(chain, intents[b]));
      if (r.ok) for (const e of r.events) count.set(e.type, (count.get(e.type) ?? 0) + 1);
      // Keep TAO flowing in so Taoflow keeps emitting: a steady staker on subnet 1 whenever it exists.
      if (b % 10 === 5 && chain.subnet(netuid(1))) apply({ type: 'stake', coldkey: WALLETS[b % 5], hotkey: chain.subnet(netuid(1))!.ownerHotkey, netuid: netuid(1), amount: tao(1) / 10n });
    }

    // Many TAO halvings, each emission half the previous one (the chain's floor(E₀ / 2^k)).
    const halvings = emissions.slice(1).filter((e, i) => e < emissions[i]);
    expect(halvings.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < emissions.length; i++) if (emissions[i] < emissions[i - 1]) expect(emissions[i]).toBe(emissions[i - 1] / 2n);
    // Subnets that survive long enough cross their own alpha halvings (pruning restarts the others).
    expect(count.get('alpha_halving') ?? 0).toBeGreaterThanOrEqual(2);
    expect(count.get('subnet_pruned') ?? 0).toBeGreaterThan(10);
    expect(count.get('epoch') ?? 0).toBeGreaterThan(1000);
    expect(chain.state.tao.issuance).toBeGreaterThan(tao(1500));
  });
});
