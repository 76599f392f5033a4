// The game's own limits, as checkers: the wire, the game and a scenario's schedule check a name,
// a netuid or an amount of TAO with the same rule, so they cannot drift apart.
import type { Rao } from '../engine/money.ts';
import type { Checker } from './check.ts';
import { amount, integer, text } from './check.ts';
import { accept, refuse } from './errors.ts';

/** Roles a player may take; every player can still stake and unstake like anyone on the chain. */
export const PLAYER_ROLES = ['owner', 'validator', 'miner', 'staker'] as const;
export type PlayerRole = (typeof PLAYER_ROLES)[number];
/** What a client may ask to join as: a player role, or a read-only spectator. */
export const JOIN_ROLES = [...PLAYER_ROLES, 'spectator'] as const;
export type JoinRole = (typeof JOIN_ROLES)[number];

/** Largest netuid and UID anyone may name (the chain caps subnets at 128 and UIDs at 256; presets may raise neither past these). */
export const MAX_NETUID = 4096;
export const MAX_UID = 4096;
/** A full weight vector over 256 UIDs fits; more is refused. */
export const MAX_WEIGHTS = 1024;

export const netuidField = integer(0, MAX_NETUID);
export const hotkeyField = text(64);

const NAME = /^[\p{L}\p{N} ._'-]{1,32}$/u;
/** A name: 1 to 32 letters, digits, spaces or ._'- (trimmed). A refusal says whose name it is. */
const nameOf =
  (what: string): Checker<string> =>
  (v) => {
    const t = typeof v === 'string' ? v.trim() : null;
    return t !== null && NAME.test(t) ? accept(t) : refuse('INVALID_PAYLOAD', `${what} is 1 to 32 letters, digits, spaces or ._'-`);
  };
export const playerNameField = nameOf('a name');
export const subnetNameField = nameOf('a subnet name');

const PRODUCT = /^[\p{L}\p{N} .,_'&/-]*$/u;
/** What a subnet's miners produce: up to 48 letters, digits, spaces or punctuation (trimmed; may be empty). */
export const productField: Checker<string> = (v, field) => {
  const t = typeof v === 'string' ? v.trim() : null;
  return t !== null && t.length <= 48 && PRODUCT.test(t) ? accept(t) : refuse('INVALID_PAYLOAD', `${field} must be at most 48 letters, digits, spaces or punctuation`);
};

/** A share of something, above 0 and at most 1. */
export const shareField: Checker<number> = (v, field) =>
  typeof v === 'number' && v > 0 && v <= 1 ? accept(v) : refuse('INVALID_PAYLOAD', `${field} must be a number above 0 and at most 1`);

/** TAO as a decimal string (the wire, a facilitator's overrides) or as rao (a bigint, from code and stored logs). */
export const taoField: Checker<Rao> = (v, field) => {
  if (typeof v === 'bigint') return v > 0n ? accept(v) : refuse('INVALID_AMOUNT', `${field} must be more than zero`);
  return amount(v, field);
};
