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
