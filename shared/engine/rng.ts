/**
 * Seeded PRNG (sfc32). Its whole state is four uint32 numbers kept inside the chain state, so a
 * snapshot carries it and a replay draws the same numbers. Never Math.random in the engine.
 */
export type RngState = [number, number, number, number];

export function seedRng(seed: number | string): RngState {
  // xmur3 string hash spreads any seed over the four words.
  const text = String(seed);
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  const state: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 15; i++) nextU32(state);
  return state;
}

/** Advances the state in place and returns a uint32. */
export function nextU32(s: RngState): number {
  const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
  s[3] = (s[3] + 1) >>> 0;
  s[0] = s[1] ^ (s[1] >>> 9);
  s[1] = (s[2] + (s[2] << 3)) >>> 0;
  s[2] = (s[2] << 21) | (s[2] >>> 11);
  s[2] = (s[2] + t) >>> 0;
  return t;
}

/** Uniform float in [0, 1). */
export const nextFloat = (s: RngState): number => nextU32(s) / 4294967296;

/** Uniform integer in [0, n). */
export const nextInt = (s: RngState, n: number): number => Math.floor(nextFloat(s) * n);
