// What a watcher of a neuron table is sent, without a room or a socket: a stand-in game whose tables
// the test builds row by row, and a stand-in connection that keeps what it is sent.
import type { Client } from '@colyseus/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GameHost } from '../../server/game_host.ts';
import { PrivateFeeds } from '../../server/private_feeds.ts';
import type { NeuronRowView, SubnetDeltaView, SubnetDetailView } from '../../shared/protocol/index.ts';

const row = (uid: number, stake = '1.000000000'): NeuronRowView => ({
  uid,
  hotkey: `hk${uid}`,
  owner: null,
  stake,
  validatorPermit: false,
  incentive: 0,
  dividends: 0,
  trust: 0,
  consensus: 0,
  take: 0.18,
  bonds: 0,
  emission: '0.000000000',
  registeredAt: 0,
  immune: false,
});

function setup() {
  const game = { block: 0, table: null as SubnetDetailView | null };
  const host = { get block() { return game.block; }, wallet: () => null, observations: () => null, subnetDetail: () => game.table } as unknown as GameHost;
  const feeds = new PrivateFeeds(host);
  const inbox: { type: string; message: any }[] = [];
  const client = { sessionId: 's', send: (type: string, message: unknown) => inbox.push({ type, message }) } as unknown as Client;
  feeds.subscribe(client, null);
  /** The next block's table, and a flush a second later (when a watched table is due again). */
  const next = (neurons: NeuronRowView[]) => {
    game.block++;
    game.table = { netuid: 1, block: game.block, name: 'one', burn: '1.000000000', neurons };
    vi.advanceTimersByTime(1000);
    inbox.length = 0;
    feeds.flush([client], false);
    return inbox;
  };
  return { game, feeds, client, next };
}

afterEach(() => vi.useRealTimers());

describe('PrivateFeeds: a watched neuron table', () => {
  it('sends only the rows that changed: not the same row, nor a rebuilt row with the same values', () => {
    vi.useFakeTimers();
    const { game, feeds, client, next } = setup();
    const rows = [row(0), row(1), row(2)];
    game.table = { netuid: 1, block: 0, name: 'one', burn: '1.000000000', neurons: rows };
    feeds.watch(client, 1);

    // Row 0 the same object, row 1 rebuilt alike (after an epoch), row 2 with a new stake.
    const sent = next([rows[0], row(1), row(2, '2.000000000')]);
    expect(sent.map((m) => m.type)).toEqual(['subnet_delta']);
    expect((sent[0].message as SubnetDeltaView).rows).toEqual([row(2, '2.000000000')]);

    // A change in any one field is sent, whichever it is.
    const before = game.table!.neurons;
    const changed = next([before[0], { ...before[1], immune: true }, before[2]]);
    expect((changed[0].message as SubnetDeltaView).rows.map((r) => [r.uid, r.immune])).toEqual([[1, true]]);
  });

  it('sends nothing when no row changed, whether the rows are the same objects or rebuilt alike', () => {
    vi.useFakeTimers();
    const { game, feeds, client, next } = setup();
    const rows = [row(0), row(1)];
    game.table = { netuid: 1, block: 0, name: 'one', burn: '1.000000000', neurons: rows };
    feeds.watch(client, 1);
    expect(next(rows)).toEqual([]);
    expect(next([row(0), row(1)])).toEqual([]);
  });
});
