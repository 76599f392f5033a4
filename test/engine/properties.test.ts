import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Action } from '../../shared/engine/index.ts';
import { auditConservation, Chain, LEGACY_PARAMS, spotPrice, tao } from '../../shared/engine/index.ts';
import { snapshotJson } from './build.ts';
import type { Intent } from './random_run.ts';
import { intentArb, propertyParams, resolve, setup } from './random_run.ts';

/** What one run did: the concrete log (actions and step counts) and how many actions were accepted. */
interface Run {
  chain: Chain;
  log: (Action | number)[];
  accepted: number;
  refused: number;
  events: Map<string, number>;
}

/** The seed also picks the rule versions, so every emission rule and Yuma variant gets played. */
const RULES = [
  { rules: { emission: 'taoflow', yuma: 'yuma2' } },
  { rules: { emission: 'price-ema', yuma: 'yuma2', swapFee: 'block-author' } },
  { rules: { emission: 'taoflow', yuma: 'yuma3', injectionCap: 'alpha-emission' }, liquidAlpha: true },
  { rules: { emission: 'price-ema', yuma: 'yuma3', subnetPool: 'lock-at-median' } },
] as const;

function newPropertyChain(seed: number): Chain {
  const chain = Chain.create({ params: propertyParams(RULES[seed % RULES.length]), seed, initialIssuance: tao(100_000) });
  setup(chain);
  return chain;
}

function invariants(chain: Chain, after: string): void {
  const problems = auditConservation(chain.state);
  if (problems.length) throw new Error(`${after}: ${problems.join('; ')}`);
  for (const s of chain.state.subnets) {
    if (!s) continue;
    if (!(spotPrice(s) > 0)) throw new Error(`${after}: subnet ${s.netuid} price ${spotPrice(s)}`);
    if (!(s.movingPrice >= 0 && s.movingPrice <= 1)) throw new Error(`${after}: subnet ${s.netuid} moving price ${s.movingPrice}`);
    if (!Number.isFinite(s.flowEma)) throw new Error(`${after}: subnet ${s.netuid} flow EMA ${s.flowEma}`);
    // Bond rows by ascending uid (as a snapshot writes them), each its uid's own array: an epoch writes over them.
    const bonded = [...s.bonds.keys()];
    if (bonded.some((u, k) => k > 0 && u <= bonded[k - 1])) throw new Error(`${after}: subnet ${s.netuid} bonds stored out of order ${bonded}`);
    if (new Set(s.bonds.values()).size !== s.bonds.size) throw new Error(`${after}: subnet ${s.netuid} bond rows shared between uids`);
  }
  for (const [c, b] of chain.state.balances) if (b < 0n) throw new Error(`${after}: ${c} balance ${b}`);
}

/** Plays intents on a chain, checking every invariant after every action and block. */
function play(seed: number, intents: Intent[]): Run {
  const chain = newPropertyChain(seed);
  invariants(chain, 'setup');
  const run: Run = { chain, log: [], accepted: 0, refused: 0, events: new Map() };
  const seen = (events: { type: string }[]) => events.forEach((e) => run.events.set(e.type, (run.events.get(e.type) ?? 0) + 1));
  for (const it of intents) {
    const resolved = resolve(chain, it);
    if (typeof resolved === 'number') {
      for (let i = 0; i < resolved; i++) {
        seen(chain.step());
        invariants(chain, `block ${chain.block}`);
      }
      run.log.push(resolved);
      continue;
    }
    const before = snapshotJson(chain);
    const r = chain.apply(resolved as Action);
    run.log.push(resolved as Action);
    if (r.ok) {
      run.accepted++;
      seen(r.events);
    } else {
      run.refused++;
      if (snapshotJson(chain) !== before) throw new Error(`refused ${r.error.code} changed the state`);
    }
    invariants(chain, `${(resolved as { type?: string } | null)?.type ?? 'garbage'} at block ${chain.block}`);
  }
  return run;
}

function replay(seed: number, log: (Action | number)[], chain = newPropertyChain(seed)): Chain {
  for (const entry of log) {
    if (typeof entry === 'number') for (let i = 0; i < entry; i++) chain.step();
    else chain.apply(entry);
  }
  return chain;
}

const intents = fc.array(intentArb, { minLength: 20, maxLength: 80 });

describe('random play keeps the chain sound', () => {
  it('conserves TAO and every alpha exactly, keeps prices positive and balances non-negative, and refusals change nothing', () => {
    let accepted = 0;
    let refused = 0;
    const kinds = new Map<string, number>();
    const events = new Map<string, number>();
    fc.assert(
      fc.property(fc.nat(1000), intents, (seed, list) => {
        const run = play(seed, list);
        accepted += run.accepted;
        refused += run.refused;
        for (const e of run.log) if (typeof e !== 'number' && e && typeof e === 'object') kinds.set(e.type, (kinds.get(e.type) ?? 0) + 1);
        for (const [k, v] of run.events) events.set(k, (events.get(k) ?? 0) + v);
      }),
      // ENGINE_PROPERTY_RUNS=2000 for a deeper hunt by hand; the default keeps the suite quick.
      { numRuns: Number(process.env.ENGINE_PROPERTY_RUNS ?? 60) },
    );
    // The generator must exercise the engine, not just its refusals.
    expect(accepted).toBeGreaterThan(refused);
    for (const k of ['stake', 'unstake', 'move_stake', 'register_neuron', 'register_subnet', 'set_weights']) expect(kinds.get(k) ?? 0).toBeGreaterThan(20);
    // …and reach the mechanisms that only happen after a while: epochs, both kinds of pruning.
    for (const k of ['epoch', 'subnet_pruned', 'neuron_pruned', 'subnet_registered', 'weights_set']) expect(events.get(k) ?? 0).toBeGreaterThan(5);
  });

  it('is deterministic: the same seed and action log give a byte-identical snapshot', () => {
    fc.assert(
      fc.property(fc.nat(1000), intents, (seed, list) => {
        const run = play(seed, list);
        expect(snapshotJson(replay(seed, run.log))).toBe(snapshotJson(run.chain));
      }),
      { numRuns: 30 },
    );
  });

  it('restores a snapshot to the same state and the same future', () => {
    fc.assert(
      fc.property(fc.nat(1000), intents, fc.nat(), fc.integer({ min: 1, max: 60 }), (seed, list, cut, more) => {
        const run = play(seed, list);
        const at = cut % (run.log.length + 1);
        const a = replay(seed, run.log.slice(0, at));
        const json = snapshotJson(a);
        const b = Chain.restore(JSON.parse(json));
        expect(snapshotJson(b)).toBe(json);
        // The rest of the log, then N more blocks, on both.
        replay(seed, run.log.slice(at), a);
        replay(seed, run.log.slice(at), b);
        for (let i = 0; i < more; i++) expect(JSON.stringify(b.step(), bigints)).toBe(JSON.stringify(a.step(), bigints));
        expect(snapshotJson(b)).toBe(snapshotJson(a));
        expect(snapshotJson(a)).toBe(snapshotJson(replay(seed, [...run.log, more])));
      }),
      { numRuns: 30 },
    );
  });

  it('gives a different future for a different seed only through the RNG state, which the snapshot carries', () => {
    const a = newPropertyChain(1);
    const b = newPropertyChain(2);
    expect(a.state.rng).not.toEqual(b.state.rng);
    const restored = Chain.restore(JSON.parse(snapshotJson(a)));
    expect(restored.state.rng).toEqual(a.state.rng);
  });
});

describe('snapshots written by earlier versions', () => {
  it('play on with the defaults of parameters that did not exist yet, which are what the engine did then', () => {
    const a = newPropertyChain(4); // rule versions of RULES[0]: the default opening pool
    const old = JSON.parse(snapshotJson(a));
    delete old.params.decreedTaoHalvings;
    delete old.params.rules.subnetPool;
    const b = Chain.restore(old);
    expect(b.state.params.decreedTaoHalvings).toBe(0);
    expect(b.state.params.rules.subnetPool).toBe('min-lock-at-par');
    // Same future as the snapshot that had them all, to the byte.
    for (let i = 0; i < 30; i++) [a, b].forEach((c) => c.step());
    expect(snapshotJson(b)).toBe(snapshotJson(a));
  });

  it('stored before the injection cap, the burn smoothing and the fee rule, play on as the engine did then', () => {
    const a = Chain.create({ params: propertyParams({ ...LEGACY_PARAMS, rules: LEGACY_PARAMS.rules }), seed: 4, initialIssuance: tao(100_000) });
    setup(a);
    const old = JSON.parse(snapshotJson(a));
    for (const k of ['adjustmentAlpha', 'maxRegistrationsPerIntervalFactor']) delete old.params[k];
    for (const k of ['injectionCap', 'swapFee']) delete old.params.rules[k];
    const b = Chain.restore(old);
    expect(b.state.params.rules.injectionCap).toBe('alpha-emission');
    expect(b.state.params.adjustmentAlpha).toBe(0);
    for (let i = 0; i < 30; i++) [a, b].forEach((c) => c.step());
    expect(snapshotJson(b)).toBe(snapshotJson(a));
  });

  it('stored before the same-block stake mark and burned alpha in issuance, restore with none and stay sound', () => {
    const a = newPropertyChain(4);
    const old = JSON.parse(snapshotJson(a));
    delete old.stakedThisBlock;
    for (const s of old.subnets) if (s) delete s.alphaBurnedInIssuance;
    const b = Chain.restore(old);
    expect(b.state.stakedThisBlock.size).toBe(0);
    for (let i = 0; i < 30; i++) b.step();
    expect(b.state.subnets.every((s) => s === null || s.alphaBurnedInIssuance >= 0n)).toBe(true);
    expect(auditConservation(b.state)).toEqual([]);
  });
});

const bigints = (_k: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v);
