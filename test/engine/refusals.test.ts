import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Action, ErrorCode } from '../../shared/engine/index.ts';
import { auditConservation, Chain, MAX_AMOUNT, netuid, tao, uid } from '../../shared/engine/index.ts';
import { ck, hk, must, newChain, snapshotJson, steps, testParams } from './build.ts';

/**
 * A network where every action could succeed: alice owns subnet 1 and validates on it with the only
 * permit (uid 1, hotkey alice-v), bob mines on it (uid 2), stakes on root and owns subnet 2 (just
 * registered, so the network rate limit holds), carol is a wallet with half a TAO.
 */
function network(): Chain {
  const chain = newChain(testParams({ tempo: 9, networkRateLimit: 5, weightsSetRateLimit: 20, maxAllowedUids: 3, minNonImmuneUids: 0, maxAllowedValidators: 1, initialBurn: tao(1) }));
  must(chain, { type: 'create_wallet', coldkey: ck('alice'), balance: tao(5000) });
  must(chain, { type: 'create_wallet', coldkey: ck('bob'), balance: tao(3000) });
  must(chain, { type: 'create_wallet', coldkey: ck('carol'), balance: 500_000_000n });
  must(chain, { type: 'register_subnet', coldkey: ck('alice'), hotkey: hk('alice-owner') });
  must(chain, { type: 'register_neuron', coldkey: ck('alice'), hotkey: hk('alice-v'), netuid: netuid(1) });
  chain.step();
  must(chain, { type: 'register_neuron', coldkey: ck('bob'), hotkey: hk('bob-m'), netuid: netuid(1) });
  must(chain, { type: 'stake', coldkey: ck('alice'), hotkey: hk('alice-v'), netuid: netuid(1), amount: tao(100) });
  must(chain, { type: 'stake', coldkey: ck('bob'), hotkey: hk('bob-m'), netuid: netuid(0), amount: tao(10) });
  steps(chain, 8); // epoch: alice-v gets the permit
  must(chain, { type: 'set_weights', coldkey: ck('alice'), hotkey: hk('alice-v'), netuid: netuid(1), uids: [uid(2)], weights: [1] });
  must(chain, { type: 'register_subnet', coldkey: ck('bob'), hotkey: hk('bob-owner') });
  expect(chain.subnet(netuid(1))!.neurons.map((n) => n.validatorPermit)).toEqual([false, true, false]);
  return chain;
}

const A = ck('alice');
const N1 = netuid(1);
const stake = (over: Record<string, unknown>) => ({ type: 'stake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: tao(1), ...over });
const weights = (over: Record<string, unknown>) => ({ type: 'set_weights', coldkey: A, hotkey: hk('alice-v'), netuid: N1, uids: [uid(2)], weights: [1], ...over });

const cases: [string, unknown, ErrorCode][] = [
  // Not an action at all.
  ['null', null, 'UNKNOWN_ACTION'],
  ['undefined', undefined, 'UNKNOWN_ACTION'],
  ['a number', 42, 'UNKNOWN_ACTION'],
  ['a string', 'stake', 'UNKNOWN_ACTION'],
  ['an array', [], 'UNKNOWN_ACTION'],
  ['an empty object', {}, 'UNKNOWN_ACTION'],
  ['an unknown type', { type: 'mint', coldkey: A, amount: tao(1) }, 'UNKNOWN_ACTION'],
  ['a prototype key as type', { type: 'toString' }, 'UNKNOWN_ACTION'],
  ['__proto__ as type', JSON.parse('{"type":"__proto__"}'), 'UNKNOWN_ACTION'],
  ['a numeric type', { type: 7 }, 'UNKNOWN_ACTION'],
  ['a bare stake', { type: 'stake' }, 'UNKNOWN_WALLET'],
  // Wallets.
  ['stake from an unknown wallet', stake({ coldkey: ck('mallory') }), 'UNKNOWN_WALLET'],
  ['stake from a non-string wallet', stake({ coldkey: 5 }), 'UNKNOWN_WALLET'],
  ['transfer to an unknown wallet', { type: 'transfer', coldkey: A, to: ck('nobody'), amount: 1n }, 'UNKNOWN_WALLET'],
  ['create an existing wallet', { type: 'create_wallet', coldkey: A, balance: 0n }, 'WALLET_EXISTS'],
  ['create a wallet with an empty name', { type: 'create_wallet', coldkey: '', balance: 0n }, 'INVALID_PAYLOAD'],
  ['create a wallet with a huge name', { type: 'create_wallet', coldkey: 'x'.repeat(65), balance: 0n }, 'INVALID_PAYLOAD'],
  ['create a wallet with a negative balance', { type: 'create_wallet', coldkey: ck('dave'), balance: -1n }, 'INVALID_AMOUNT'],
  ['create a wallet with a number balance', { type: 'create_wallet', coldkey: ck('dave'), balance: 5 }, 'INVALID_AMOUNT'],
  ['create a wallet with more than exists', { type: 'create_wallet', coldkey: ck('dave'), balance: MAX_AMOUNT }, 'INSUFFICIENT_BALANCE'],
  // Amounts.
  ['stake zero', stake({ amount: 0n }), 'INVALID_AMOUNT'],
  ['stake a negative amount', stake({ amount: -5n }), 'INVALID_AMOUNT'],
  ['stake a float', stake({ amount: 1.5 }), 'INVALID_AMOUNT'],
  ['stake NaN', stake({ amount: Number.NaN }), 'INVALID_AMOUNT'],
  ['stake a decimal string', stake({ amount: '1.5' }), 'INVALID_AMOUNT'],
  ['stake more than the supply', stake({ amount: MAX_AMOUNT + 1n }), 'INVALID_AMOUNT'],
  ['stake an absurd amount', stake({ amount: 10n ** 40n }), 'INVALID_AMOUNT'],
  ['stake more than the balance', stake({ amount: tao(4000) }), 'INSUFFICIENT_BALANCE'],
  ['stake below the minimum', stake({ amount: 1_999_999n }), 'AMOUNT_BELOW_MINIMUM'],
  ['stake past a limit price', stake({ amount: tao(100), limitPrice: 1.0000001 }), 'SLIPPAGE_EXCEEDED'],
  ['stake with a nonsense limit price', stake({ limitPrice: 'cheap' }), 'INVALID_PAYLOAD'],
  ['stake with a negative limit price', stake({ limitPrice: -1 }), 'INVALID_PAYLOAD'],
  ['unstake zero', { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: 0n }, 'INVALID_AMOUNT'],
  ['unstake more than held', { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: tao(1000) }, 'INSUFFICIENT_STAKE'],
  ['unstake from a hotkey one has no stake on', { type: 'unstake', coldkey: ck('carol'), hotkey: hk('alice-v'), netuid: N1, amount: 1n }, 'INSUFFICIENT_STAKE'],
  ['unstake dust leaving stake behind', { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: 1000n }, 'AMOUNT_BELOW_MINIMUM'],
  ['transfer more than the balance', { type: 'transfer', coldkey: ck('carol'), to: A, amount: tao(2) }, 'INSUFFICIENT_BALANCE'],
  ['debit more than the balance', { type: 'debit', coldkey: ck('carol'), amount: tao(2) }, 'INSUFFICIENT_BALANCE'],
  ['debit a bigint-like string', { type: 'debit', coldkey: ck('carol'), amount: '1' }, 'INVALID_AMOUNT'],
  ['credit more than exists outside', { type: 'credit', coldkey: ck('carol'), amount: MAX_AMOUNT }, 'INSUFFICIENT_BALANCE'],
  ['move zero stake', { type: 'move_stake', coldkey: A, fromHotkey: hk('alice-v'), toHotkey: hk('bob-m'), fromNetuid: N1, toNetuid: N1, amount: 0n }, 'INVALID_AMOUNT'],
  ['move more stake than held', { type: 'move_stake', coldkey: A, fromHotkey: hk('alice-v'), toHotkey: hk('bob-m'), fromNetuid: N1, toNetuid: N1, amount: tao(1000) }, 'INSUFFICIENT_STAKE'],
  ['move stake to an unknown hotkey', { type: 'move_stake', coldkey: A, fromHotkey: hk('alice-v'), toHotkey: hk('ghost'), fromNetuid: N1, toNetuid: N1, amount: 1n }, 'UNKNOWN_HOTKEY'],
  ['move stake to a missing subnet', { type: 'move_stake', coldkey: A, fromHotkey: hk('alice-v'), toHotkey: hk('alice-v'), fromNetuid: N1, toNetuid: netuid(9), amount: tao(1) }, 'SUBNET_NOT_FOUND'],
  // Subnets and hotkeys.
  ['stake on a missing subnet', stake({ netuid: netuid(9) }), 'SUBNET_NOT_FOUND'],
  ['stake on a fractional netuid', stake({ netuid: 1.5 }), 'SUBNET_NOT_FOUND'],
  ['stake on a string netuid', stake({ netuid: '1' }), 'SUBNET_NOT_FOUND'],
  ['stake on a negative netuid', stake({ netuid: -1 }), 'SUBNET_NOT_FOUND'],
  ['stake behind an unknown hotkey', stake({ hotkey: hk('ghost') }), 'UNKNOWN_HOTKEY'],
  ['unstake from a missing subnet', { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: netuid(9), amount: 1n }, 'SUBNET_NOT_FOUND'],
  ['register a neuron on a missing subnet', { type: 'register_neuron', coldkey: A, hotkey: hk('x'), netuid: netuid(9) }, 'SUBNET_NOT_FOUND'],
  ["register someone else's hotkey", { type: 'register_neuron', coldkey: A, hotkey: hk('bob-m'), netuid: N1 }, 'HOTKEY_OWNED_BY_OTHER'],
  ['register a hotkey twice', { type: 'register_neuron', coldkey: A, hotkey: hk('alice-v'), netuid: N1 }, 'ALREADY_REGISTERED'],
  ['register a non-string hotkey', { type: 'register_neuron', coldkey: A, hotkey: 42, netuid: N1 }, 'INVALID_PAYLOAD'],
  ['register a neuron without the burn', { type: 'register_neuron', coldkey: ck('carol'), hotkey: hk('carol-m'), netuid: N1 }, 'INSUFFICIENT_BALANCE'],
  ['register a subnet within the rate limit', { type: 'register_subnet', coldkey: A, hotkey: hk('alice-2') }, 'RATE_LIMITED'],
  ["register a subnet with someone else's hotkey", { type: 'register_subnet', coldkey: A, hotkey: hk('bob-m') }, 'HOTKEY_OWNED_BY_OTHER'],
  ['register a subnet from an unknown wallet', { type: 'register_subnet', coldkey: ck('mallory'), hotkey: hk('m') }, 'UNKNOWN_WALLET'],
  ['set the take on an unknown hotkey', { type: 'set_take', coldkey: A, hotkey: hk('ghost'), takeU16: 100 }, 'UNKNOWN_HOTKEY'],
  ["set the take on someone else's hotkey", { type: 'set_take', coldkey: A, hotkey: hk('bob-m'), takeU16: 100 }, 'NOT_HOTKEY_OWNER'],
  ['set the take above the maximum', { type: 'set_take', coldkey: A, hotkey: hk('alice-v'), takeU16: 11_797 }, 'TAKE_OUT_OF_RANGE'],
  ['set a negative take', { type: 'set_take', coldkey: A, hotkey: hk('alice-v'), takeU16: -1 }, 'TAKE_OUT_OF_RANGE'],
  ['set a fractional take', { type: 'set_take', coldkey: A, hotkey: hk('alice-v'), takeU16: 0.5 }, 'TAKE_OUT_OF_RANGE'],
  ['set a string take', { type: 'set_take', coldkey: A, hotkey: hk('alice-v'), takeU16: '5' }, 'TAKE_OUT_OF_RANGE'],
  // Weights.
  ['weights on a missing subnet', weights({ netuid: netuid(9) }), 'SUBNET_NOT_FOUND'],
  ["weights for someone else's hotkey", weights({ coldkey: ck('bob'), hotkey: hk('alice-v') }), 'NOT_HOTKEY_OWNER'],
  ['weights from a hotkey with no UID here', weights({ coldkey: ck('bob'), hotkey: hk('bob-owner') }), 'NOT_REGISTERED'],
  ['weights from the owner without a permit', weights({ hotkey: hk('alice-owner') }), 'NOT_A_VALIDATOR'],
  ['weights from a miner without a permit', weights({ coldkey: ck('bob'), hotkey: hk('bob-m') }), 'NOT_A_VALIDATOR'],
  ['weights within the rate limit', weights({}), 'RATE_LIMITED'],
];

/** Weights refusals need the validator past its rate limit, so they run on a chain a few blocks on. */
/** set_weights refused as subnets/weights.rs::do_set_weights refuses it: the row, the permit, the rate limit. */
const weightCases: [string, unknown, ErrorCode][] = [
  ['weights not lists', weights({ uids: 2, weights: 1 }), 'WEIGHTS_MALFORMED'],
  ['weights of different lengths', weights({ uids: [1, 2], weights: [1] }), 'WEIGHTS_MALFORMED'],
  ['no weights', weights({ uids: [], weights: [] }), 'WEIGHTS_MALFORMED'],
  ['a uid out of range', weights({ uids: [3], weights: [1] }), 'WEIGHTS_MALFORMED'],
  ['a negative uid', weights({ uids: [-1], weights: [1] }), 'WEIGHTS_MALFORMED'],
  ['a fractional uid', weights({ uids: [1.5], weights: [1] }), 'WEIGHTS_MALFORMED'],
  ['a string uid', weights({ uids: ['2'], weights: [1] }), 'WEIGHTS_MALFORMED'],
  ['a repeated uid', weights({ uids: [2, 2], weights: [1, 1] }), 'WEIGHTS_MALFORMED'],
  ['too many weights', weights({ uids: [0, 1, 2, 3], weights: [1, 1, 1, 1] }), 'WEIGHTS_MALFORMED'],
  ['a negative weight', weights({ uids: [0, 2], weights: [1, -1] }), 'WEIGHTS_MALFORMED'],
  ['a NaN weight', weights({ weights: [Number.NaN] }), 'WEIGHTS_MALFORMED'],
  ['an infinite weight', weights({ weights: [Infinity] }), 'WEIGHTS_MALFORMED'],
  ['a string weight', weights({ weights: ['1'] }), 'WEIGHTS_MALFORMED'],
  ['a bigint weight', weights({ weights: [1n] }), 'WEIGHTS_MALFORMED'],
  ['all-zero weights', weights({ uids: [0, 2], weights: [0, 0] }), 'WEIGHTS_MALFORMED'],
  ['null weights', weights({ uids: null, weights: null }), 'WEIGHTS_MALFORMED'],
];

function expectRefused(chain: Chain, action: unknown, code: ErrorCode): void {
  const before = snapshotJson(chain);
  const r = chain.apply(action as Action);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.length).toBeGreaterThan(0);
  expect(snapshotJson(chain)).toBe(before);
}

describe('every refusal is typed and leaves the snapshot byte-identical', () => {
  let base: string;
  beforeAll(() => {
    base = JSON.stringify(network().snapshot());
  });
  const fresh = () => Chain.restore(JSON.parse(base));

  it.each(cases)('%s', (_name, action, code) => expectRefused(fresh(), action, code));

  it.each(weightCases)('%s', (_name, action, code) => {
    const chain = fresh();
    steps(chain, 20);
    expectRefused(chain, action, code);
  });

  it('accepts the same kinds of action when they are well formed (the refusals are not vacuous)', () => {
    const chain = fresh();
    steps(chain, 20);
    must(chain, weights({}) as Action);
    must(chain, { type: 'set_take', coldkey: A, hotkey: hk('alice-v'), takeU16: 11_796 });
    must(chain, { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: tao(1) });
    must(chain, { type: 'move_stake', coldkey: A, fromHotkey: hk('alice-v'), toHotkey: hk('bob-m'), fromNetuid: N1, toNetuid: N1, amount: tao(1) });
    must(chain, stake({}) as Action);
    must(chain, { type: 'transfer', coldkey: ck('carol'), to: A, amount: 100_000_000n });
    steps(chain, 5);
    must(chain, { type: 'register_subnet', coldkey: A, hotkey: hk('alice-2') });
    must(chain, { type: 'register_neuron', coldkey: A, hotkey: hk('alice-m2'), netuid: N1 });
  });
});

describe('staking and unstaking one stake in one block (stake_utils.rs:1261-1278)', () => {
  it('refuses the unstake or move of a stake added in this block with a typed error, changing nothing; the next block allows it', () => {
    const chain = network();
    steps(chain, 20);
    must(chain, stake({}) as Action);
    expectRefused(chain, { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: tao(1) }, 'STAKED_THIS_BLOCK');
    expectRefused(chain, { type: 'move_stake', coldkey: A, fromHotkey: hk('alice-v'), toHotkey: hk('bob-m'), fromNetuid: N1, toNetuid: N1, amount: tao(1) }, 'STAKED_THIS_BLOCK');
    // Keyed by (hotkey, coldkey, netuid): bob's root stake is not held back by alice's stake.
    must(chain, { type: 'unstake', coldkey: ck('bob'), hotkey: hk('bob-m'), netuid: netuid(0), amount: tao(1) });
    // A snapshot between the stake and the step keeps the mark.
    const restored = Chain.restore(chain.snapshot());
    expectRefused(restored, { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: tao(1) }, 'STAKED_THIS_BLOCK');
    chain.step();
    must(chain, { type: 'unstake', coldkey: A, hotkey: hk('alice-v'), netuid: N1, amount: tao(1) });
    expect(auditConservation(chain.state)).toEqual([]);
  });
});

describe('garbage never crashes the chain', () => {
  const TYPES = ['create_wallet', 'credit', 'debit', 'transfer', 'stake', 'unstake', 'move_stake', 'register_subnet', 'register_neuron', 'set_weights', 'set_take'];
  const FIELDS = ['coldkey', 'hotkey', 'netuid', 'amount', 'balance', 'to', 'fromHotkey', 'toHotkey', 'fromNetuid', 'toNetuid', 'uids', 'weights', 'takeU16', 'limitPrice'];
  // Plausible values (so checks get past the first field) mixed with anything at all.
  const value = fc.oneof(
    fc.constantFrom<unknown>('alice', 'bob', 'alice-v', 'bob-m', 'ghost', 0, 1, 2, 9, -1, 1.5, NaN, Infinity, 0n, 1n, -1n, 10n ** 30n, tao(1), [], [1], [2, 2], null, undefined, {}, true),
    fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }),
  );
  const garbage = fc.record({ type: fc.oneof(fc.constantFrom(...TYPES), fc.string()), fields: fc.dictionary(fc.constantFrom(...FIELDS), value) }).map(({ type, fields }) => ({ type, ...fields }));

  it('answers every malformed action with a typed refusal or a valid change, never a throw', () => {
    const chain = network();
    fc.assert(
      fc.property(garbage, (action) => {
        const before = snapshotJson(chain);
        const r = chain.apply(action as unknown as Action);
        if (!r.ok) {
          expect(typeof r.error.code).toBe('string');
          expect(snapshotJson(chain)).toBe(before);
        }
        expect(auditConservation(chain.state)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
