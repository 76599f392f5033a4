// The facilitator's words to every screen in the room, and the debrief page the big screens show.
// Broadcasts, not synced state: a screen that joins later gets the next one.
import type { AnnouncementView, ControlRequest } from '../shared/protocol/index.ts';

type Notice = Extract<ControlRequest, { type: 'announce' | 'show_debrief' }>;

/** Sends the notice to everyone (the room has already paused for an announcement that asks it to). */
export function announce(room: { broadcast(type: string, message: unknown): void }, clock: { phase: string }, c: Notice, block: number): void {
  if (c.type === 'show_debrief') return room.broadcast('debrief_page', { page: c.page });
  const note: AnnouncementView = { text: c.text, paused: clock.phase === 'paused', block };
  room.broadcast('announcement', note);
}
