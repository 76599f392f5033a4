/**
 * When two player names read the same. People pick names to be recognised on the leaderboard; a
 * second "Ann", an "ANN", an "Аnn" with a Cyrillic А or an "A n n" would pass for the first.
 */

/** Letters from other scripts that look like Latin ones, and digits that pass for letters. */
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'l', ї: 'l', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'l', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ς: 'c', ω: 'w',
  '0': 'o', '1': 'l', i: 'l', '|': 'l', '5': 's', '$': 's',
};

/** A name reduced to what a reader sees: compatibility forms folded (NFKC), case folded, accents and separators dropped, lookalikes merged. */
export function nameKey(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of folded) {
    if (/[\s._'\-]/u.test(ch)) continue;
    out += LOOKALIKES[ch] ?? ch;
  }
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** The name among `taken` that `name` would pass for, or null. */
export function clashingName(name: string, taken: Iterable<string>): string | null {
  const key = nameKey(name);
  for (const other of taken) if (nameKey(other) === key) return other;
  return null;
}

/** `base` if free, else the first of "base 2", "base 3", … that is (for joins that gave no name). */
export function freeName(base: string, taken: Iterable<string>): string {
  const names = [...taken];
  if (!clashingName(base, names)) return base;
  for (let n = 2; ; n++) if (!clashingName(`${base} ${n}`, names)) return `${base} ${n}`;
}

/** The name a new seat gets: the one asked for unless another player's reads the same; a free default when none was asked for. */
export function nameForSeat(asked: string | undefined, fallback: string, taken: readonly string[]): { name: string } | { code: 'NAME_TAKEN'; message: string } {
  if (asked === undefined) return { name: freeName(fallback, taken) };
  const clash = clashingName(asked, taken);
  return clash === null ? { name: asked } : { code: 'NAME_TAKEN', message: `"${asked}" reads the same as "${clash}", who is already in this game; pick another name` };
}
