import fc from 'fast-check';
import type { Action, Chain, ChainParams, Coldkey, Hotkey, Netuid } from '../../shared/engine/index.ts';
import { netuid, ROOT, tao, uid } from '../../shared/engine/index.ts';
import { ck, hk, testParams } from './build.ts';

/**
 * Random play for property tests: an intent names things by index and fraction; it is resolved
 * against the current state into a concrete action, so most generated actions are valid (the
 * hotkeys, stakes and subnets exist) while some still fail on limits, rates or dust.
 */
export type Intent =
  | { kind: 'stake'; w: number; s: number; h: number; frac: number }
  | { kind: 'unstake'; w: number; e: number; frac: number }
  | { kind: 'move'; w: number; e: number; s: number; h: number; frac: number }
  | { kind: 'register_neuron'; w: number; s: number }
  | { kind: 'register_subnet'; w: number }
  | { kind: 'set_weights'; s: number; h: number; mask: number; ws: number[] }
  | { kind: 'set_take'; w: number; h: number; take: number }
  | { kind: 'transfer'; w: number; to: number; frac: number }
  | { kind: 'credit'; w: number; frac: number }
  | { kind: 'debit'; w: number; frac: number }
  | { kind: 'garbage'; pick: number }
  | { kind: 'step'; n: number };

export const WALLETS = ['w0', 'w1', 'w2', 'w3', 'w4'].map(ck);

/** A fraction in per-mille: fast-check's doubles crowd near 0, which would make most amounts dust. */
const frac = fc.integer({ min: 0, max: 1000 });
const n = fc.nat(1000);
export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('stake' as const), w: n, s: n, h: n, frac }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('unstake' as const), w: n, e: n, frac }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), w: n, e: n, s: n, h: n, frac }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('register_neuron' as const), w: n, s: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('register_subnet' as const), w: n }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set_weights' as const), s: n, h: n, mask: fc.nat(255), ws: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 8, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set_take' as const), w: n, h: n, take: fc.nat(12_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), w: n, to: n, frac }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('credit' as const), w: n, frac }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('debit' as const), w: n, frac }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), pick: n }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('step' as const), n: fc.integer({ min: 1, max: 12 }) }) },
);

/** Time scaled so epochs, immunity, pruning, burn adjustment and rate limits all happen within a run. */
export function propertyParams(overrides: Parameters<typeof testParams>[0] = {}): ChainParams {
  return testParams({
    tempo: 9,
    networkRateLimit: 2,
    networkImmunityPeriod: 12,
    networkLockReductionInterval: 40,
    networkMinLockCost: tao(100),
    subnetLimit: 3,
    neuronImmunityPeriod: 8,
    maxAllowedUids: 4,
    minNonImmuneUids: 1,
    maxAllowedValidators: 3,
    weightsSetRateLimit: 3,
    adjustmentInterval: 20,
    activityCutoff: 60,
    // Fast EMAs so Taoflow shares, moving prices (and with them the root-sell switch and pruning by
    // price) move within a run; a large TAO weight so root stake earns visible dividends.
    flowEmaAlpha: 0.05,
    movingAlpha: 0.05,
    emaPriceHalvingBlocks: 20,
    taoWeight: 0.18,
    ...overrides,
  });
}

/** Five wallets and two subnets with a couple of neurons each, set up as players would. */
export function setup(chain: Chain): void {
  const must = (a: Action) => {
    const r = chain.apply(a);
    if (!r.ok) throw new Error(`setup ${a.type}: ${r.error.code}`);
  };
  for (const c of WALLETS) must({ type: 'create_wallet', coldkey: c, balance: tao(3000) });
  must({ type: 'register_subnet', coldkey: WALLETS[0], hotkey: hk('w0-owner') });
  for (let i = 0; i < 4; i++) chain.step();
  must({ type: 'register_subnet', coldkey: WALLETS[1], hotkey: hk('w1-owner') });
  WALLETS.slice(2).forEach((c, i) => {
    chain.step();
    must({ type: 'register_neuron', coldkey: c, hotkey: hk(`${c}-v`), netuid: netuid(1 + (i % 2)) });
    must({ type: 'stake', coldkey: c, hotkey: hk(`${c}-v`), netuid: netuid(1 + (i % 2)), amount: tao(200) });
  });
}

const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
const part = (amount: bigint, perMille: number): bigint => (amount * BigInt(Math.floor(perMille))) / 1000n;

function liveSubnets(chain: Chain): Netuid[] {
  return chain.state.subnets.flatMap((s, i) => (s ? [netuid(i)] : []));
}

function stakesOf(chain: Chain, c: Coldkey): { id: Netuid; hotkey: Hotkey; amount: bigint }[] {
  const out: { id: Netuid; hotkey: Hotkey; amount: bigint }[] = [];
  for (const [hotkey, row] of chain.state.root) if (row.has(c)) out.push({ id: ROOT, hotkey, amount: row.get(c)! });
  for (const s of chain.state.subnets) if (s) for (const [hotkey, row] of s.stake) if (row.has(c)) out.push({ id: s.netuid, hotkey, amount: row.get(c)! });
  return out;
}

/** The concrete action for an intent in the current state, or a number of blocks to step. */
export function resolve(chain: Chain, it: Intent): Action | number | unknown {
  const w = pick(WALLETS, 'w' in it ? it.w : 0)!;
  const balance = chain.balance(w);
  switch (it.kind) {
    case 'step':
      return it.n;
    case 'stake': {
      const ids = [ROOT, ...liveSubnets(chain)];
      const id = pick(ids, it.s)!;
      const keys = id === ROOT ? [...chain.state.hotkeys.keys()] : chain.subnet(id)!.neurons.map((x) => x.hotkey);
      return { type: 'stake', coldkey: w, hotkey: pick(keys, it.h) ?? hk('none'), netuid: id, amount: part(balance, it.frac / 2) };
    }
    case 'unstake': {
      const e = pick(stakesOf(chain, w), it.e);
      if (!e) return { type: 'unstake', coldkey: w, hotkey: hk('none'), netuid: netuid(1), amount: 1n };
      return { type: 'unstake', coldkey: w, hotkey: e.hotkey, netuid: e.id, amount: it.frac > 800 ? e.amount : part(e.amount, it.frac) };
    }
    case 'move': {
      const e = pick(stakesOf(chain, w), it.e);
      const id = pick([ROOT, ...liveSubnets(chain)], it.s)!;
      const keys = id === ROOT ? [...chain.state.hotkeys.keys()] : chain.subnet(id)!.neurons.map((x) => x.hotkey);
      if (!e) return { type: 'move_stake', coldkey: w, fromHotkey: hk('none'), toHotkey: pick(keys, it.h) ?? hk('none'), fromNetuid: id, toNetuid: id, amount: 1n };
      return { type: 'move_stake', coldkey: w, fromHotkey: e.hotkey, toHotkey: pick(keys, it.h) ?? hk('none'), fromNetuid: e.id, toNetuid: id, amount: it.frac > 800 ? e.amount : part(e.amount, it.frac) };
    }
    case 'register_neuron':
      return { type: 'register_neuron', coldkey: w, hotkey: hk(`${w}-n${chain.state.hotkeys.size}`), netuid: pick(liveSubnets(chain), it.s) ?? netuid(1) };
    case 'register_subnet':
      return { type: 'register_subnet', coldkey: w, hotkey: hk(`${w}-s${chain.state.hotkeys.size}`) };
    case 'set_weights': {
      const s = chain.subnet(pick(liveSubnets(chain), it.s) ?? netuid(1));
      if (!s) return { type: 'set_weights', coldkey: w, hotkey: hk('none'), netuid: netuid(1), uids: [], weights: [] };
      // Prefer a validator with a permit, as a real validator would be the one setting weights.
      const permitted = s.neurons.filter((x) => x.validatorPermit);
      const n = pick(permitted.length ? permitted : s.neurons, it.h)!;
      const uids = s.neurons.map((_, j) => j).filter((j) => it.mask & (1 << j % 8));
      return { type: 'set_weights', coldkey: chain.state.hotkeys.get(n.hotkey)!.owner, hotkey: n.hotkey, netuid: s.netuid, uids: uids.map(uid), weights: uids.map((j) => it.ws[j % 8]) };
    }
    case 'set_take': {
      const mine = [...chain.state.hotkeys].filter(([, info]) => info.owner === w).map(([k]) => k);
      return { type: 'set_take', coldkey: w, hotkey: pick(mine, it.h) ?? hk('none'), takeU16: it.take };
    }
    case 'transfer':
      return { type: 'transfer', coldkey: w, to: pick(WALLETS, it.to)!, amount: part(balance, it.frac) };
    case 'credit':
      return { type: 'credit', coldkey: w, amount: part(tao(100), it.frac) };
    case 'debit':
      return { type: 'debit', coldkey: w, amount: part(balance, it.frac / 5) };
    case 'garbage':
      return pick<unknown>([null, 7, 'stake', {}, { type: 'stake', coldkey: w, hotkey: hk('none'), netuid: 1, amount: -1n }, { type: 'set_weights', coldkey: w, netuid: 1, uids: [0, 0], weights: [1, 1] }, { type: 'nope' }, { type: 'unstake', coldkey: w, amount: 10n ** 30n }], it.pick);
  }
}
