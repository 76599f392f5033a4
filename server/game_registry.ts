import type { ResultsView, SeriesView } from '../shared/protocol/index.ts';
import { type TokenDigest, tokenMatches } from './secrets.ts';

/** What the HTTP exports need from a game, live or finished. */
export interface ExportableGame {
  code: string;
  /** The facilitator token's digest: only its holder reads the exports. */
  facilitatorKey: TokenDigest;
  results(): ResultsView;
  series(maxPoints?: number): SeriesView;
}

/**
 * This process's games by join code, for the export endpoints. A finished game's exports stay
 * after its room is disposed (frozen), the most recent ones only: durable storage is the
 * persistence layer's job, not this map's.
 */
export class GameRegistry {
  private readonly live = new Map<string, ExportableGame>();
  private readonly finished = new Map<string, ExportableGame>();

  constructor(private readonly keepFinished = 100) {}

  add(game: ExportableGame): void {
    this.live.set(game.code, game);
  }

  /**
   * The room is going away: keep a frozen copy of what it can export, unless the database keeps it
   * (`stored`): then the exports are read from there and memory holds none of its series.
   */
  retire(game: ExportableGame, stored = false): void {
    this.live.delete(game.code);
    if (stored) return;
    const results = game.results();
    const series = game.series();
    this.finished.set(game.code, { code: game.code, facilitatorKey: game.facilitatorKey, results: () => results, series: () => series });
    while (this.finished.size > this.keepFinished) this.finished.delete(this.finished.keys().next().value!);
  }

  /** The game, if the token is its facilitator's; null for an unknown code or a wrong token alike. */
  authorised(code: string, token: string | undefined): ExportableGame | null {
    const game = this.live.get(code) ?? this.finished.get(code);
    return game && tokenMatches(game.facilitatorKey, token) ? game : null;
  }
}

/** One registry per process: rooms add themselves, express reads it. */
export const games = new GameRegistry();
