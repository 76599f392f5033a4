// A scenario's own events (its schedule) go through the same checkers as a facilitator's.
import type { Rao } from '../engine/index.ts';
import { taoField } from '../protocol/fields.ts';
import { scenarioEvent } from '../protocol/scenario_events.ts';
import type { GameError, ScenarioEvent } from './types.ts';
import { gameError } from './types.ts';

/** A TAO amount given as rao (bigint) by code, or as a decimal string of TAO on the wire. */
export function readTao(value: unknown, what: string): Rao | GameError {
  const r = taoField(value, what);
  return r.ok ? r.value : gameError('INVALID_EVENT', r.message);
}

/** Checks a scenario event's shape; whether its subnet exists is the game's check, at the time it runs. */
export function parseScenarioEvent(raw: unknown): ScenarioEvent | GameError {
  const r = scenarioEvent(raw, 'event');
  return r.ok ? r.value : gameError('INVALID_EVENT', r.message);
}
