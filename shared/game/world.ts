// What every part of the game reads and writes: the chain, the game's own state beside it, and
// indexes and caches derived from them (rebuilt on restore, so never in a snapshot).
import type { BotView, SubnetView } from '../bots/index.ts';
import type { Chain, Hotkey, Netuid, Subnet } from '../engine/index.ts';
import { positionKey } from './liquidation.ts';
import type { MoveContext } from './move_context.ts';
import { Qualities } from './qualities.ts';
import type { GameState, Player } from './state.ts';
import type { BotRefusal } from './bot_turns.ts';
import type { PlayerId } from './types.ts';
import { botView, networkView } from './view.ts';

export class World {
  readonly byId = new Map<PlayerId, Player>();
  readonly byHotkey = new Map<string, Player>();
  /** Refused bot moves since this instance was created (not part of the snapshot). */
  readonly botRefusals: BotRefusal[] = [];
  readonly qualities: Qualities = new Qualities(this);
  /** What a player's move may use of the game (see MoveContext). */
  readonly moves: MoveContext;
  /** The network as bots see it, shared by every bot of a block until something changes. */
  private network: SubnetView[] | null = null;

  constructor(
    readonly chain: Chain,
    readonly g: GameState,
  ) {
    for (const p of g.players) this.index(p);
    const w = this;
    this.moves = {
      get chain() {
        return w.chain;
      },
      get block() {
        return w.block;
      },
      get labels() {
        return w.g.labels;
      },
      chainAct: (a, after) => {
        const r = w.chain.apply(a);
        if (!r.ok) return { ok: false, error: r.error };
        after?.(r.events);
        return { ok: true, events: r.events };
      },
      open: (p, netuid, hk) => {
        const key = positionKey({ netuid, hotkey: hk as Hotkey });
        if (!p.positions.includes(key)) p.positions.push(key);
      },
      player: (id) => w.byId.get(id),
      ownedSubnet: (p, netuid) => w.ownedSubnet(p, netuid),
    };
  }

  get block(): number {
    return this.chain.block;
  }

  get endBlock(): number {
    return this.g.startBlock + this.g.scenario.game.durationBlocks;
  }

  index(p: Player): void {
    this.byId.set(p.id, p);
    this.byHotkey.set(p.hotkey, p);
  }

  /** Something on the chain changed: what bots see is worked out again when next asked. */
  changed(): void {
    this.network = null;
  }

  /** What a bot of this player sees now. */
  botView(p: Player): BotView {
    this.network ??= networkView(this.chain, this.g.labels, this.g.epochPrices);
    return botView(this.chain, this.g.scenario, p, this.network);
  }

  /** The subnet at a netuid a caller passed (any value: a client's, unchecked), or null. */
  subnetAt(netuid: unknown): Subnet | null {
    return Number.isInteger(netuid) ? this.chain.subnet(netuid as Netuid) : null;
  }

  /** The subnet at `netuid` (by default the player's home) if the player owns it, or null. */
  ownedSubnet(p: Player, netuid?: Netuid): Subnet | null {
    const s = netuid !== undefined ? this.subnetAt(netuid) : p.home === null ? null : this.chain.subnet(p.home);
    return s && s.owner === p.coldkey ? s : null;
  }
}
