import Decimal from 'decimal.js';
import { formatAmount } from '../shared/engine/index.ts';
import type { Rao } from '../shared/engine/index.ts';
import type { GameEvent } from '../shared/game/index.ts';
import { eventEntry } from '../shared/protocol/index.ts';

export interface FeedLine {
  block: number;
  kind: string;
  text: string;
  netuid: number;
}

/** What the ticker needs to name things. */
export interface Namer {
  subnetName(netuid: number): string;
  /** The name a subnet had when it was last pruned (its netuid may already carry a new one). */
  prunedName(netuid: number): string;
  /** A player's display name by coldkey or player id; null for the network's incumbents and the market. */
  nameOf(key: string): string | null;
}

/** A stake or unstake at least this large (TAO) makes the ticker: the seed's "big stake moves". */
export const BIG_MOVE_TAO = 100n * 1_000_000_000n;

const twoPlaces = (rao: Rao): string => new Decimal(formatAmount(rao)).toDecimalPlaces(2).toFixed();
const tao = (rao: Rao): string => `${twoPlaces(rao)} τ`;

/**
 * One line for the event ticker, or null for what would drown it (every block's emission, each
 * epoch of 128 subnets, bots' small trades). Text is for people; `kind` lets a client style it.
 */
export function describeEvent(e: GameEvent, names: Namer): FeedLine | null {
  const line = (kind: string, text: string, netuid = -1): FeedLine => ({ block: e.block, kind, text, netuid });
  const sn = (id: number) => `${names.subnetName(id)} (SN${id})`;
  const who = (key: string) => names.nameOf(key) ?? 'the market';
  switch (e.type) {
    case 'halving':
      return line('halving', `Halving: block emission is now ${tao(e.emission)}`);
    case 'subnet_registered':
      return line('subnet_registered', `${who(e.owner)} registered ${sn(e.netuid)} for ${tao(e.lockCost)}`, e.netuid);
    case 'subnet_pruned':
      return line('subnet_pruned', `${names.prunedName(e.netuid)} (SN${e.netuid}) was deregistered: lowest EMA price past immunity`, e.netuid);
    case 'subnet_named':
      return line('subnet_named', `SN${e.netuid} is now ${e.name}${e.product ? ` — ${e.product}` : ''}`, e.netuid);
    case 'staked':
    case 'unstaked': {
      // The outside market's moves (a surge, a shock) are announced once as their scenario event.
      if (e.tao < BIG_MOVE_TAO || names.nameOf(e.coldkey) === null) return null;
      const verb = e.type === 'staked' ? 'staked' : 'unstaked';
      return line('big_stake', `${who(e.coldkey)} ${verb} ${tao(e.tao)} ${e.type === 'staked' ? 'into' : 'from'} ${sn(e.netuid)}`, e.netuid);
    }
    case 'epoch':
      // Only an owner's self-weight burns its hotkeys' incentive; an ordinary epoch stays off the ticker.
      return e.ownerBurned > 0n ? line('owner_burned', `The owner of ${sn(e.netuid)} burns its miners' emission: ${twoPlaces(e.ownerBurned)} α this epoch`, e.netuid) : null;
    case 'player_joined':
      return line('player_joined', `${names.nameOf(e.player) ?? e.player} joined as ${e.role}${e.bot ? ` (bot: ${e.bot})` : ''}`);
    case 'player_left':
      return line('player_left', `${names.nameOf(e.player) ?? e.player} ${e.removed ? 'was removed' : 'left'}`);
    case 'scenario_event': {
      const said = eventEntry(e.event.type).feed(e.event as never, { subnet: sn, tao });
      return line('scenario_event', said.text, said.netuid);
    }
    case 'game_over':
      return line('game_over', 'The game is over');
    default:
      return null;
  }
}
