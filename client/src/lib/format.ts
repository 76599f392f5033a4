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

/** A duration in seconds in the largest unit that reads well ("8 s", "24 min", "5 h", "3 d"). */
export function duration(secs: number): string {
  if (secs < 120) return `${Math.round(secs)} s`;
  if (secs < 7200) return `${Math.round(secs / 60)} min`;
  if (secs < 172_800) return `${Math.round(secs / 3600)} h`;
  return `${Math.round(secs / 86_400).toLocaleString('en-US')} d`;
}

/** Blocks as a duration at the room's pace ("42 blocks · 8 s"). */
export function blocksAway(blocks: number, blocksPerSecond: number): string {
  if (!(blocks >= 0)) return '—';
  return `${blocks.toLocaleString('en-US')} blocks${blocksPerSecond > 0 ? ` · ${duration(blocks / blocksPerSecond)}` : ''}`;
}

/** "SN64 Chutes", or just "SN7" when the subnet has no name of its own. */
export const subnetTitle = (netuid: number, name: string): string => (!name || name === `SN${netuid}` ? `SN${netuid}` : `SN${netuid} ${name}`);
