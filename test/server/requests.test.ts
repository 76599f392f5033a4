// What clients ask of a room, without a room or a socket: a real game, seats, queue, mirror and
// feeds, people let in by the real Seating, stand-in controls that record what they were told, and
// stand-in connections that keep what they are sent.
import type { Client } from '@colyseus/core';
import { describe, expect, it, vi } from 'vitest';
import type { Queued } from '../../server/action_queue.ts';
import { ActionQueue, MAX_QUEUED_PER_CLIENT } from '../../server/action_queue.ts';
import { GameHost } from '../../server/game_host.ts';
import { Mirror } from '../../server/mirror.ts';
import { PrivateFeeds } from '../../server/private_feeds.ts';
import { MESSAGE_BURST } from '../../server/rate_limit.ts';
import type { RequestRoom, ServedGame } from '../../server/requests.ts';
import { Requests } from '../../server/requests.ts';
import { Seating } from '../../server/seating.ts';
import { Seats } from '../../server/seats.ts';
import { digestOf, newToken } from '../../server/secrets.ts';
import type { RoomControls } from '../../shared/protocol/index.ts';
import { ArenaState } from '../../shared/protocol/schema.ts';

type Connection = Client & { inbox: { type: string; message: any }[] };

let addresses = 0;
/** A connection that keeps what it is sent, from an address of its own (admission counts messages per address). */
function connection(sessionId: string): Connection {
  const inbox: Connection['inbox'] = [];
  return { sessionId, auth: { address: `10.0.0.${++addresses}` }, inbox, send: (type: string, message: unknown) => inbox.push({ type, message }) } as unknown as Connection;
}

function setup(o: { phase?: string; playable?: boolean } = {}) {
  const host = GameHost.create({ preset: 'workshop', seed: 'requests' }) as GameHost;
  const state = new ArenaState();
  const clock = { phase: o.phase ?? 'running' };
  const controls = { pause: vi.fn(), trigger: vi.fn(() => ({ ok: true, events: [] })), setSpeed: vi.fn(() => ({ ok: false, error: { code: 'OVER_CAPACITY', message: 'too fast' } })) } as unknown as RoomControls;
  const game: ServedGame = { host, seats: new Seats(), playable: o.playable ?? true, mirror: new Mirror(state, host, 'TEST'), feeds: new PrivateFeeds(host), controls };
  const seating = new Seating(() => ({ ...game, quickSeats: null, phase: 'running' }), () => {});
  const token = newToken();
  const room = { seating, settings: { facilitatorKey: digestOf(token) }, clock, queue: new ActionQueue(), game: () => game, saveMeta: vi.fn(), updateListing: vi.fn() } satisfies RequestRoom;
  const time = { now: 0 };
  const requests = new Requests(room, () => time.now);
  const queued = () => {
    const out: Queued[] = [];
    room.queue.drain((q) => out.push(q));
    return out;
  };
  /** A connection let in: as a player unless it asks to watch. */
  const join = (sessionId: string, role: 'staker' | 'spectator' = 'staker') => {
    const c = connection(sessionId);
    const seated = seating.join(c, { name: `P${sessionId}`, role }, false, 0);
    c.inbox.length = 0;
    return Object.assign(c, { playerId: seated.playerId });
  };
  return { host, game, room, clock, controls, token, requests, queued, join, time };
}

const errors = (c: Connection) => c.inbox.filter((m) => m.type === 'error').map((m) => m.message.code);

describe('Requests', () => {
  it("queues a player's action for the next block boundary, with its ref; the answer comes then", () => {
    const { requests, queued, join } = setup();
    const p = join('p');
    requests.receive(p, 'stake', { netuid: 1, amount: '1', ref: 7 });
    expect(p.inbox).toEqual([]);
    const [q, ...more] = queued();
    expect(more).toEqual([]);
    expect(q).toMatchObject({ sessionId: 'p', playerId: p.playerId, request: { type: 'stake', netuid: 1 }, ref: 7 });
  });

  it('refuses an action it cannot take, with a typed error naming it, and queues nothing', () => {
    const { requests, queued, join, clock, game } = setup();
    const spectator = join('s', 'spectator');
    requests.receive(spectator, 'stake', { netuid: 1, amount: '1', ref: 'a' });
    expect(spectator.inbox).toEqual([{ type: 'error', message: expect.objectContaining({ code: 'SPECTATOR', action: 'stake', ref: 'a' }) }]);

    const p = join('p');
    requests.receive(p, 'stake', { netuid: 1, amount: 'lots' });
    requests.receive(p, 'no_such_thing', {});
    clock.phase = 'lobby';
    requests.receive(p, 'stake', { netuid: 1, amount: '1' });
    clock.phase = 'ended';
    requests.receive(p, 'stake', { netuid: 1, amount: '1' });
    clock.phase = 'running';
    game.seats.get(p.playerId!)!.removed = true;
    requests.receive(p, 'stake', { netuid: 1, amount: '1' });
    expect(errors(p)).toEqual(['INVALID_AMOUNT', 'UNKNOWN_MESSAGE', 'NOT_STARTED', 'GAME_OVER', 'REMOVED']);
    expect(queued()).toEqual([]);
  });

  it('refuses an action past what one client may have waiting for the next block', () => {
    const { requests, queued, join } = setup();
    const p = join('p');
    for (let i = 0; i <= MAX_QUEUED_PER_CLIENT; i++) requests.receive(p, 'stake', { netuid: 1, amount: '1' });
    expect(errors(p)).toEqual(['QUEUE_FULL']);
    expect(queued()).toHaveLength(MAX_QUEUED_PER_CLIENT);
  });

  it("runs a facilitator's control at once and acks it at the block; the room's settings and listing follow", () => {
    const { requests, room, controls, token, join, host } = setup();
    const f = join('f', 'spectator');
    requests.receive(f, 'pause', { token, ref: 1 });
    expect(controls.pause).toHaveBeenCalledOnce();
    expect(f.inbox).toEqual([{ type: 'ack', message: { action: 'pause', ref: 1, block: host.block } }]);
    expect(room.saveMeta).toHaveBeenCalledOnce();
    expect(room.updateListing).toHaveBeenCalledOnce();
    // A control the room turns down: its typed error, and the room is not touched.
    requests.receive(f, 'set_speed', { token, speed: 2 });
    expect(errors(f)).toEqual(['OVER_CAPACITY']);
    expect(room.saveMeta).toHaveBeenCalledOnce();
  });

  it('refuses a control without the token, one a replay does not take, and one a finished game does not', () => {
    const { requests, room, controls, token, join, clock } = setup({ playable: false });
    const f = join('f', 'spectator');
    requests.receive(f, 'pause', { token: 'guess' });
    requests.receive(f, 'trigger_event', { token, event: { type: 'halving_now' } });
    clock.phase = 'ended';
    requests.receive(f, 'pause', { token });
    expect(errors(f)).toEqual(['NOT_FACILITATOR', 'REPLAY', 'GAME_OVER']);
    expect(controls.pause).not.toHaveBeenCalled();
    expect(controls.trigger).not.toHaveBeenCalled();
    expect(room.saveMeta).not.toHaveBeenCalled();
  });

  it('answers queries from the game as it is: a watched table, the debrief, the series', () => {
    const { requests, join } = setup({ phase: 'lobby' });
    const s = join('s', 'spectator');
    requests.receive(s, 'watch_subnet', { netuid: 1 });
    requests.receive(s, 'get_debrief', {});
    requests.receive(s, 'get_series', { maxPoints: 2 });
    expect(s.inbox.map((m) => m.type)).toEqual(['subnet_detail', 'debrief', 'series']);
    expect(s.inbox[0].message.netuid).toBe(1);
  });

  it('drops what comes over the rate, warning at most once a second, and ignores a connection not let in', () => {
    const { requests, join, time } = setup();
    const s = join('s', 'spectator');
    for (let i = 0; i < MESSAGE_BURST + 5; i++) requests.receive(s, 'get_debrief', {});
    expect(s.inbox.filter((m) => m.type === 'debrief')).toHaveLength(MESSAGE_BURST);
    expect(errors(s)).toEqual(['TOO_MANY_MESSAGES']);
    time.now = 2000;
    s.inbox.length = 0;
    requests.receive(s, 'get_debrief', {});
    expect(s.inbox.map((m) => m.type)).toEqual(['debrief']);

    const stranger = connection('x');
    requests.receive(stranger, 'get_debrief', {});
    expect(stranger.inbox).toEqual([]);
  });
});
