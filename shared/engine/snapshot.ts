import type { ChainParams } from './scenario.ts';
import { chainParams, LEGACY_PARAMS } from './scenario.ts';
import type { ChainState } from './state.ts';

/**
 * The chain state as plain JSON. bigint amounts become {"$rao": "digits"} and Maps become
 * {"$map": [[key, value], …]} in insertion order, so the same state always writes the same bytes
 * and decoding gives back exactly the same state.
 */
export type ChainSnapshot = { readonly __snapshot: true } & Record<string, unknown>;

/** Any engine or game value as plain JSON (bigint and Map tagged as above). */
export function encode(value: unknown): unknown {
  if (typeof value === 'bigint') return { $rao: value.toString() };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [k, encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v);
    return out;
  }
  return value;
}

/** The inverse of `encode`. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$rao === 'string') return BigInt(o.$rao);
    if (Array.isArray(o.$map)) return new Map((o.$map as [unknown, unknown][]).map(([k, v]) => [k, decode(v)]));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = decode(v);
    return out;
  }
  return value;
}

export const toSnapshot = (state: ChainState): ChainSnapshot => encode(state) as ChainSnapshot;

/**
 * Rebuilds a state from a snapshot (its own deep copy: the snapshot is not shared). A snapshot
 * written before a parameter or rule version existed gets the default, which is always what the
 * engine did before it had the choice, so a stored game plays on as it did.
 */
export function fromSnapshot(snapshot: unknown): ChainState {
  const state = decode(snapshot) as ChainState;
  if (state?.version !== 1) throw new Error('not a Subnet Arena chain snapshot (version 1)');
  const stored = state.params as Partial<ChainParams>;
  state.params = chainParams({ ...LEGACY_PARAMS, ...stored, rules: { ...LEGACY_PARAMS.rules, ...stored.rules } });
  state.stakedThisBlock ??= new Map();
  for (const s of state.subnets) if (s) s.alphaBurnedInIssuance ??= 0n;
  return state;
}
