// The player's own end of game, over the play screen: final ranks, net worth and its parts, and a
// few lines of why. It can be closed to look at the board and opened again from the top bar.
import { rankText, returnText, roleRankText, type Standing } from '../lib/standing.ts';
import type { Summary } from '../lib/summary.ts';
import { h, fill } from './dom.ts';

export function endSummary(): { root: HTMLElement; update(s: Standing | null, summary: Summary): void; open(): void } {
  let shown = '';
  const body = h('div', { class: 'stack' });
  const close = h('button', { type: 'button', class: 'primary', testid: 'end-close', onclick: () => (root.hidden = true) }, 'See the board');
  const root = h('div', { class: 'guide end', testid: 'end-summary', role: 'dialog', 'aria-label': 'Your result', hidden: true }, h('div', { class: 'panel card' }, h('h2', {}, 'Game over — your result'), body, close));
  return {
    root,
    update(s, summary) {
      const key = JSON.stringify([s, summary]);
      if (key === shown) return;
      shown = key;
      fill(
        body,
        s
          ? h(
              'div',
              { class: 'ranks' },
              h('div', {}, h('span', {}, 'In your role'), h('b', { testid: 'end-role-rank' }, roleRankText(s))),
              h('div', {}, h('span', {}, 'Return'), h('b', { testid: 'end-return', class: s.returnPct > 0 ? 'good' : s.returnPct < 0 ? 'bad' : '' }, returnText(s.returnPct))),
              h('div', {}, h('span', {}, 'Overall'), h('b', { testid: 'end-rank' }, rankText(s))),
            )
          : null,
        h('dl', { class: 'kv', testid: 'end-parts' }, ...summary.parts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
        h('h3', {}, 'Why'),
        h('ul', { class: 'why', testid: 'end-why' }, ...summary.why.map((line) => h('li', {}, line))),
      );
    },
    open: () => (root.hidden = false),
  };
}
