// The facilitator's words on every screen of the room: a banner over whatever the screen shows,
// kept while the game is paused with it, otherwise until it is tapped or has been read.
import type { AnnouncementView } from '../../../shared/protocol/index.ts';
import type { Connection } from '../net/connection.ts';
import { h } from './dom.ts';

const READ_MS = 20_000;

/** Shows every announcement the connection receives, for as long as the connection lives. */
export function watchAnnouncements(conn: Connection): void {
  const banner = h('div', { class: 'announcement', testid: 'announcement', role: 'status', hidden: true });
  document.body.append(banner);
  let shown: AnnouncementView | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hide = () => {
    banner.hidden = true;
    shown = null;
  };
  banner.addEventListener('click', hide);
  conn.on('announcement', (a) => {
    shown = a;
    banner.replaceChildren(h('span', { class: 'label' }, a.paused ? 'Paused — from the facilitator' : 'From the facilitator'), h('b', {}, a.text));
    banner.hidden = false;
    if (timer) clearTimeout(timer);
    timer = a.paused ? null : setTimeout(hide, READ_MS);
  });
  // A pause announcement stays up while the game is paused: until it runs again, or ends.
  conn.onState((s) => {
    if (shown?.paused && s.clock && s.clock.phase !== 'paused') hide();
  });
}
