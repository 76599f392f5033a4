// Who comes in as what, and what leaving does, without a room or a socket: a real game, seats,
// mirror and feeds, and stand-in connections that record what they are sent.
import type { Client } from '@colyseus/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GameHost } from '../../server/game_host.ts';
import { DEFAULT_LIMITS, useLimits } from '../../server/limits.ts';
import { Mirror } from '../../server/mirror.ts';
import { PrivateFeeds } from '../../server/private_feeds.ts';
import { QuickPlaySeats } from '../../server/quickplay.ts';
import type { Table } from '../../server/seating.ts';
import { Seating } from '../../server/seating.ts';
import { Seats } from '../../server/seats.ts';
import { ArenaState } from '../../shared/protocol/schema.ts';

function setup(o: { playable?: boolean; quickSeats?: number } = {}) {
  const host = GameHost.create({ preset: 'workshop', seed: 'seating' }) as GameHost;
  const state = new ArenaState();
  const table: Table = {
    host,
    seats: new Seats(),
    playable: o.playable ?? true,
    quickSeats: o.quickSeats === undefined ? null : new QuickPlaySeats(host, o.quickSeats),
    phase: 'running',
    mirror: new Mirror(state, host, 'TEST'),
    feeds: new PrivateFeeds(host),
  };
  const saveMeta = vi.fn();
  const seating = new Seating(() => table, saveMeta);
  return { host, state, table, saveMeta, seating };
}

/** A connection that keeps what it is sent. */
function connection(sessionId: string): Client & { inbox: string[] } {
  const inbox: string[] = [];
  return { sessionId, inbox, send: (type: string) => inbox.push(type) } as unknown as Client & { inbox: string[] };
}

const people = (host: GameHost) => host.game.players().filter((p) => p.bot === null);
const inGame = (host: GameHost) => host.game.players().filter((p) => !p.removed).length;

afterEach(() => useLimits({ spectatorsPerRoom: DEFAULT_LIMITS.spectatorsPerRoom }));

describe('Seating', () => {
  it('seats a player: a new player in the game, a seat with a token, a ticker line, the room kept, its feeds', () => {
    const { host, state, table, saveMeta, seating } = setup();
    const ada = connection('a');
    const seated = seating.join(ada, { name: 'Ada', role: 'validator' }, false, 0);
    expect(seated).toMatchObject({ role: 'validator', name: 'Ada' });
    expect(host.player(seated.playerId!)).toMatchObject({ name: 'Ada', role: 'validator', connected: true });
    expect(table.seats.byToken(seated.playerToken)?.[0]).toBe(seated.playerId);
    expect(state.events.map((e) => e.kind)).toContain('player_joined');
    expect(saveMeta).toHaveBeenCalledOnce();
    expect(seating.member('a')?.playerId).toBe(seated.playerId);
    table.feeds.flush([ada], true);
    expect(ada.inbox).toContain('wallet');
  });

  it('refuses a join it cannot honour and changes nothing', () => {
    const { host, table, saveMeta, seating } = setup();
    seating.join(connection('a'), { name: 'Ann' }, false, 0);
    const before = host.game.players().length;
    expect(() => seating.join(connection('b'), { name: 'ANN' }, false, 0)).toThrow(/^NAME_TAKEN/);
    expect(() => seating.join(connection('c'), { name: 42 }, false, 0)).toThrow(/^INVALID_OPTIONS/);
    table.phase = 'ended';
    expect(() => seating.join(connection('d'), { name: 'Dee' }, false, 0)).toThrow(/^GAME_OVER/);
    expect(host.game.players().length).toBe(before);
    expect(saveMeta).toHaveBeenCalledOnce();
    expect([seating.member('c'), seating.member('d')]).toEqual([undefined, undefined]);
  });

  it('lets spectators in up to the cap; the creator watches unless it asks for a seat; a replay only takes spectators', () => {
    useLimits({ spectatorsPerRoom: 2 });
    const { host, seating } = setup({ playable: false });
    expect(seating.join(connection('f'), {}, true, 0)).toMatchObject({ playerId: null, role: 'spectator', name: 'Facilitator' });
    expect(seating.join(connection('s'), { role: 'spectator' }, false, 0)).toMatchObject({ playerId: null, name: 'Player' });
    expect(seating.spectators()).toBe(2);
    expect(() => seating.join(connection('t'), { role: 'spectator' }, false, 0)).toThrow(/^OVER_CAPACITY/);
    expect(() => seating.join(connection('p'), {}, false, 0)).toThrow(/^REPLAY/);
    expect(people(host)).toEqual([]);
  });

  it('gives a seat back by its token; the tab that held it no longer speaks for it', () => {
    const { host, seating } = setup();
    const first = seating.join(connection('a'), { name: 'Ada' }, false, 0);
    const tab = connection('b');
    const back = seating.join(tab, { playerToken: first.playerToken, name: 'Someone else', role: 'miner' }, false, 0);
    expect(back).toEqual(first);
    expect(seating.member('a')).toBeUndefined();
    expect(seating.member('b')?.playerId).toBe(first.playerId);
    expect(people(host)).toHaveLength(1);
  });

  it('keeps a dropped seat while its player may come back, and hands it back on return', () => {
    const { host, table, seating } = setup();
    const { playerId } = seating.join(connection('a'), { name: 'Ada' }, false, 0);
    const leaving = seating.leave('a', false);
    expect(leaving.mayReturn).toBe(true);
    expect(host.player(playerId!)?.connected).toBe(false);
    const again = connection('a');
    leaving.returned(again);
    expect(host.player(playerId!)?.connected).toBe(true);
    expect(table.seats.get(playerId!)?.sessionId).toBe('a');
    expect(again.inbox).toContain('wallet');
  });

  it('lets a player who left go for good; the seat stays for its token; an ended game waits for nobody', () => {
    const { host, table, seating } = setup();
    const ada = seating.join(connection('a'), { name: 'Ada' }, false, 0);
    const leaving = seating.leave('a', true);
    expect(leaving.mayReturn).toBe(false);
    leaving.gone();
    expect(seating.member('a')).toBeUndefined();
    expect(host.player(ada.playerId!)?.connected).toBe(false);
    expect(seating.join(connection('b'), { playerToken: ada.playerToken }, false, 0).playerId).toBe(ada.playerId);
    table.phase = 'ended';
    expect(seating.leave('b', false).mayReturn).toBe(false);
  });

  it('in quick play, a person takes a bot seat and hands it back on leaving for good', () => {
    const bots = inGame(setup().host);
    const { host, seating } = setup({ quickSeats: bots });
    seating.join(connection('a'), { name: 'Ada' }, false, 0);
    expect(inGame(host)).toBe(bots);
    seating.leave('a', false).gone();
    expect(inGame(host)).toBe(bots + 1);
  });
});
