// What the facilitator's controls (shared/protocol/controls.ts) do to a room.
import type { RoomControls, WireErrorCode } from '../shared/protocol/index.ts';
import type { ActionQueue } from './action_queue.ts';
import type { Notices } from './announce.ts';
import type { GameHost } from './game_host.ts';
import type { Seats } from './seats.ts';

/** The parts of a room the controls steer. */
export interface Steered {
  readonly host: GameHost;
  readonly seats: Seats;
  readonly queue: ActionQueue;
  readonly clock: { phase: string; speed: number };
  /** The block rate changed. */
  restartSimulation(): void;
  /** Refused when this process could not keep up with the room at that speed. */
  admitSpeed(speed: number): { code: WireErrorCode; message: string } | null;
  /** Sends every client its private feeds as of now. */
  flushFeeds(): void;
  endGame(): void;
  /** The facilitator's words and the big screen's debrief page, to every screen. */
  readonly notices: Notices;
  /** The practice round gives way to the real game (the room swaps its game). */
  startRealGame(): void;
}

export function roomControls(room: Steered): RoomControls {
  const controls: RoomControls = {
    start: () => {
      if (room.clock.phase !== 'lobby') return { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'the game has already started' } };
      room.clock.phase = 'running';
      return { ok: true, events: [] };
    },
    pause: () => {
      if (room.clock.phase === 'running') room.clock.phase = 'paused';
      // Everyone's wallet and watched table as of the paused block, not as of the last flush.
      room.flushFeeds();
    },
    resume: () => {
      if (room.clock.phase === 'paused') room.clock.phase = 'running';
    },
    setSpeed: (speed) => {
      const tooFast = room.admitSpeed(speed);
      if (tooFast) return { ok: false, error: tooFast };
      room.clock.speed = speed;
      room.restartSimulation();
      return { ok: true, events: [] };
    },
    end: () => room.endGame(),
    trigger: (event) => room.host.trigger(event),
    addBot: (role, strategy) => room.host.addBot(role, strategy),
    removeBot: (playerId) => room.host.removeBot(playerId),
    removePlayer: (playerId) => {
      const seat = room.seats.get(playerId);
      if (!seat) {
        const r = room.host.removeBot(playerId);
        return r.ok ? r : { ok: false, error: { code: 'UNKNOWN_PLAYER', message: `no player ${playerId} in this game` } };
      }
      const r = room.host.remove(playerId);
      if (!r.ok) return r;
      seat.removed = true;
      room.queue.dropPlayer(playerId);
      return r;
    },
    announce: (text, pause) => {
      if (pause) controls.pause();
      room.notices.post({ type: 'announce', text, pause }, room.host.block);
    },
    showDebrief: (page) => room.notices.post({ type: 'show_debrief', page }, room.host.block),
    startRealGame: () => {
      room.startRealGame();
      return { ok: true, events: [] };
    },
  };
  return controls;
}
