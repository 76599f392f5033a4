// The refusals a form can foresee from what the client already knows (its wallet, the synced
// state), in the same shape as the server's, so the warning before a tap and the refusal after
// it read the same words (lib/refusal_words.ts).
import { formatAmount, MAINNET_CHAIN, parseAmount } from '../../../shared/engine/index.ts';
import type { WireError } from '../../../shared/protocol/index.ts';

export type Foreseen = Pick<WireError, 'code' | 'message' | 'action' | 'facts'>;

const foresee = (code: string, action: string, facts?: WireError['facts']): Foreseen => ({ code, message: '', action, ...(facts ? { facts } : {}) });
const rao = (text: string | undefined): bigint | null => {
  if (text === undefined) return null;
  const v = parseAmount(text.trim());
  return typeof v === 'bigint' ? v : null;
};

/** Spending `needText` TAO out of a free balance of `balanceText`. */
export function spendCheck(action: string, balanceText: string | undefined, needText: string): Foreseen | null {
  const have = rao(balanceText);
  const need = rao(needText);
  if (have === null || need === null || need <= have) return null;
  return foresee('INSUFFICIENT_BALANCE', action, { unit: 'tao', have: formatAmount(have), need: formatAmount(need) });
}

/** A stake of `amountText` TAO below the chain's minimum. */
export function minimumCheck(action: string, amountText: string, minStake = MAINNET_CHAIN.minStake): Foreseen | null {
  const amount = rao(amountText);
  return amount !== null && amount > 0n && amount < minStake ? foresee('AMOUNT_BELOW_MINIMUM', action, { unit: 'tao', minimum: formatAmount(minStake) }) : null;
}

/** Selling `amountText` alpha out of a position of `heldText`. */
export function holdingCheck(action: string, heldText: string | undefined, amountText: string): Foreseen | null {
  const have = rao(heldText);
  const need = rao(amountText);
  if (have === null || need === null || need <= have) return null;
  return foresee('INSUFFICIENT_STAKE', action, { unit: 'alpha', have: formatAmount(have), need: formatAmount(need) });
}

/** A subnet registration before the network's rate limit lets the next one through. */
export function subnetOpensCheck(block: number, opensAt: number): Foreseen | null {
  return opensAt > block ? foresee('RATE_LIMITED', 'register_subnet', { nextBlock: opensAt }) : null;
}

/** The first thing that would refuse, of checks in the order the chain makes them. */
export const firstOf = (...checks: (Foreseen | null)[]): Foreseen | null => checks.find((c) => c !== null) ?? null;
