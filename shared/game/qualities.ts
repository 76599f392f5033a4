// Each UID's true (hidden) quality: an incumbent miner's is fixed at genesis, a player miner's
// follows its effort, anyone else has none.
import type { Subnet } from '../engine/index.ts';
import type { Player } from './state.ts';
import type { World } from './world.ts';

export class Qualities {
  private readonly incumbent = new Map<string, number>();
  /** Where each UID's quality comes from, per subnet, with the hotkey it was worked out for. */
  private readonly sources = new Map<number, { hotkeys: string[]; from: (number | Player | undefined)[] }>();

  constructor(private readonly w: World) {
    for (const inc of w.g.incumbents) for (const [hk, q] of Object.entries(inc.minerQuality)) this.incumbent.set(hk, q);
  }

  /**
   * Each UID's true quality (undefined where the UID is not a miner), in uid order. Where a UID's
   * quality comes from is worked out again only when the UID changes hands (checked by hotkey
   * identity), since a full network asks this thousands of times a day: a registration replaces
   * one UID, and working out all 256 again after each was most of this call's cost.
   */
  of(s: Subnet): (number | undefined)[] {
    const neurons = s.neurons;
    let cached = this.sources.get(s.netuid);
    if (!cached) this.sources.set(s.netuid, (cached = { hotkeys: [], from: [] }));
    const { hotkeys, from } = cached;
    for (let j = 0; j < neurons.length; j++) {
      const hk = neurons[j].hotkey;
      if (hotkeys[j] === hk) continue;
      hotkeys[j] = hk;
      from[j] = this.source(hk);
    }
    hotkeys.length = from.length = neurons.length;
    return from.map((f) => (typeof f === 'number' ? f : f?.quality));
  }

  private source(hk: string): number | Player | undefined {
    const q = this.incumbent.get(hk);
    if (q !== undefined) return q;
    const p = this.w.byHotkey.get(hk);
    return p?.role === 'miner' ? p : undefined;
  }
}
