import type { Client } from '@colyseus/core';
import type { SubnetDeltaView, SubnetDetailView } from '../shared/protocol/index.ts';
import type { GameHost } from './game_host.ts';
import { sameRow } from './views/neuron_table.ts';

/**
 * A feed is re-sent when it changed, at most this often, unless forced (a join, an ack of the
 * player's own action).
 */
const WALLET_EVERY_MS = 1000;
/**
 * A watched neuron table (256 rows on a full subnet) goes whole once, then as the rows that changed:
 * between epochs that is usually none. A whole table now and then bounds what a lost update costs.
 */
const DETAIL_EVERY_MS = 1000;
const DETAIL_KEYFRAME_MS = 60_000;
/**
 * How far into a tick (ms, counting the tick's blocks) a flush may go on. A full network's wallets
 * and tables cost a few hundred microseconds each; a hundred clients' worth coming due in one tick
 * would make it the p99, and so would a fixed share after a block that ran long (an epoch, a GC
 * pause): the feeds take what the blocks left.
 */
const TICK_FEEDS_UNTIL_MS = 8;

interface Subscriber {
  client: Client;
  playerId: string | null;
  watching: number | null;
  /** Last JSON sent per feed, so an unchanged feed costs nothing. */
  sent: { wallet?: string; observations?: string };
  /** The watched table as this client has it (null: send it whole). */
  seen: SubnetDetailView | null;
  lastWallet: number;
  lastDetail: number;
  lastKeyframe: number;
  dirty: boolean;
}

/**
 * The per-client messages that must not be in the shared state: each player's own wallet, a
 * validator's own observations (no one else ever receives them), and the neuron table of the one
 * subnet a client watches (whole, then what changed). Built once per flush per subject, sent only to who may see it.
 */
export class PrivateFeeds {
  private readonly subs = new Map<string, Subscriber>();
  private joined = 0;
  /** Where the last flush ran out of budget: the next one starts there. */
  private resumeAt = 0;

  /** `before`: the room's feeds for its previous game (a practice round), whose clients and watched subnets carry over, sent afresh. */
  constructor(
    private readonly host: GameHost,
    before?: PrivateFeeds,
  ) {
    for (const [id, s] of before?.subs ?? []) this.subs.set(id, { ...s, sent: {}, seen: null, dirty: true, lastDetail: -Infinity });
  }

  subscribe(client: Client, playerId: string | null): void {
    // Spread subscribers over the period so 50 wallets are not all built in the same tick.
    const phase = (this.joined++ * 397) % WALLET_EVERY_MS;
    this.subs.set(client.sessionId, { client, playerId, watching: null, sent: {}, seen: null, lastWallet: Date.now() - phase, lastDetail: -Infinity, lastKeyframe: -Infinity, dirty: true });
  }

  unsubscribe(sessionId: string): void {
    this.subs.delete(sessionId);
  }

  /** A reconnected client is a new object for the same session. */
  rebind(client: Client): void {
    const s = this.subs.get(client.sessionId);
    if (s) {
      s.client = client;
      s.sent = {};
      s.seen = null;
      s.dirty = true;
      s.lastDetail = -Infinity;
    }
  }

  watch(client: Client, netuid: number | null): void {
    const s = this.subs.get(client.sessionId);
    if (!s) return;
    s.watching = netuid;
    s.seen = null;
    s.lastDetail = Date.now();
    // At once, not at the next block: the game may be paused.
    const table = netuid === null ? null : this.table(netuid);
    if (table) this.sendTable(s, table, true);
  }

  /** Its wallet changed by its own action: send at the next flush, not half a second later. */
  touch(sessionId: string): void {
    const s = this.subs.get(sessionId);
    if (s) s.dirty = true;
  }

  /**
   * Sends what changed to the given clients. `force` ignores the rate (joins, reconnects, a pause)
   * and the budget. Otherwise, once the tick that started at `tickStarted` has run
   * TICK_FEEDS_UNTIL_MS, whoever is left is still due and comes first at the next flush (which
   * always serves at least one), so a tick stays short and every feed comes round; only a wallet
   * changed by the player's own action still goes now, with its ack.
   */
  flush(clients: Iterable<Client>, force: boolean, tickStarted = performance.now()): void {
    const now = Date.now();
    const list = [...clients];
    const stopAt = tickStarted + TICK_FEEDS_UNTIL_MS;
    const start = force ? 0 : this.resumeAt % Math.max(1, list.length);
    let deferredFrom = -1;
    for (let k = 0; k < list.length; k++) {
      const i = (start + k) % list.length;
      const s = this.subs.get(list[i].sessionId);
      if (!s) continue;
      if (deferredFrom < 0 && !force && k > 0 && performance.now() > stopAt) deferredFrom = i;
      if (deferredFrom >= 0) {
        if (s.dirty && s.playerId !== null) this.sendWallet(s, s.playerId, now);
        continue;
      }
      if (s.playerId !== null && (force || s.dirty || now - s.lastWallet >= WALLET_EVERY_MS)) this.sendWallet(s, s.playerId, now);
      if (s.watching !== null && (force || now - s.lastDetail >= DETAIL_EVERY_MS)) {
        s.lastDetail = now;
        const table = this.table(s.watching);
        if (table) this.sendTable(s, table, now - s.lastKeyframe >= DETAIL_KEYFRAME_MS);
      }
    }
    if (deferredFrom >= 0) this.resumeAt = deferredFrom;
  }

  private sendWallet(s: Subscriber, playerId: string, now: number): void {
    s.lastWallet = now;
    s.dirty = false;
    const wallet = this.host.wallet(playerId);
    if (wallet) this.send(s, 'wallet', wallet);
    const obs = this.host.observations(playerId);
    if (obs) this.send(s, 'observations', obs);
  }

  /** Tables of the current block: built once, however many watchers come due within the block. */
  private readonly tables = new Map<number, SubnetDetailView | null>();
  private tablesBlock = -1;
  private table(netuid: number): SubnetDetailView | null {
    if (this.tablesBlock !== this.host.block) {
      this.tables.clear();
      this.tablesBlock = this.host.block;
    }
    let table = this.tables.get(netuid);
    if (table === undefined) {
      table = this.host.subnetDetail(netuid);
      this.tables.set(netuid, table);
    }
    return table;
  }

  private sendTable(s: Subscriber, t: SubnetDetailView, keyframe: boolean): void {
    const seen = s.seen;
    s.seen = t;
    if (keyframe || !seen) {
      s.lastKeyframe = Date.now();
      s.client.send('subnet_detail', t);
      return;
    }
    const rows = t.neurons.filter((row, uid) => !seen.neurons[uid] || !sameRow(seen.neurons[uid], row));
    if (rows.length === 0 && seen.neurons.length === t.neurons.length && seen.burn === t.burn && seen.name === t.name) return;
    const delta: SubnetDeltaView = { netuid: t.netuid, block: t.block, burn: t.burn, name: t.name, size: t.neurons.length, rows };
    s.client.send('subnet_delta', delta);
  }

  private send(s: Subscriber, type: 'wallet' | 'observations', value: object): void {
    const json = JSON.stringify(value);
    if (s.sent[type] === json) return;
    s.sent[type] = json;
    s.client.send(type, value);
  }
}
