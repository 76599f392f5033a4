// The facilitator's words to every screen in the room, and the debrief page the big screens show.
// Broadcasts, not synced state; what still stands (a pause's words while the pause lasts, the
// debrief page on the big screen) is given again to a screen that joins later or comes back.
import type { AnnouncementView, ControlRequest } from '../shared/protocol/index.ts';

type Notice = Extract<ControlRequest, { type: 'announce' | 'show_debrief' }>;

interface Screens {
  broadcast(type: string, message: unknown): void;
}

interface Screen {
  send(type: string, message: unknown): void;
}

export class Notices {
  private pauseWords: AnnouncementView | null = null;
  private debriefPage: number | null = null;

  constructor(
    private readonly screens: Screens,
    /** The room's phase now (the room's state is made after the room). */
    private readonly phase: () => string,
  ) {}

  /** Sends the notice to everyone (the room has already paused for an announcement that asks it to). */
  post(c: Notice, block: number): void {
    if (c.type === 'show_debrief') {
      this.debriefPage = c.page;
      return this.screens.broadcast('debrief_page', { page: c.page });
    }
    const note: AnnouncementView = { text: c.text, paused: this.phase() === 'paused', block };
    this.pauseWords = note.paused ? note : null;
    this.screens.broadcast('announcement', note);
  }

  /** What a screen arriving now should be showing: the words of the pause still on, the debrief page still up. */
  greet(screen: Screen): void {
    if (this.pauseWords && this.phase() === 'paused') screen.send('announcement', this.pauseWords);
    if (this.debriefPage !== null) screen.send('debrief_page', { page: this.debriefPage });
  }
}
