import type { Client } from '@colyseus/core';
import type { GameHost } from './game_host.ts';

/**
 * A feed is re-sent when it changed, at most this often, unless forced (a join, an ack of the
 * player's own action). A neuron table changes little between epochs but is the largest message.
 */
const WALLET_EVERY_MS = 1000;
const DETAIL_EVERY_MS = 2000;

interface Subscriber {
  client: Client;
  playerId: string | null;
  watching: number | null;
  /** Last JSON sent per feed, so an unchanged feed costs nothing. */
  sent: { wallet?: string; observations?: string; detail?: string };
  lastWallet: number;
  lastDetail: number;
  dirty: boolean;
}

/**
 * The per-client messages that must not be in the shared state: each player's own wallet, a
 * validator's own observations (no one else ever receives them), and the neuron table of the one
 * subnet a client watches. Built once per flush per subject, sent only to who may see it.
 */
export class PrivateFeeds {
  private readonly subs = new Map<string, Subscriber>();
  private joined = 0;

  constructor(private readonly host: GameHost) {}

  subscribe(client: Client, playerId: string | null): void {
    // Spread subscribers over the period so 50 wallets are not all built in the same tick.
    const phase = (this.joined++ * 397) % WALLET_EVERY_MS;
    this.subs.set(client.sessionId, { client, playerId, watching: null, sent: {}, lastWallet: Date.now() - phase, lastDetail: -Infinity, dirty: true });
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
      s.dirty = true;
      s.lastDetail = -Infinity;
    }
  }

  watch(client: Client, netuid: number | null): void {
    const s = this.subs.get(client.sessionId);
    if (!s) return;
    s.watching = netuid;
    s.sent.detail = undefined;
    s.lastDetail = -Infinity;
  }

  /** Its wallet changed by its own action: send at the next flush, not half a second later. */
  touch(sessionId: string): void {
    const s = this.subs.get(sessionId);
    if (s) s.dirty = true;
  }

  /** Sends what changed to the given clients. `force` ignores the rate (joins, reconnects). */
  flush(clients: Iterable<Client>, force: boolean): void {
    const now = Date.now();
    const details = new Map<number, object | null>();
    for (const client of clients) {
      const s = this.subs.get(client.sessionId);
      if (!s) continue;
      if (s.playerId !== null && (force || s.dirty || now - s.lastWallet >= WALLET_EVERY_MS)) {
        s.lastWallet = now;
        s.dirty = false;
        const wallet = this.host.wallet(s.playerId);
        if (wallet) this.send(s, 'wallet', wallet);
        const obs = this.host.observations(s.playerId);
        if (obs) this.send(s, 'observations', obs);
      }
      if (s.watching !== null && (force || now - s.lastDetail >= DETAIL_EVERY_MS)) {
        s.lastDetail = now;
        if (!details.has(s.watching)) details.set(s.watching, this.host.subnetDetail(s.watching));
        const detail = details.get(s.watching);
        if (detail) this.send(s, 'subnet_detail', detail);
      }
    }
  }

  private send(s: Subscriber, type: 'wallet' | 'observations' | 'subnet_detail', value: object): void {
    const key = type === 'subnet_detail' ? 'detail' : type;
    const json = JSON.stringify(value);
    if (s.sent[key] === json) return;
    s.sent[key] = json;
    s.client.send(type, value);
  }
}
