import type { ChainState, Netuid, Neuron, Subnet } from '../shared/engine/index.ts';
import { sameNeurons } from '../shared/engine/index.ts';

/** A UID a hotkey holds. */
export interface UidHeld {
  netuid: Netuid;
  uid: number;
}

/**
 * Which UIDs the players' hotkeys hold, for their wallets: worked out once per block for all the
 * wallets of that block. Looking 32,768 neurons' hotkeys up every block was most of a full
 * network's wallets; a subnet is searched again only when one of its neuron objects is not
 * the one seen last time (a registration puts a new neuron in a slot, and a neuron's hotkey never
 * changes), or when the players' hotkeys changed.
 */
export class UidFinder {
  private hotkeysKey = '';
  private readonly seen = new Map<Netuid, { subnet: Subnet; neurons: Neuron[]; found: { hotkey: string; held: UidHeld }[] }>();

  find(state: ChainState, hotkeys: ReadonlySet<string>): Map<string, UidHeld[]> {
    const key = [...hotkeys].join('\n');
    if (key !== this.hotkeysKey) {
      this.hotkeysKey = key;
      this.seen.clear();
    }
    const uids = new Map<string, UidHeld[]>();
    for (const s of state.subnets) {
      if (!s) continue;
      let memo = this.seen.get(s.netuid);
      if (!memo || memo.subnet !== s || !sameNeurons(memo.neurons, s.neurons)) {
        memo = { subnet: s, neurons: s.neurons.slice(), found: search(s, hotkeys) };
        this.seen.set(s.netuid, memo);
      }
      for (const { hotkey, held } of memo.found) push(uids, hotkey, held);
    }
    return uids;
  }
}

/** A hotkey holds at most one UID per subnet: the first, as a search by hotkey finds it. */
function search(s: Subnet, hotkeys: ReadonlySet<string>): { hotkey: string; held: UidHeld }[] {
  const found: { hotkey: string; held: UidHeld }[] = [];
  const taken = new Set<string>();
  s.neurons.forEach((n, uid) => {
    if (!hotkeys.has(n.hotkey) || taken.has(n.hotkey)) return;
    taken.add(n.hotkey);
    found.push({ hotkey: n.hotkey, held: { netuid: s.netuid, uid } });
  });
  return found;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
