// The room's block loop without a room: a real game, mirror and feeds, a fake clock whose time
// passes only when a block steps, and recording stand-ins for the connections and the room.
import type { Client } from '@colyseus/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionQueue } from '../../server/action_queue.ts';
import type { BlockRoom, RunningGame } from '../../server/block_runner.ts';
import { BlockRunner } from '../../server/block_runner.ts';
import { GameHost } from '../../server/game_host.ts';
import type { BlockFeed } from '../../server/game_source.ts';
import { DEFAULT_LIMITS, useLimits } from '../../server/limits.ts';
import { Mirror } from '../../server/mirror.ts';
import { PrivateFeeds } from '../../server/private_feeds.ts';
import { ArenaState } from '../../shared/protocol/schema.ts';

/** `blockMs`: how long each block takes on the fake clock. */
function setup(o: { blockMs?: number; durationBlocks?: number; feed?: BlockFeed } = {}) {
  useLimits({ tickBudgetMs: 16 });
  const host = GameHost.create({ preset: 'workshop', seed: 'runner', overrides: { durationBlocks: o.durationBlocks ?? 500 } }) as GameHost;
  const clock = { now: 0 };
  const step = host.step.bind(host);
  vi.spyOn(host, 'step').mockImplementation(() => {
    clock.now += o.blockMs ?? 0;
    return step();
  });
  const state = new ArenaState();
  state.clock.phase = 'running';
  state.clock.speed = 1;
  const game: RunningGame = { host, feed: o.feed ?? null, mirror: new Mirror(state, host, 'TEST'), feeds: new PrivateFeeds(host), archive: null };
  const sent: { type: string; message: any }[] = [];
  const client = { sessionId: 's1', send: (type: string, message: unknown) => sent.push({ type, message }) } as unknown as Client;
  const room = {
    code: 'TEST',
    clock: state.clock,
    queue: new ActionQueue(),
    clients: Object.assign([client], { getById: (id: string) => (id === client.sessionId ? client : undefined) }),
    game: () => game,
    broadcast: vi.fn(),
    saveMeta: vi.fn(),
    updateListing: vi.fn(),
  } satisfies BlockRoom;
  const flush = vi.spyOn(game.feeds, 'flush');
  const runner = new BlockRunner(room, () => clock.now);
  return { host, state, room, runner, clock, sent, flush };
}

afterEach(() => useLimits({ tickBudgetMs: DEFAULT_LIMITS.tickBudgetMs }));

describe('BlockRunner', () => {
  it('runs the blocks the time passed is worth, at the scenario rate times the speed', () => {
    const { host, state, runner } = setup();
    expect(runner.interval()).toBe(1000 / host.blocksPerSecond);
    runner.tick(400);
    expect(host.block).toBe(2);
    state.clock.speed = 2;
    runner.tick(400);
    expect(host.block).toBe(6);
    expect(state.clock.block).toBe(6);
  });

  it('runs no blocks while paused, and owes none for the pause', () => {
    const { host, state, runner } = setup();
    state.clock.phase = 'paused';
    runner.tick(5000);
    expect(host.block).toBe(0);
    state.clock.phase = 'running';
    runner.tick(0);
    expect(host.block).toBe(0);
  });

  it('stops a tick at its budget, rests as long as it overran, and records each tick that ran blocks by part', () => {
    const { host, runner, clock } = setup({ blockMs: 6 });
    runner.tick(60_000);
    // 6 ms a block against a 16 ms budget: the third block starts at 12 ms and ends at 18.
    expect(host.block).toBe(3);
    expect(runner.tickTimes.summary()).toEqual({ count: 1, median: 18, p99: 18, max: 18 });
    expect(runner.tickParts.blocks.summary().median).toBe(18);
    expect(runner.tickParts.mirror.summary().median).toBe(0);
    expect(runner.tickParts.feeds.summary().median).toBe(0);
    // It worked 18 ms, so it rests until 36: a tick before then runs nothing and records nothing.
    clock.now = 35;
    runner.tick(1000);
    expect(host.block).toBe(3);
    expect(runner.tickTimes.summary().count).toBe(1);
    clock.now = 36;
    runner.tick(1000);
    expect(host.block).toBe(6);
    expect(runner.tickTimes.summary().count).toBe(2);
  });

  it("flushes the feeds with the tick's start time, so their share of the tick counts its blocks", () => {
    const { runner, room, clock, flush } = setup();
    clock.now = 100;
    runner.tick(400);
    expect(flush).toHaveBeenCalledExactlyOnceWith(room.clients, false, 100);
  });

  it('applies the queued actions at the block boundary and answers each sender', () => {
    const { host, room, runner, sent } = setup();
    const joined = host.join('Ada', 'staker', false);
    if (!joined.ok) throw new Error(joined.error.message);
    room.queue.offer({ sessionId: 's1', playerId: joined.playerId, request: { type: 'stake', netuid: 1, amount: 10_000_000_000n } as never, ref: 1 });
    room.queue.offer({ sessionId: 's1', playerId: joined.playerId, request: { type: 'stake', netuid: 1, amount: 10_000_000_000_000n } as never, ref: 2 });
    room.queue.offer({ sessionId: 'gone', playerId: joined.playerId, request: { type: 'stake', netuid: 1, amount: 10_000_000_000n } as never, ref: 3 });
    runner.tick(200);
    expect(host.block).toBe(1);
    expect(sent.map((m) => [m.type, m.message.ref])).toEqual([
      ['ack', 1],
      ['error', 2],
    ]);
    expect(sent[0].message.block).toBe(0);
    expect(sent[1].message.code).toBe('INSUFFICIENT_BALANCE');
    // The absent sender's action still counts: two stakes in the log.
    expect(host.record().log.filter((e) => e.kind === 'act')).toHaveLength(2);
  });

  it('ends the game at its end block: results to everyone once, the phase kept, no block after', () => {
    const { host, state, room, runner } = setup({ durationBlocks: 4 });
    runner.tick(60_000);
    expect(host.block).toBe(4);
    expect(state.clock.phase).toBe('ended');
    expect(room.broadcast).toHaveBeenCalledExactlyOnceWith('results', host.results('TEST'));
    expect(room.saveMeta).toHaveBeenCalledOnce();
    runner.tick(60_000);
    expect(host.block).toBe(4);
    runner.endGame();
    expect(room.broadcast).toHaveBeenCalledOnce();
  });

  it("ended by the facilitator, a game drops the actions still waiting for a block", () => {
    const { host, state, room, runner } = setup();
    room.queue.offer({ sessionId: 's1', playerId: 'p1', request: { type: 'stake', netuid: 1, amount: 1n } as never });
    runner.endGame();
    expect(state.clock.phase).toBe('ended');
    expect(host.over).toBe(true);
    const left = vi.fn();
    room.queue.drain(left);
    expect(left).not.toHaveBeenCalled();
  });

  it("ends a replay when its feed says there is nothing more, before the block's step", () => {
    const { host, state, room, runner } = setup({ feed: { beforeStep: (h) => (h.block >= 2 ? 'end' : 'go') } });
    runner.tick(60_000);
    expect(host.block).toBe(2);
    expect(state.clock.phase).toBe('ended');
    expect(room.broadcast).toHaveBeenCalledOnce();
  });
});
