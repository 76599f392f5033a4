// One page of the debrief: the workshop's question, this game's answers, and the chart to point at.
import type { DebriefView } from '../../../shared/protocol/index.ts';
import { tickLabel } from '../lib/chart.ts';
import { subnetColour } from '../lib/subnet_colour.ts';
import { h } from './dom.ts';
import { lineChart } from './line_chart.ts';

type Page = DebriefView['pages'][number];

/** Horizontal bars with their values: validators' kept weight, income against price gains. */
function barChart(chart: Page['chart']): HTMLElement {
  const values = chart.series.map((s) => s.values[0] ?? 0);
  const span = Math.max(1e-9, ...values.map(Math.abs));
  const hasNegative = values.some((v) => v < 0);
  return h(
    'div',
    { class: 'bars', testid: 'debrief-bars' },
    h('b', {}, chart.title),
    ...chart.series.map((s, i) => {
      const v = values[i];
      const width = (Math.abs(v) / span) * (hasNegative ? 50 : 100);
      const left = hasNegative ? (v < 0 ? 50 - width : 50) : 0;
      return h(
        'div',
        { class: 'bar-row' },
        h('span', { class: 'bar-label' }, s.label),
        h('span', { class: 'bar-track' }, h('i', { class: v < 0 ? 'neg' : s.netuid !== undefined ? '' : 'pos', style: `left:${left}%;width:${width}%${s.netuid !== undefined ? `;background:${subnetColour(s.netuid)}` : ''}` })),
        h('span', { class: 'num' }, tickLabel(v, chart.unit)),
      );
    }),
  );
}

export function debriefPage(page: Page, index: number, total: number): HTMLElement {
  let chart: HTMLElement;
  if (page.chart.kind === 'bars') chart = barChart(page.chart);
  else {
    const c = lineChart(page.chart.title, 'debrief-chart', { axes: { unit: page.chart.unit } });
    c.update(
      page.chart.series.map((s) => ({ label: s.label, values: s.values, ...(s.netuid !== undefined ? { colour: subnetColour(s.netuid) } : {}) })),
      undefined,
      { x: page.chart.x, marks: page.chart.marks.map((m) => ({ x: m.block, label: m.label })) },
    );
    chart = c.root;
  }
  return h(
    'div',
    { class: 'debrief-page', testid: 'debrief-page', 'data-topic': page.topic },
    h('div', { class: 'debrief-text' }, h('span', { class: 'muted' }, `Debrief ${index + 1} of ${total}`), h('h3', { testid: 'debrief-question' }, page.question), h('ul', { testid: 'debrief-answer' }, ...page.answer.map((a) => h('li', {}, a)))),
    h('div', { class: 'debrief-chart' }, chart),
  );
}
