// A subnet's neuron table, as watchers see it: 256 rows on a full subnet, asked for by every watcher
// once a second. Between a subnet's epochs nearly every row is what it was, so a row is formatted
// again only when what it is made of changed.
import type { Hotkey, Netuid, Neuron, Subnet } from '../../shared/engine/index.ts';
import { formatAmount, hotkeyStake, netuid as toNetuid, sameNeurons } from '../../shared/engine/index.ts';
import type { Game } from '../../shared/game/index.ts';
import type { NeuronRowView, SubnetDetailView } from '../../shared/protocol/index.ts';

/** What one row is made of, read straight from the chain (amounts unformatted). */
interface RowInputs {
  hotkey: string;
  owner: string | null;
  validatorPermit: boolean;
  stake: bigint;
  incentive: number;
  dividends: number;
  trust: number;
  consensus: number;
  takeU16: number;
  bondsU16: number;
  emission: bigint;
  registeredAt: number;
  immune: boolean;
}

/** Ratios for a table shown to people: 5 significant decimals keep messages short and stable. */
const ratio = (x: number): number => Math.round(x * 1e5) / 1e5;

function rowOf(uid: number, x: RowInputs): NeuronRowView {
  return {
    uid,
    hotkey: x.hotkey,
    owner: x.owner,
    stake: formatAmount(x.stake),
    validatorPermit: x.validatorPermit,
    incentive: ratio(x.incentive),
    dividends: ratio(x.dividends),
    trust: ratio(x.trust),
    take: x.takeU16 / 65_535,
    consensus: ratio(x.consensus),
    bonds: ratio(x.bondsU16 / 65_535),
    emission: formatAmount(x.emission),
    registeredAt: x.registeredAt,
    immune: x.immune,
  };
}

/** Every field of a row: the compiler refuses this list when a field is added to the row and not here. */
const ROW_FIELDS = Object.keys({
  uid: true,
  hotkey: true,
  owner: true,
  stake: true,
  validatorPermit: true,
  incentive: true,
  dividends: true,
  trust: true,
  consensus: true,
  take: true,
  bonds: true,
  emission: true,
  registeredAt: true,
  immune: true,
} satisfies Record<keyof NeuronRowView, true>) as (keyof NeuronRowView)[];

/** Two rows that read the same: flat records of numbers, strings and flags, so `===` on each field. */
export const sameRow = (a: NeuronRowView, b: NeuronRowView): boolean => a === b || ROW_FIELDS.every((k) => a[k] === b[k]);

/**
 * A subnet's last table. Between its epochs a row can change only by the inputs kept here per UID,
 * which are written over in place and only when they changed; `rows` is never written over, since
 * watchers hold it as what they were sent.
 */
interface Kept {
  subnet: Subnet;
  epoch: number;
  neurons: Neuron[];
  rows: NeuronRowView[];
  stake: bigint[];
  takeU16: number[];
  owner: (string | null)[];
  immune: boolean[];
  bondsU16: number[];
}

/**
 * Builds subnets' neuron tables, keeping each subnet's last rows: a row whose inputs are unchanged is
 * the same object as before, and a table none of whose rows changed is the same array, so building
 * costs reading the chain, and comparing a watcher's rows is mostly by identity. Rows and arrays
 * that live from one second to the next are then not new objects each time, which the
 * young-generation GC would copy and promote (its pauses are a room's slowest ticks).
 */
export class NeuronTables {
  private readonly last = new Map<number, Kept>();

  view(game: Game, netuid: number): SubnetDetailView | null {
    const id: Netuid = toNetuid(netuid);
    const s = game.chain.subnet(id);
    const label = game.subnetLabel(id);
    if (!s || !label) {
      this.last.delete(netuid);
      return null;
    }
    const state = game.chain.state;
    const owners = new Map(game.players().map((p) => [p.hotkey, p.id]));
    const immunity = state.params.neuronImmunityPeriod;
    const before = this.last.get(netuid);
    const kept = before?.subnet === s ? before : undefined;
    const neurons = kept && sameNeurons(kept.neurons, s.neurons) ? kept.neurons : s.neurons.slice();
    // A neuron's epoch figures (and the bonds, whose 64 rows of 256 were most of a table's cost)
    // change only at the subnet's epoch, or when a registration puts a new neuron in a slot (and
    // clears its bonds column): until then a row can only change by its stake, take, owner or immunity.
    const sinceEpoch = kept !== undefined && kept.epoch === s.lastEpochBlock && neurons === kept.neurons;
    // After an epoch every row is new, but the per-UID inputs are written over in the same arrays.
    const table: Kept = sinceEpoch
      ? kept
      : {
          subnet: s,
          epoch: s.lastEpochBlock,
          neurons,
          rows: new Array<NeuronRowView>(s.neurons.length),
          stake: kept?.stake ?? [],
          takeU16: kept?.takeU16 ?? [],
          owner: kept?.owner ?? [],
          immune: kept?.immune ?? [],
          bondsU16: kept?.bondsU16 ?? [],
        };
    let rows = table.rows;
    s.neurons.forEach((n, uid) => {
      const stake = hotkeyStake(s.stake, n.hotkey);
      const takeU16 = state.hotkeys.get(n.hotkey as Hotkey)?.takeU16 ?? state.params.defaultTakeU16;
      const owner = owners.get(n.hotkey) ?? null;
      const immune = game.block < n.registeredAt + immunity;
      if (sinceEpoch && table.stake[uid] === stake && table.takeU16[uid] === takeU16 && table.owner[uid] === owner && table.immune[uid] === immune) return;
      let bonds = 0;
      if (sinceEpoch) bonds = table.bondsU16[uid];
      else for (const b of s.bonds.get(uid) ?? []) bonds += b;
      const fresh = rowOf(uid, {
        hotkey: n.hotkey,
        owner,
        validatorPermit: n.validatorPermit,
        stake,
        incentive: n.incentive,
        dividends: n.dividends,
        trust: n.validatorTrust,
        consensus: n.consensus,
        takeU16,
        bondsU16: bonds,
        emission: n.emission,
        registeredAt: n.registeredAt,
        immune,
      });
      // After an epoch or a registration more than half the rebuilt rows read as before: the old
      // object stays, so watchers compare by identity and the copy is garbage at once.
      const was = kept?.rows[uid];
      const row = was !== undefined && sameRow(was, fresh) ? was : fresh;
      if (row !== rows[uid]) {
        if (rows === kept?.rows) rows = rows.slice();
        rows[uid] = row;
      }
      table.stake[uid] = stake;
      table.takeU16[uid] = takeU16;
      table.owner[uid] = owner;
      table.immune[uid] = immune;
      table.bondsU16[uid] = bonds;
    });
    table.rows = rows;
    this.last.set(netuid, table);
    return { netuid, block: game.block, name: label.name, burn: formatAmount(s.burn), neurons: rows };
  }
}

/** One table, built from nothing. */
export const subnetDetailView = (game: Game, netuid: number): SubnetDetailView | null => new NeuronTables().view(game, netuid);
