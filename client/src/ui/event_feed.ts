// The event feed: registrations, prunings, halvings, big stake moves, owners' burns — newest first.
import type { FeedEvent } from '../../../shared/protocol/schema.ts';
import { recentEvents } from '../lib/arena.ts';
import { h } from './dom.ts';

// Glyphs every system font has (a projector laptop may have no emoji font).
const ICON: Record<string, string> = { subnet_registered: '+', subnet_pruned: '×', subnet_named: '✎', halving: '½', big_stake: '↕', owner_burned: '▼', scenario_event: '!', player_joined: '→', player_left: '←', game_over: '■' };

export function eventFeed(testid: string, max: number): { root: HTMLElement; update(events: Parameters<typeof recentEvents<FeedEvent>>[0]): FeedEvent | undefined } {
  const root = h('ul', { class: 'feed', testid });
  let key = '';
  return {
    root,
    update(events) {
      const rows = recentEvents<FeedEvent>(events, max);
      const next = rows.map((e) => `${e.block}:${e.text}`).join('|');
      if (next !== key) {
        key = next;
        root.replaceChildren(...rows.map((e) => h('li', {}, h('span', { class: 'block' }, `#${e.block}`), `${ICON[e.kind] ?? '·'} ${e.text}`)));
      }
      return rows[0];
    },
  };
}
