import type { SeriesView } from '../shared/protocol/index.ts';
import type { GameHost } from './game_host.ts';

/**
 * A room's `get_series` answers for the current block and log. Building one scans every series row;
 * a hundred spectators asking the same thing in the same block now cost one scan, not a hundred.
 * Only the latest few answers are kept, and all of them go when the game moves on.
 */
export class SeriesCache {
  private key = '';
  private readonly answers = new Map<string, SeriesView>();

  constructor(private readonly keep = 8) {}

  get(host: GameHost, maxPoints?: number, netuids?: readonly number[]): SeriesView {
    const now = host.version;
    if (now !== this.key) {
      this.key = now;
      this.answers.clear();
    }
    const ask = `${maxPoints ?? ''}|${netuids?.join(',') ?? ''}`;
    let answer = this.answers.get(ask);
    if (!answer) {
      answer = host.series(maxPoints, netuids);
      if (this.answers.size >= this.keep) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(ask, answer);
    }
    return answer;
  }
}
