// Charts as SVG paths: the spectator and the detail panel draw series the server sends downsampled.

export interface Series {
  label: string;
  values: readonly number[];
}

export interface Extent {
  min: number;
  max: number;
}

export function extentOf(series: readonly Series[]): Extent {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) for (const v of s.values) if (Number.isFinite(v)) (min = Math.min(min, v)), (max = Math.max(max, v));
  if (min === Infinity) return { min: 0, max: 1 };
  if (min === max) return { min: min - (Math.abs(min) || 1) * 0.05, max: max + (Math.abs(max) || 1) * 0.05 };
  return { min, max };
}

/** An SVG path through the values across a width × height box (y grows downward); gaps for non-finite values. */
export function linePath(values: readonly number[], width: number, height: number, extent: Extent = extentOf([{ label: '', values }])): string {
  if (values.length === 0) return '';
  const span = extent.max - extent.min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return void (pen = false);
    const x = (i * step).toFixed(1);
    const y = (height - ((v - extent.min) / span) * height).toFixed(1);
    d += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  });
  return d;
}

/** Round tick values across an extent (1, 2 or 5 × a power of ten), at most about `count`. */
export function ticks(extent: Extent, count = 4): number[] {
  const span = extent.max - extent.min;
  if (!(span > 0) || !Number.isFinite(span)) return [extent.min];
  const raw = span / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let k = Math.ceil(extent.min / step); k * step <= extent.max + step * 1e-9; k++) out.push(+(k * step).toFixed(digits));
  return out;
}

/** A tick label: short, with the unit the axis is in ("1.5k", "0.02", "40 %"). */
export function tickLabel(v: number, unit = ''): string {
  const abs = Math.abs(v);
  const text = abs >= 1e6 ? `${+(v / 1e6).toFixed(1)}M` : abs >= 1e4 ? `${+(v / 1e3).toFixed(0)}k` : abs >= 1e3 ? `${+(v / 1e3).toFixed(1)}k` : abs >= 1 || abs === 0 ? `${+v.toFixed(2)}` : `${+v.toPrecision(2)}`;
  return unit === '%' ? `${text} %` : unit ? `${text} ${unit}` : text;
}
