// Display formatting only: every function takes what the wire or the model holds and returns text.
// Money stays a decimal string until here; it becomes a float only to be shown.

const grouped = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * "12345.678912345" → "12,345.68": two decimals above 1, four significant below it, so dust stays
 * visible; below 0.0001 plain rao decimals, never an exponent.
 */
export function amount(value: string | number, unit = ''): string {
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const text = abs === 0 ? '0' : abs >= 1 ? grouped(n, 2) : abs >= 1e-4 ? n.toPrecision(4).replace(/0+$/, '') : n.toFixed(9).replace(/\.?0+$/, '');
  return unit ? `${text} ${unit}` : text;
}

export const taoText = (value: string | number) => amount(value, 'τ');
export const alphaText = (value: string | number) => amount(value, 'α');

/** A ratio in [0, 1] as a percentage; small shares keep two decimals so 0.4 % is not shown as 0 %. */
export function percent(ratio: number, digits?: number): string {
  if (!Number.isFinite(ratio)) return '—';
  const d = digits ?? (Math.abs(ratio) < 0.1 ? 2 : 1);
  return `${(ratio * 100).toFixed(d)} %`;
}

/** Signed change with an explicit + so gains and losses read at a glance. */
export function signed(value: string | number, unit = 'τ'): string {
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '—';
  return `${n > 0 ? '+' : ''}${amount(n, unit)}`;
}

/** Blocks as a duration at the room's pace ("in 42 blocks · 8 s"). */
export function blocksAway(blocks: number, blocksPerSecond: number): string {
  if (!(blocks >= 0)) return '—';
  const secs = blocksPerSecond > 0 ? Math.round(blocks / blocksPerSecond) : NaN;
  const time = !Number.isFinite(secs) ? '' : secs >= 120 ? ` · ${Math.round(secs / 60)} min` : ` · ${secs} s`;
  return `${blocks.toLocaleString('en-US')} blocks${time}`;
}
