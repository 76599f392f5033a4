import type { Action } from './actions.ts';
import { chainError } from './errors.ts';
import type { Plan } from './plan.ts';
import { checkAmount, checkBalance, checkOwnHotkey, checkWallet, credit, debit, firstRefusal } from './plan.ts';
import type { ChainState } from './state.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

/** A wallet appears funded from the TAO held outside the modelled network. */
export function planCreateWallet(state: ChainState, a: Of<'create_wallet'>): Plan {
  if (typeof a.coldkey !== 'string' || a.coldkey.length === 0 || a.coldkey.length > 64) return chainError('INVALID_PAYLOAD', 'coldkey must be a name of 1 to 64 characters');
  if (state.balances.has(a.coldkey)) return chainError('WALLET_EXISTS', `wallet ${a.coldkey} already exists`);
  if (typeof a.balance !== 'bigint' || a.balance < 0n) return chainError('INVALID_AMOUNT', 'balance must be a non-negative amount of rao');
  if (a.balance > state.tao.outside) return chainError('INSUFFICIENT_BALANCE', 'not that much TAO exists outside the network');
  return () => {
    state.tao.outside -= a.balance;
    state.balances.set(a.coldkey, a.balance);
    return [{ type: 'wallet_created', block: state.block, coldkey: a.coldkey, balance: a.balance }];
  };
}

/** TAO arriving from outside (a product's customers): it was already issued, so issuance is unchanged. */
export function planCredit(state: ChainState, a: Of<'credit'>): Plan {
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkAmount(a.amount),
    () => (a.amount <= state.tao.outside ? null : chainError('INSUFFICIENT_BALANCE', 'not that much TAO exists outside the network')),
  );
  if (refusal) return refusal;
  return () => {
    state.tao.outside -= a.amount;
    credit(state, a.coldkey, a.amount);
    return [{ type: 'transferred', block: state.block, from: null, to: a.coldkey, amount: a.amount }];
  };
}

/** TAO leaving the network (a miner's compute bill). */
export function planDebit(state: ChainState, a: Of<'debit'>): Plan {
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkAmount(a.amount),
    () => checkBalance(state, a.coldkey, a.amount),
  );
  if (refusal) return refusal;
  return () => {
    debit(state, a.coldkey, a.amount);
    state.tao.outside += a.amount;
    return [{ type: 'transferred', block: state.block, from: a.coldkey, to: null, amount: a.amount }];
  };
}

export function planTransfer(state: ChainState, a: Of<'transfer'>): Plan {
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkWallet(state, a.to),
    () => checkAmount(a.amount),
    () => checkBalance(state, a.coldkey, a.amount),
  );
  if (refusal) return refusal;
  return () => {
    debit(state, a.coldkey, a.amount);
    credit(state, a.to, a.amount);
    return [{ type: 'transferred', block: state.block, from: a.coldkey, to: a.to, amount: a.amount }];
  };
}

export function planSetTake(state: ChainState, a: Of<'set_take'>): Plan {
  const p = state.params;
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkOwnHotkey(state, a.coldkey, a.hotkey),
    () =>
      Number.isInteger(a.takeU16) && a.takeU16 >= p.minDelegateTakeU16 && a.takeU16 <= p.maxDelegateTakeU16
        ? null
        : chainError('TAKE_OUT_OF_RANGE', `take must be a whole number from ${p.minDelegateTakeU16} to ${p.maxDelegateTakeU16} (out of 65535)`),
  );
  if (refusal) return refusal;
  return () => {
    state.hotkeys.get(a.hotkey)!.takeU16 = a.takeU16;
    return [{ type: 'take_set', block: state.block, hotkey: a.hotkey, takeU16: a.takeU16 }];
  };
}
