// The leaderboard: net worth at liquidation value and its change; bots marked.
import type { PlayerState } from '../../../shared/protocol/schema.ts';
import { leaderboard } from '../lib/arena.ts';
import { percent, signed, taoText } from '../lib/format.ts';
import { h } from './dom.ts';

export function leaderboardTable(testid: string, opts: { max?: number; me?: () => string | null } = {}): { root: HTMLElement; update(players: Parameters<typeof leaderboard<PlayerState>>[0]): void } {
  const body = h('tbody', {});
  const root = h(
    'table',
    { testid },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Player'), h('th', { class: 'role' }, 'Role'), h('th', { class: 'num' }, 'Net worth'), h('th', { class: 'num' }, 'Change'))),
    body,
  );
  let key = '';
  return {
    root,
    update(players) {
      const rows = leaderboard<PlayerState>(players).slice(0, opts.max ?? 100);
      const me = opts.me?.() ?? null;
      const next = rows.map((p) => `${p.id}:${p.rank}:${p.netWorth}:${p.change}:${p.connected}`).join('|') + me;
      if (next === key) return;
      key = next;
      body.replaceChildren(
        ...rows.map((p, i) =>
          h(
            'tr',
            { style: p.id === me ? 'background:#0c4a6e' : undefined },
            h('td', { class: 'num' }, p.rank || i + 1),
            h('td', { class: 'name' }, p.name, p.bot ? h('span', { class: 'badge', style: 'margin-left:6px' }, 'bot') : null, !p.bot && !p.connected ? h('span', { class: 'muted' }, ' (away)') : null, p.id === me ? h('b', {}, ' (you)') : null),
            h('td', { class: 'muted role' }, p.role),
            h('td', { class: 'num' }, taoText(p.netWorth)),
            h('td', { class: `num ${Number(p.change) >= 0 ? 'good' : 'bad'}` }, signed(p.change), h('span', { class: 'pct' }, ` (${p.changePct > 0 ? '+' : ''}${percent(p.changePct / 100)})`)),
          ),
        ),
      );
    },
  };
}
