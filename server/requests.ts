// What a client asks of its room, from the raw message to the reply: over its rate it is dropped
// (with one warning now and then); else checked (shared/protocol) and routed. An action waits in the
// queue for the next block boundary (block_runner.ts applies it and answers then); a facilitator's
// control runs at once (controls.ts) and is acked; a query is answered from the game as it is.
import type { Client } from '@colyseus/core';
import type { ActionRequest, ControlRequest, QueryRequest, Ref, RoomControls } from '../shared/protocol/index.ts';
import { controlEntry, parseClientMessage } from '../shared/protocol/index.ts';
import type { ActionQueue } from './action_queue.ts';
import { MAX_QUEUED_PER_CLIENT } from './action_queue.ts';
import { addressOf, admission } from './admission.ts';
import type { GameHost } from './game_host.ts';
import type { Mirror } from './mirror.ts';
import type { PrivateFeeds } from './private_feeds.ts';
import { MESSAGES_PER_SECOND } from './rate_limit.ts';
import { ack, refuse } from './replies.ts';
import type { RoomSettings } from './room_settings.ts';
import type { Member, Seating } from './seating.ts';
import type { Seats } from './seats.ts';
import { tokenMatches } from './secrets.ts';
import { SeriesCache } from './series_cache.ts';

/** The game requests act on as it is now (a practice round's gives way to the real game's). */
export interface ServedGame {
  host: GameHost;
  seats: Seats;
  /** People may act (not in a replay). */
  playable: boolean;
  mirror: Mirror;
  feeds: PrivateFeeds;
  controls: RoomControls;
}

/** The room around the requests. */
export interface RequestRoom {
  /** Who each connection is (none: not, or no longer, let in). */
  readonly seating: Pick<Seating, 'member'>;
  /** Who facilitates. */
  readonly settings: Pick<RoomSettings, 'facilitatorKey'>;
  readonly clock: { phase: string };
  readonly queue: ActionQueue;
  game(): ServedGame;
  /** A control changed the room: its kept settings follow. */
  saveMeta(): void;
  updateListing(): void;
}

export class Requests {
  private readonly seriesCache = new SeriesCache();

  constructor(
    private readonly room: RequestRoom,
    private readonly now: () => number = Date.now,
  ) {}

  /** One message from a client, as Colyseus hands it over: nothing about it is trusted yet. */
  receive(client: Client, type: unknown, payload: unknown): void {
    const member = this.room.seating.member(client.sessionId);
    if (!member) return;
    const now = this.now();
    if (!member.limiter.take(now) || !admission.admitMessage(addressOf(client), now)) {
      if (member.limiter.shouldWarn(now)) refuse(client, String(type).slice(0, 32), 'TOO_MANY_MESSAGES', `more than ${MESSAGES_PER_SECOND} messages a second; some were dropped`);
      return;
    }
    const parsed = parseClientMessage(type, payload);
    const action = typeof type === 'string' ? type.slice(0, 32) : '?';
    if (!parsed.ok) return refuse(client, action, parsed.code, parsed.message, parsed.ref);
    const req = parsed.value;
    if (req.kind === 'control') return this.control(client, action, req.token, req.request, parsed.ref);
    if (req.kind === 'query') return this.query(client, req.request);
    this.enqueue(client, member, req.request, parsed.ref);
  }

  private enqueue(client: Client, member: Member, request: ActionRequest, ref?: Ref): void {
    const phase = this.room.clock.phase;
    if (member.playerId === null) return refuse(client, request.type, 'SPECTATOR', 'spectators watch; join with a player role to act', ref);
    const seat = this.room.game().seats.get(member.playerId);
    if (!seat || seat.removed) return refuse(client, request.type, 'REMOVED', 'the facilitator removed you from this game', ref);
    if (phase === 'ended') return refuse(client, request.type, 'GAME_OVER', 'the game has ended', ref);
    if (phase === 'lobby') return refuse(client, request.type, 'NOT_STARTED', 'the game has not started yet', ref);
    if (!this.room.queue.offer({ sessionId: client.sessionId, playerId: member.playerId, request, ref })) return refuse(client, request.type, 'QUEUE_FULL', `at most ${MAX_QUEUED_PER_CLIENT} actions may wait for the next block`, ref);
  }

  private query(client: Client, q: QueryRequest): void {
    const game = this.room.game();
    if (q.type === 'watch_subnet') return game.feeds.watch(client, q.netuid);
    if (q.type === 'get_debrief') return client.send('debrief', game.host.debrief());
    client.send('series', this.seriesCache.get(game.host, q.maxPoints, q.netuids));
  }

  private control(client: Client, action: string, token: string, c: ControlRequest, ref?: Ref): void {
    if (!tokenMatches(this.room.settings.facilitatorKey, token)) return refuse(client, action, 'NOT_FACILITATOR', 'this needs the facilitator token', ref);
    const entry = controlEntry(c.type);
    if (this.room.clock.phase === 'ended' && !entry.afterEnd) return refuse(client, action, 'GAME_OVER', 'the game has ended', ref);
    const game = this.room.game();
    if (!game.playable && !entry.inReplay) return refuse(client, action, 'REPLAY', 'a replay follows its recorded game; pause, resume and speed are what it takes', ref);
    const r = entry.run(game.controls, c as never);
    if (!r.ok) return refuse(client, action, r.error.code, r.error.message, ref);
    // The control may have swapped the game (the practice's end): what follows is about the game as it is after.
    const after = this.room.game();
    after.mirror.events(r.events);
    ack(client, action, after.host.block, ref);
    this.room.saveMeta();
    after.mirror.sync(true);
    this.room.updateListing();
  }
}
