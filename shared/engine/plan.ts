import type { ChainError } from './errors.ts';
import { chainError, show } from './errors.ts';
import type { ChainEvent } from './events.ts';
import type { Coldkey, Hotkey, Netuid } from './ids.ts';
import type { Rao } from './money.ts';
import { MAX_AMOUNT } from './money.ts';
import type { ChainState, Subnet } from './state.ts';

/**
 * An action handler checks everything first and returns either the refusal or the commit that
 * mutates the state. Nothing is written before every check has passed, so a refused action
 * leaves the state exactly as it was.
 */
export type Commit = () => ChainEvent[];
export type Plan = ChainError | Commit;

export const isRefusal = (p: Plan | unknown): p is ChainError => typeof p === 'object' && p !== null && 'code' in p;

export function checkAmount(amount: unknown, what = 'amount'): ChainError | null {
  if (typeof amount !== 'bigint') return chainError('INVALID_AMOUNT', `${what} must be an amount of rao`);
  if (amount <= 0n) return chainError('INVALID_AMOUNT', `${what} must be more than zero`);
  if (amount > MAX_AMOUNT) return chainError('INVALID_AMOUNT', `${what} is larger than the total supply`);
  return null;
}

export function checkWallet(state: ChainState, ck: Coldkey): ChainError | null {
  return state.balances.has(ck) ? null : chainError('UNKNOWN_WALLET', `no wallet ${show(ck)}`);
}

export function checkBalance(state: ChainState, ck: Coldkey, amount: Rao): ChainError | null {
  const balance = state.balances.get(ck) ?? 0n;
  return balance >= amount ? null : chainError('INSUFFICIENT_BALANCE', `balance ${balance} rao is less than ${amount} rao`);
}

export function findSubnet(state: ChainState, id: Netuid): Subnet | ChainError {
  const s = Number.isInteger(id) ? state.subnets[id] : undefined;
  return s ?? chainError('SUBNET_NOT_FOUND', `no subnet ${show(id)}`);
}

/** The hotkey must exist and belong to the signer. */
export function checkOwnHotkey(state: ChainState, ck: Coldkey, hk: Hotkey): ChainError | null {
  const info = state.hotkeys.get(hk);
  if (!info) return chainError('UNKNOWN_HOTKEY', `no hotkey ${show(hk)}`);
  return info.owner === ck ? null : chainError('NOT_HOTKEY_OWNER', `hotkey ${show(hk)} belongs to another wallet`);
}

/** A hotkey the signer may register with: new, or already theirs. */
export function checkClaimableHotkey(state: ChainState, ck: Coldkey, hk: Hotkey): ChainError | null {
  if (typeof hk !== 'string' || hk.length === 0 || hk.length > 64) return chainError('INVALID_PAYLOAD', 'hotkey must be a name of 1 to 64 characters');
  const info = state.hotkeys.get(hk);
  return !info || info.owner === ck ? null : chainError('HOTKEY_OWNED_BY_OTHER', `hotkey ${hk} belongs to another wallet`);
}

export function claimHotkey(state: ChainState, ck: Coldkey, hk: Hotkey): void {
  if (!state.hotkeys.has(hk)) state.hotkeys.set(hk, { owner: ck, takeU16: state.params.defaultTakeU16 });
}

export const credit = (state: ChainState, ck: Coldkey, amount: Rao): void => {
  state.balances.set(ck, (state.balances.get(ck) ?? 0n) + amount);
};

export const debit = (state: ChainState, ck: Coldkey, amount: Rao): void => {
  state.balances.set(ck, state.balances.get(ck)! - amount);
};

/** TAO leaves issuance (the chain's recycle_tao). */
export function recycleTao(state: ChainState, amount: Rao): void {
  state.tao.recycled += amount;
  state.tao.issuance -= amount;
}

/** The first refusal among checks, in order. */
export const firstRefusal = (...checks: (() => ChainError | null)[]): ChainError | null => {
  for (const c of checks) {
    const r = c();
    if (r) return r;
  }
  return null;
};
