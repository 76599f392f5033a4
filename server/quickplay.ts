// Quick play keeps its seats full: bots hold them until people come, and take them back when
// people leave for good.
import { EXTERNAL_BOT } from '../shared/game/index.ts';
import type { PlayerRole } from '../shared/protocol/index.ts';
import type { GameHost } from './game_host.ts';

/** Player seats a facilitated game lists as free for people. */
const DEFAULT_SEATS = 16;
/** Seats of a quick-play game: bots hold them until people come. */
const QUICKPLAY_SEATS = 8;

export const defaultSeats = (quickplay: boolean): number => (quickplay ? QUICKPLAY_SEATS : DEFAULT_SEATS);

export class QuickPlaySeats {
  /** Bots taken off the board for people who are here; each comes back when one leaves. */
  private displacedBots = 0;

  constructor(
    private readonly host: GameHost,
    private readonly seats: number,
  ) {}

  /** A person arriving (or coming back) takes a bot's seat, preferably one of the same role, while the game holds more players than seats. */
  arrived(role: PlayerRole): void {
    const players = this.host.game.players();
    if (players.filter((p) => !p.removed && (p.connected || p.bot !== null)).length <= this.seats) return;
    const bots = players.filter((p) => !p.removed && p.bot !== null && p.bot !== EXTERNAL_BOT);
    const bot = bots.find((p) => p.role === role) ?? bots[0];
    if (bot && this.host.removeBot(bot.id).ok) this.displacedBots++;
  }

  /** A person who left for good hands back the seat a bot gave up for them; their wallet stays theirs. */
  left(role: PlayerRole): void {
    if (this.displacedBots > 0 && this.host.addBot(role).ok) this.displacedBots--;
  }
}
