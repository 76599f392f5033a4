/** Why the chain refused an action. The code is for programs; the message is for the person. */
export type ErrorCode =
  | 'UNKNOWN_ACTION'
  | 'INVALID_PAYLOAD'
  | 'INVALID_AMOUNT'
  | 'UNKNOWN_WALLET'
  | 'WALLET_EXISTS'
  | 'UNKNOWN_HOTKEY'
  | 'HOTKEY_OWNED_BY_OTHER'
  | 'NOT_HOTKEY_OWNER'
  | 'INSUFFICIENT_BALANCE'
  | 'INSUFFICIENT_STAKE'
  | 'AMOUNT_BELOW_MINIMUM'
  | 'POOL_LIMIT'
  | 'SLIPPAGE_EXCEEDED'
  | 'SUBNET_NOT_FOUND'
  | 'SUBNET_LIMIT_REACHED'
  | 'RATE_LIMITED'
  /** More neuron registrations this interval than the subnet allows (TooManyRegistrationsThisInterval). */
  | 'TOO_MANY_REGISTRATIONS'
  /** Unstaking or moving stake staked in this same block (StakingOperationRateLimitExceeded). */
  | 'STAKED_THIS_BLOCK'
  | 'NOT_SUBNET_OWNER'
  | 'NOT_REGISTERED'
  | 'ALREADY_REGISTERED'
  | 'REGISTRATIONS_FULL'
  | 'NOT_A_VALIDATOR'
  | 'WEIGHTS_MALFORMED'
  | 'TAKE_OUT_OF_RANGE';

export interface ChainError {
  code: ErrorCode;
  message: string;
}

export const chainError = (code: ErrorCode, message: string): ChainError => ({ code, message });

/**
 * A payload value as it may appear in a message. Never throws, whatever a client sent (String() throws
 * on null-prototype objects), and never echoes more than a name's worth of text.
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 64 ? `${value.slice(0, 64)}…` : value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return `(${typeof value})`;
}
