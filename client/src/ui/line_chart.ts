// A small SVG line chart: a title, a colour key, a current value, and one or more series over the
// same axis; with `axes`, tick labels in the axis's unit and a block axis, readable from afar.
import { type Extent, extentOf, linePath, type Series, tickLabel, ticks } from '../lib/chart.ts';
import { seriesColour } from '../lib/subnet_colour.ts';
import { h } from './dom.ts';

const NS = 'http://www.w3.org/2000/svg';
const W = 300;
const H = 100;

export interface ChartSeries extends Series {
  /** A colour that belongs to what the series is (a subnet's, by netuid); by position otherwise. */
  colour?: string;
}

export interface ChartOptions {
  /** Tick labels on the value axis in this unit ('τ', '%', '×', 'τ/block'), blocks along the bottom. */
  axes?: { unit: string; x?: (v: number) => string };
}

export interface ChartDraw {
  /** The x value (block) of each point, for the bottom axis. */
  x?: readonly number[];
  /** Fixes the value axis (a replay draws part of the lines inside the whole game's extent). */
  extent?: Extent;
  /** Moments to mark on the x axis (a halving, a pruning), by x value. */
  marks?: readonly { x: number; label: string }[];
}

export interface LineChart {
  root: HTMLElement;
  update(series: ChartSeries[], value?: string, draw?: ChartDraw): void;
}

export function lineChart(title: string, testid: string, opts: ChartOptions = {}): LineChart {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const value = h('span', { class: 'num' });
  const legend = h('span', { class: 'chart-key' });
  const yAxis = h('div', { class: 'y-axis' });
  const xAxis = h('div', { class: 'x-axis' });
  const markLabels = h('div', { class: 'mark-labels' });
  const plot = opts.axes ? h('div', { class: 'plot-axes' }, yAxis, h('div', { class: 'plot' }, svg, markLabels), h('span', {}), xAxis) : h('div', { style: 'min-height:0' }, svg);
  const root = h('div', { class: `chart-box${opts.axes ? ' with-axes' : ''}`, testid }, h('div', { class: 'row chart-head' }, h('b', {}, title), legend, h('span', { class: 'grow' }), value), plot);
  return {
    root,
    update(series, current, draw = {}) {
      const extent = draw.extent ?? extentOf(series);
      const colour = (s: ChartSeries, i: number) => s.colour ?? seriesColour(i);
      const grid = opts.axes ? ticks(extent, 4) : [];
      const span = extent.max - extent.min || 1;
      const yOf = (v: number) => H - ((v - extent.min) / span) * H;
      svg.replaceChildren(
        ...grid.map((t) => {
          const l = document.createElementNS(NS, 'path');
          l.setAttribute('d', `M0 ${yOf(t).toFixed(1)}H${W}`);
          l.setAttribute('class', t === 0 && extent.min < 0 ? 'zero' : 'grid');
          return l;
        }),
        ...series.map((s, i) => {
          const p = document.createElementNS(NS, 'path');
          p.setAttribute('d', linePath(s.values, W, H, extent));
          p.setAttribute('stroke', colour(s, i));
          return p;
        }),
      );
      legend.replaceChildren(...(series.length > 1 || series[0]?.colour ? series.map((s, i) => h('span', { class: 'key' }, h('i', { style: `background:${colour(s, i)}` }), s.label)) : []));
      value.textContent = current ?? '';
      if (!opts.axes) return;
      yAxis.replaceChildren(...grid.map((t) => h('span', { style: `top:${((yOf(t) / H) * 100).toFixed(1)}%` }, tickLabel(t, opts.axes!.unit))));
      const xs = draw.x ?? [];
      const [x0, x1] = [xs[0] ?? 0, xs[xs.length - 1] ?? 0];
      const at = (x: number) => (x1 > x0 ? Math.min(1, Math.max(0, (x - x0) / (x1 - x0))) : 0);
      const marks = xs.length > 1 ? (draw.marks ?? []) : [];
      svg.append(
        ...marks.map((m) => {
          const l = document.createElementNS(NS, 'path');
          l.setAttribute('d', `M${(at(m.x) * W).toFixed(1)} 0V${H}`);
          l.setAttribute('class', 'mark');
          return l;
        }),
      );
      markLabels.replaceChildren(...marks.map((m, i) => h('span', { style: `left:${(at(m.x) * 100).toFixed(1)}%;top:${4 + (i % 3) * 22}px` }, m.label)));
      const fmt = opts.axes.x ?? ((b: number) => `block ${b.toLocaleString('en-US')}`);
      xAxis.replaceChildren(...(xs.length > 1 ? [0, 0.5, 1].map((f) => h('span', { style: `left:${f * 100}%` }, fmt(xs[Math.round(f * (xs.length - 1))]))) : []));
    },
  };
}
