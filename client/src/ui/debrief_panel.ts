// The facilitator's end of the game: the final standings with the net-worth chart beside them, then
// the debrief's pages one at a time, each of which can be put on the big screen.
import type { DebriefView, ResultsView, SeriesView } from '../../../shared/protocol/index.ts';
import { signed, taoText } from '../lib/format.ts';
import { runners } from '../lib/race.ts';
import { debriefPage } from './debrief_view.ts';
import { h } from './dom.ts';
import { lineChart } from './line_chart.ts';

export interface DebriefPanel {
  root: HTMLElement;
  results(r: ResultsView): void;
  series(s: SeriesView): void;
  debrief(d: DebriefView): void;
}

/** `show(page)` puts a debrief page on the big screens (null: back to the final standings there). */
export function debriefPanel(show: (page: number | null) => void): DebriefPanel {
  const tabs = h('div', { class: 'tabs debrief-tabs', role: 'tablist' });
  const body = h('div', { class: 'debrief-body' });
  const onScreen = h('span', { class: 'muted', testid: 'on-big-screen' }, 'Big screen: final standings');
  const showHere = h('button', { class: 'primary', testid: 'show-on-big-screen' }, 'Show this on the big screen');
  const takeDown = h('button', { testid: 'take-down' }, 'Big screen: back to the standings');
  const root = h('div', { class: 'panel debrief-panel', testid: 'summary', hidden: true }, h('div', { class: 'row' }, h('h2', { class: 'grow', style: 'margin:0' }, 'Debrief'), onScreen, showHere, takeDown), tabs, body);
  let results: ResultsView | null = null;
  let series: SeriesView | null = null;
  let data: DebriefView | null = null;
  let current = -1;

  const standings = () => {
    const chart = lineChart('Net worth over the game', 'networth-chart', { axes: { unit: 'τ' } });
    if (results && series) chart.update(runners(results.rows, series).map((r) => ({ label: r.label, values: r.values })), undefined, { x: series.block });
    return h(
      'div',
      { class: 'debrief-page' },
      h(
        'div',
        { class: 'debrief-text' },
        h('h3', {}, `Final standings — block ${results?.block.toLocaleString('en-US') ?? '…'}`),
        h(
          'table',
          { testid: 'results' },
          h('thead', {}, h('tr', {}, ...['#', 'Name', 'Role', 'Net worth', 'Change', 'Emission', 'Price gains'].map((c) => h('th', {}, c)))),
          h('tbody', {}, ...(results?.rows ?? []).map((r) => h('tr', {}, h('td', {}, r.rank), h('td', {}, r.name, r.bot ? h('span', { class: 'badge', style: 'margin-left:6px' }, 'bot') : null), h('td', {}, r.role), h('td', { class: 'num' }, taoText(r.netWorth)), h('td', { class: 'num' }, signed(r.change)), h('td', { class: 'num' }, taoText(r.emissionIncome)), h('td', { class: 'num' }, signed(r.priceGains))))),
        ),
      ),
      h('div', { class: 'debrief-chart' }, chart.root),
    );
  };

  const draw = () => {
    const pages = data?.pages ?? [];
    const labels = ['Standings', ...pages.map((p) => p.topic[0].toUpperCase() + p.topic.slice(1))];
    tabs.replaceChildren(...labels.map((l, i) => h('button', { type: 'button', role: 'tab', 'aria-selected': String(i - 1 === current), testid: `debrief-tab-${i}`, onclick: () => ((current = i - 1), draw()) }, l)));
    body.replaceChildren(current < 0 || !pages[current] ? standings() : debriefPage(pages[current], current, pages.length));
    showHere.hidden = current < 0;
  };
  showHere.addEventListener('click', () => {
    show(current);
    onScreen.textContent = `Big screen: ${data?.pages[current]?.topic ?? ''}`;
  });
  takeDown.addEventListener('click', () => {
    show(null);
    onScreen.textContent = 'Big screen: final standings';
  });

  return {
    root,
    results(r) {
      results = r;
      root.hidden = false;
      draw();
    },
    series(s) {
      series = s;
      if (results) draw();
    },
    debrief(d) {
      data = d;
      draw();
    },
  };
}
