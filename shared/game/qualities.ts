// Each UID's true (hidden) quality: an incumbent miner's is fixed at genesis, a player miner's
// follows its effort, anyone else has none.
import type { Subnet } from '../engine/index.ts';
import { UidMemo } from '../engine/index.ts';
import type { Player } from './state.ts';
import type { World } from './world.ts';

export class Qualities {
  private readonly incumbent = new Map<string, number>();
  /** Where each UID's quality comes from, per subnet (worked out again only where a UID changed hands). */
  private readonly sources = new Map<number, UidMemo<number | Player | undefined>>();

  constructor(private readonly w: World) {
    for (const inc of w.g.incumbents) for (const [hk, q] of Object.entries(inc.minerQuality)) this.incumbent.set(hk, q);
  }

  /** Each UID's true quality (undefined where the UID is not a miner), in uid order; a full network asks this thousands of times a day. */
  of(s: Subnet): (number | undefined)[] {
    let memo = this.sources.get(s.netuid);
    if (!memo) this.sources.set(s.netuid, (memo = new UidMemo()));
    return memo.of(s.neurons, (hk) => this.source(hk)).map((f) => (typeof f === 'number' ? f : f?.quality));
  }

  private source(hk: string): number | Player | undefined {
    const q = this.incumbent.get(hk);
    if (q !== undefined) return q;
    const p = this.w.byHotkey.get(hk);
    return p?.role === 'miner' ? p : undefined;
  }
}
