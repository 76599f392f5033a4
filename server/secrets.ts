import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A secret for a facilitator or a player to prove who they are (128 bits, URL-safe). */
export const newToken = (): string => randomBytes(16).toString('base64url');

/**
 * What the server keeps of a token: its SHA-256. A copy of the game database (or of a room's memory)
 * then hands out no seat and no facilitator controls; a 128-bit random token needs no salt or stretching.
 */
export type TokenDigest = string & { readonly __tokenDigest: unique symbol };

export const digestOf = (token: string): TokenDigest => createHash('sha256').update(token).digest('base64url') as TokenDigest;

/** Whether a presented token is the one behind a digest (anything that is not a string is not). */
export const tokenMatches = (digest: TokenDigest, presented: unknown): boolean => typeof presented === 'string' && sameToken(digest, digestOf(presented));

/** Compares secrets in constant time, so timing does not leak how much of a guess was right. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
