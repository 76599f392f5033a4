/**
 * The game's record as plain JSON, in the engine's snapshot convention: bigint as {"$rao": "digits"}.
 * Game state holds no Maps (records and arrays only), so that is the whole codec.
 */
export function encode(value: unknown): unknown {
  if (typeof value === 'bigint') return { $rao: value.toString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v);
    return out;
  }
  return value;
}

export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$rao === 'string') return BigInt(o.$rao);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = decode(v);
    return out;
  }
  return value;
}
