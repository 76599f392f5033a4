import type { GameAction, ScenarioEvent } from '../shared/game/index.ts';

/**
 * One accepted change to a game, at the block (before that block's step) it happened. Steps are
 * not logged: they are implied by the block numbers. Rejected requests are not logged either —
 * they changed nothing, so a replay without them ends in the same state.
 */
export type LogEntry =
  | { block: number; kind: 'join'; player: string; name: string; role: string; bot: boolean }
  | { block: number; kind: 'add_bot'; role: string; strategy: string }
  | { block: number; kind: 'act'; player: string; action: GameAction }
  | { block: number; kind: 'event'; event: ScenarioEvent }
  | { block: number; kind: 'remove'; player: string }
  | { block: number; kind: 'leave' | 'rejoin'; player: string }
  | { block: number; kind: 'end' };

/** Everything needed to rebuild a game: what persistence stores, what replay and fork start from. */
export interface GameRecord {
  preset: string;
  overrides?: unknown;
  seed: number | string;
  /** The block the game had reached. */
  block: number;
  log: LogEntry[];
}

