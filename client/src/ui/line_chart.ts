// A small SVG line chart: a title, a current value, and one or more series over the same axis.
import { extentOf, linePath, type Series } from '../lib/chart.ts';
import { h } from './dom.ts';

const NS = 'http://www.w3.org/2000/svg';
const COLOURS = ['#38bdf8', '#22c55e', '#f59e0b', '#a78bfa', '#ef4444', '#f472b6', '#94a3b8', '#2dd4bf', '#facc15', '#fb923c'];

export interface LineChart {
  root: HTMLElement;
  update(series: Series[], value?: string): void;
}

export function lineChart(title: string, testid: string): LineChart {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', '0 0 300 100');
  svg.setAttribute('preserveAspectRatio', 'none');
  const value = h('span', { class: 'num' });
  const legend = h('span', { class: 'muted', style: 'font-size:12px' });
  const root = h('div', { class: 'chart-box', testid }, h('div', { class: 'row' }, h('b', {}, title), legend, h('span', { class: 'grow' }), value), h('div', { style: 'min-height:0' }, svg));
  return {
    root,
    update(series, current) {
      const extent = extentOf(series);
      svg.replaceChildren(
        ...series.map((s, i) => {
          const p = document.createElementNS(NS, 'path');
          p.setAttribute('d', linePath(s.values, 300, 100, extent));
          p.setAttribute('stroke', COLOURS[i % COLOURS.length]);
          return p;
        }),
      );
      legend.textContent = series.length > 1 ? series.map((s) => s.label).join(' · ') : '';
      value.textContent = current ?? '';
    },
  };
}
