import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A secret for a facilitator or a player to prove who they are (128 bits, URL-safe). */
export const newToken = (): string => randomBytes(16).toString('base64url');

/** Compares secrets in constant time, so timing does not leak how much of a guess was right. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
