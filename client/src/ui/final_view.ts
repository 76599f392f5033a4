// The end of the game on the big screen: the final standings, the net-worth race replayed, and the
// room's story told in a few lines.
import type { ResultsView, SeriesView } from '../../../shared/protocol/index.ts';
import { extentOf } from '../lib/chart.ts';
import { signed, taoText } from '../lib/format.ts';
import { revealed, runners } from '../lib/race.ts';
import { h } from './dom.ts';
import { lineChart } from './line_chart.ts';

const REPLAY_MS = 12_000;
const REPLAY_EVERY_MS = 40_000;

export interface FinalView {
  root: HTMLElement;
  results(r: ResultsView): void;
  series(s: SeriesView): void;
  story(lines: readonly string[]): void;
  destroy(): void;
}

export function finalView(): FinalView {
  const standings = h('tbody', {});
  const race = lineChart('The net-worth race, replayed', 'race-chart', { axes: { unit: 'τ' } });
  const storyList = h('ol', { class: 'story', testid: 'story' }, h('li', { class: 'muted' }, 'The story of this game is being written…'));
  const root = h(
    'div',
    { class: 'panel final', testid: 'final', hidden: true },
    h(
      'div',
      { class: 'final-standings' },
      h('h2', {}, 'Final standings'),
      h('table', { testid: 'final-standings' }, h('thead', {}, h('tr', {}, ...['#', 'Player', 'Change', 'Emission', 'Price gains'].map((c) => h('th', {}, c)))), standings),
    ),
    h('div', { class: 'final-race' }, race.root),
    h('div', { class: 'final-story' }, h('h2', {}, 'What happened in this room'), storyList),
  );
  let rows: ResultsView['rows'] = [];
  let data: SeriesView | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let started = 0;

  const drawRace = () => {
    if (!data || rows.length === 0) return;
    const lines = runners(rows, data);
    const extent = extentOf(lines);
    const fraction = (performance.now() - started) / REPLAY_MS;
    race.update(
      lines.map((l) => ({ label: l.label, values: revealed(l.values, fraction) })),
      fraction < 1 ? `block ${data.block[Math.min(data.block.length - 1, Math.floor(fraction * data.block.length))]?.toLocaleString('en-US') ?? ''}` : 'final',
      { x: data.block, extent },
    );
    root.dataset.replayed = String(fraction >= 1);
  };
  const replay = () => {
    started = performance.now();
    timer ??= setInterval(() => {
      drawRace();
      if (performance.now() - started > REPLAY_EVERY_MS) started = performance.now();
    }, 200);
    drawRace();
  };

  return {
    root,
    results(r) {
      rows = r.rows;
      root.hidden = false;
      standings.replaceChildren(
        ...r.rows.slice(0, 10).map((x) =>
          h(
            'tr',
            { class: x.bot ? 'bot' : 'person' },
            h('td', { class: 'num' }, x.rank),
            h('td', { class: 'name' }, x.name, h('span', { class: 'muted' }, ` ${x.role}${x.bot ? ' · bot' : ''}`)),
            h('td', { class: `num ${Number(x.change) >= 0 ? 'good' : 'bad'}` }, signed(x.change)),
            h('td', { class: 'num' }, taoText(x.emissionIncome)),
            h('td', { class: 'num' }, signed(x.priceGains)),
          ),
        ),
      );
      if (data) replay();
    },
    series(s) {
      const first = data === null;
      data = s;
      if (first && rows.length > 0) replay();
    },
    story(lines) {
      storyList.replaceChildren(...lines.map((l) => h('li', {}, l)));
    },
    destroy() {
      if (timer) clearInterval(timer);
    },
  };
}
