import type { ChainState, Hotkey, Netuid, Rao } from '../shared/engine/index.ts';

/** A stake position: alpha behind a hotkey on a subnet. */
export interface Position {
  netuid: Netuid;
  hotkey: Hotkey;
  alpha: Rao;
}

/** A UID a hotkey holds. */
export interface UidHeld {
  netuid: Netuid;
  uid: number;
}

/**
 * Every player's stake positions and UIDs, from one pass over the chain's stake books and neurons.
 * A full network has 128 books of 256 hotkeys: searching them once per wallet (80 wallets a second
 * at 10 blocks/s) was most of a room's time; once per block serves every wallet of that block.
 * Lists are in the chain's order (subnets by netuid, a book's hotkeys as stored), as a search finds them.
 */
export class Holdings {
  private readonly positions = new Map<string, Position[]>();
  private readonly uids = new Map<string, UidHeld[]>();

  constructor(state: ChainState, coldkeys: ReadonlySet<string>, hotkeys: ReadonlySet<string>) {
    for (const s of state.subnets) {
      if (!s) continue;
      for (const [hotkey, holders] of s.stake) {
        for (const [coldkey, alpha] of holders) {
          if (alpha > 0n && coldkeys.has(coldkey)) push(this.positions, coldkey, { netuid: s.netuid, hotkey, alpha });
        }
      }
      s.neurons.forEach((n, uid) => {
        // A hotkey holds at most one UID per subnet: the first, as a search by hotkey finds it.
        if (hotkeys.has(n.hotkey) && !this.uids.get(n.hotkey)?.some((x) => x.netuid === s.netuid)) push(this.uids, n.hotkey, { netuid: s.netuid, uid });
      });
    }
  }

  positionsOf(coldkey: string): readonly Position[] {
    return this.positions.get(coldkey) ?? [];
  }

  uidsOf(hotkey: string): readonly UidHeld[] {
    return this.uids.get(hotkey) ?? [];
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
