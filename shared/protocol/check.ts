import { parseAmount } from '../engine/money.ts';
import type { Rao } from '../engine/money.ts';
import type { Checked } from './errors.ts';
import { accept, refuse } from './errors.ts';

/**
 * Tiny runtime checkers for untrusted payloads (msgpack or JSON from anyone on the internet).
 * A checker takes `unknown` and returns the typed value or a refusal naming the field; it never
 * throws, whatever it is given (NaN, bigint, Infinity, nested junk, prototypes).
 */
export type Checker<T> = (value: unknown, field: string) => Checked<T>;
/** A checked value as a client writes it: money (rao once checked) as a decimal string. */
export type Wire<P> = P extends unknown ? { [K in keyof P]: Exclude<P[K], undefined> extends bigint ? string : Exclude<P[K], undefined> extends object ? Wire<P[K]> : P[K] } : never;
/** The type a checker lets through: a contract's type, derived from its checker. */
export type CheckedValue<C> = C extends Checker<infer T> ? T : never;

/** Longest string field we accept anywhere: names, products, hotkeys. */
export const MAX_TEXT = 64;

export const integer =
  (min: number, max: number): Checker<number> =>
  (v, field) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max
      ? accept(v)
      : refuse('INVALID_PAYLOAD', `${field} must be a whole number from ${min} to ${max}`);

export const finite =
  (min: number, max: number): Checker<number> =>
  (v, field) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? accept(v)
      : refuse('INVALID_PAYLOAD', `${field} must be a number from ${min} to ${max}`);

export const bool: Checker<boolean> = (v, field) => (typeof v === 'boolean' ? accept(v) : refuse('INVALID_PAYLOAD', `${field} must be true or false`));

/** Printable text, trimmed, 1..max characters: no control characters reach a leaderboard. */
export const text =
  (max = MAX_TEXT): Checker<string> =>
  (v, field) => {
    if (typeof v !== 'string') return refuse('INVALID_PAYLOAD', `${field} must be text`);
    const t = v.trim();
    if (t.length === 0 || t.length > max) return refuse('INVALID_PAYLOAD', `${field} must be 1 to ${max} characters`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(t)) return refuse('INVALID_PAYLOAD', `${field} must not contain control characters`);
    return accept(t);
  };

export const oneOf =
  <const T extends string>(values: readonly T[]): Checker<T> =>
  (v, field) =>
    typeof v === 'string' && (values as readonly string[]).includes(v) ? accept(v as T) : refuse('INVALID_PAYLOAD', `${field} must be one of ${values.join(', ')}`);

/** A positive decimal string of TAO or alpha ("12.5"), at most 9 decimals, parsed to rao. */
export const amount: Checker<Rao> = (v, field) => {
  const r = parseAmount(v);
  if (typeof r === 'bigint') return accept(r);
  const why = { not_a_decimal: 'a decimal string such as "12.5"', too_many_decimals: 'at most 9 decimals', not_positive: 'more than zero', too_large: 'no more than the total supply' }[r];
  return refuse('INVALID_AMOUNT', `${field} must be ${why}`);
};

export const list =
  <T>(item: Checker<T>, maxLength: number): Checker<T[]> =>
  (v, field) => {
    if (!Array.isArray(v)) return refuse('INVALID_PAYLOAD', `${field} must be a list`);
    if (v.length > maxLength) return refuse('INVALID_PAYLOAD', `${field} has more than ${maxLength} items`);
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i], `${field}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return accept(out);
  };

export const nullable =
  <T>(c: Checker<T>): Checker<T | null> =>
  (v, field) =>
    v === null ? accept(null) : c(v, field);

/** Marks a field that may be left out (undefined); present, it must pass `c`. */
export interface Optional<T> {
  optional: Checker<T>;
}
export const optional = <T>(c: Checker<T>): Optional<T> => ({ optional: c });

type Shape = Record<string, Checker<unknown> | Optional<unknown>>;
type Out<S extends Shape> = { [K in keyof S as S[K] extends Optional<unknown> ? never : K]: S[K] extends Checker<infer T> ? T : never } & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T> ? T : never;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * A plain object with exactly these fields. Unknown fields are refused rather than ignored: a bot
 * that sends `amout` should hear about it, not see its stake silently dropped.
 */
export function object<S extends Shape>(shape: S, extra: readonly string[] = []): Checker<Out<S>> {
  return (v, field) => {
    if (v === undefined) v = {};
    if (!isPlainObject(v)) return refuse('INVALID_PAYLOAD', `${field} must be an object`);
    for (const k of Object.keys(v)) {
      if (!Object.hasOwn(shape, k) && !extra.includes(k)) return refuse('INVALID_PAYLOAD', `${field} has an unknown field "${k.slice(0, MAX_TEXT)}"`);
    }
    const out: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(shape)) {
      const present = Object.hasOwn(v, k) && v[k] !== undefined;
      if (typeof c === 'object') {
        if (!present) continue;
        const r = c.optional(v[k], k);
        if (!r.ok) return r;
        out[k] = r.value;
      } else {
        if (!present) return refuse('INVALID_PAYLOAD', `${k} is required`);
        const r = c(v[k], k);
        if (!r.ok) return r;
        out[k] = r.value;
      }
    }
    return accept(out as Out<S>);
  };
}
