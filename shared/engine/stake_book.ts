import type { Coldkey, Hotkey } from './ids.ts';
import type { Rao } from './money.ts';
import { apportionExact } from './money.ts';
import type { StakeBook } from './state.ts';

/** Alpha (or root TAO) a coldkey holds behind a hotkey. */
export const stakeOf = (book: StakeBook, hk: Hotkey, ck: Coldkey): Rao => book.get(hk)?.get(ck) ?? 0n;

/** Everything staked behind a hotkey: what Yuma weighs it by. */
export function hotkeyStake(book: StakeBook, hk: Hotkey): Rao {
  let sum = 0n;
  const row = book.get(hk);
  if (row) for (const v of row.values()) sum += v;
  return sum;
}

export function totalStake(book: StakeBook): Rao {
  let sum = 0n;
  for (const row of book.values()) for (const v of row.values()) sum += v;
  return sum;
}

export function addStake(book: StakeBook, hk: Hotkey, ck: Coldkey, amount: Rao): void {
  if (amount <= 0n) return;
  let row = book.get(hk);
  if (!row) book.set(hk, (row = new Map()));
  row.set(ck, (row.get(ck) ?? 0n) + amount);
}

/** Removes stake the caller has checked exists; empty entries are dropped so the book stays small. */
export function removeStake(book: StakeBook, hk: Hotkey, ck: Coldkey, amount: Rao): void {
  const row = book.get(hk);
  const left = (row?.get(ck) ?? 0n) - amount;
  if (!row || left < 0n) throw new Error(`stake underflow ${hk}/${ck}`);
  if (left === 0n) row.delete(ck);
  else row.set(ck, left);
  if (row.size === 0) book.delete(hk);
}

/**
 * Pays `amount` to a hotkey's nominators pro rata to what they hold behind it (the chain's share pool
 * does this implicitly). Returns false, paying nothing, when the hotkey has no nominators.
 */
export function payNominators(book: StakeBook, hk: Hotkey, amount: Rao, into: StakeBook = book, intoHotkey: Hotkey = hk): boolean {
  const row = book.get(hk);
  if (!row || row.size === 0) return false;
  // Most validators have one nominator, their owner: the split of one positive weight is the whole.
  if (row.size === 1) {
    for (const [holder, held] of row) {
      if (held <= 0n) break;
      addStake(into, intoHotkey, holder, amount);
      return true;
    }
  }
  const holders = [...row.keys()];
  const parts = apportionExact(amount, [...row.values()]);
  for (let i = 0; i < holders.length; i++) addStake(into, intoHotkey, holders[i], parts[i]);
  return true;
}
