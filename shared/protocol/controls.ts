// The table of facilitator controls: each declared once — its payload (the checker, from which its
// type is derived; every control carries the facilitator's `token`), how the facilitator's screen
// names it, whether a replay room takes it, and what it asks of the room.
import type { ActResult, GameEvent } from '../game/types.ts';
import type { Checker, CheckedValue, Wire } from './check.ts';
import type { WireErrorCode } from './errors.ts';
import { bool, finite, integer, nullable, object, oneOf, optional, text } from './check.ts';
import type { PlayerRole } from './fields.ts';
import { PLAYER_ROLES } from './fields.ts';
import { type ScenarioEvent, scenarioEvent } from './scenario_events.ts';

/** A game change's result, or a refusal only the room can give (a speed this process cannot hold, a game already started). */
export type ControlResult = ActResult | { ok: false; error: { code: WireErrorCode; message: string } };

/** What a control may ask of a room; the room implements it. */
export interface RoomControls {
  /** Leaves the lobby; refused once the game has started. */
  start(): ControlResult;
  pause(): void;
  resume(): void;
  /** A multiplier of the scenario's block rate; refused when the room could not keep up with it. */
  setSpeed(speed: number): ControlResult;
  end(): void;
  trigger(event: ScenarioEvent): ControlResult;
  removePlayer(playerId: string): ControlResult;
  addBot(role: PlayerRole, strategy?: string): ControlResult;
  removeBot(playerId: string): ControlResult;
  /** Words on every screen; `pause` also pauses a running game while people read them. */
  announce(text: string, pause: boolean): void;
  /** The debrief page every big screen shows; null takes it down. */
  showDebrief(page: number | null): void;
  /** Ends a practice round: the real game from block 0, kits restored, every seat kept. */
  startRealGame(): ControlResult;
}

export interface ControlEntry<P> {
  label: string;
  /** A replay room re-runs its recorded game: it takes the controls that only steer its clock. */
  inReplay: boolean;
  /** Still taken once the game is over (the debrief happens then). */
  afterEnd?: true;
  payload: Checker<{ token: string } & P>;
  run(room: RoomControls, c: P): ControlResult;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
/** An announcement is read off a projector and a phone: a sentence or two. */
export const MAX_ANNOUNCEMENT = 200;
const token = text(64);
const done: ControlResult = { ok: true, events: [] };
// The payload is its own argument so that its type is inferred before the function that reads it.
const entry = <P>(payload: Checker<{ token: string } & P>, e: Omit<ControlEntry<P>, 'payload'>): ControlEntry<P> => ({ payload, ...e });

export const CONTROLS = {
  /** Leave the lobby (a game created with autostart false). */
  start: entry(object({ token }), { label: 'Start', inReplay: true, run: (room) => room.start() }),
  pause: entry(object({ token }), { label: 'Pause', inReplay: true, run: (room) => (room.pause(), done) }),
  resume: entry(object({ token }), { label: 'Resume', inReplay: true, run: (room) => (room.resume(), done) }),
  /** Multiplier of the scenario's block rate (1 = as designed). */
  set_speed: entry(object({ token, speed: finite(MIN_SPEED, MAX_SPEED) }), { label: 'Speed', inReplay: true, run: (room, c) => room.setSpeed(c.speed) }),
  end_game: entry(object({ token }), { label: 'End game', inReplay: true, run: (room) => (room.end(), done) }),
  trigger_event: entry(object({ token, event: scenarioEvent }), { label: 'Trigger an event', inReplay: false, run: (room, c) => room.trigger(c.event) }),
  /** The player can no longer act; its wallet stays on the board. */
  remove_player: entry(object({ token, playerId: text(64) }), { label: 'Remove', inReplay: false, run: (room, c) => room.removePlayer(c.playerId) }),
  add_bots: entry(object({ token, role: oneOf(PLAYER_ROLES), count: integer(1, 50), strategy: optional(text(32)) }), {
    label: 'Add bots',
    inReplay: false,
    run: (room, c) => {
      const events: GameEvent[] = [];
      for (let i = 0; i < c.count; i++) {
        const r = room.addBot(c.role, c.strategy);
        if (!r.ok) return r;
        events.push(...r.events);
      }
      return { ok: true, events };
    },
  }),
  remove_bot: entry(object({ token, playerId: text(64) }), { label: 'Remove bot', inReplay: false, run: (room, c) => room.removeBot(c.playerId) }),
  /** A message on every screen (`announcement`); `pause` also pauses the game. */
  announce: entry(object({ token, text: text(MAX_ANNOUNCEMENT), pause: optional(bool) }), { label: 'Tell the room', inReplay: true, afterEnd: true, run: (room, c) => (room.announce(c.text, c.pause === true), done) }),
  /** The debrief page the big screens show (`debrief_page`); null takes it down. */
  show_debrief: entry(object({ token, page: nullable(integer(0, 20)) }), { label: 'Show on the big screen', inReplay: true, afterEnd: true, run: (room, c) => (room.showDebrief(c.page), done) }),
  /** End the practice: every player's kit is restored and the real game starts from block 0; seats, names and tokens are kept. */
  start_real_game: entry(object({ token }), { label: 'Start the real game (reset kits, keep seats)', inReplay: false, run: (room) => room.startRealGame() }),
};

export type ControlType = keyof typeof CONTROLS;
type PayloadOf<T extends ControlType> = CheckedValue<(typeof CONTROLS)[T]['payload']>;
/** The controls as a client sends them (each with the facilitator's `token`). */
export type ControlPayloads = { [T in ControlType]: Wire<PayloadOf<T>> };
/** A control after validation, without its token. */
export type ControlRequest = { [T in ControlType]: { type: T } & Omit<PayloadOf<T>, 'token'> }[ControlType];
export const CONTROL_TYPES = Object.keys(CONTROLS) as ControlType[];

export const controlEntry = <T extends ControlType>(type: T): ControlEntry<Omit<PayloadOf<T>, 'token'>> => CONTROLS[type] as unknown as ControlEntry<Omit<PayloadOf<T>, 'token'>>;
