// A player's move: who may make it, then its entry in the table of moves (shared/protocol/actions.ts).
import { show } from '../engine/errors.ts';
import { actionEntry } from '../protocol/actions.ts';
import type { ActResult, GameAction, PlayerId } from './types.ts';
import { gameError } from './types.ts';
import type { World } from './world.ts';

export function act(w: World, id: PlayerId, action: GameAction): ActResult {
  const p = w.byId.get(id);
  if (!p) return { ok: false, error: gameError('UNKNOWN_PLAYER', `no player ${show(id)}`) };
  if (p.removed) return { ok: false, error: gameError('PLAYER_GONE', 'this player was removed from the game') };
  if (w.g.over) return { ok: false, error: gameError('GAME_OVER', 'the game has ended') };
  const move = actionEntry(action?.type);
  if (!move) return { ok: false, error: gameError('UNKNOWN_ACTION', `unknown action ${show((action as { type?: unknown })?.type)}`) };
  if (move.roles !== 'any' && !move.roles.includes(p.role)) return { ok: false, error: gameError('WRONG_ROLE', `${move.label}: only for ${move.roles.join(', ')}`) };
  const r = move.play(w.moves, p, action);
  if (r.ok) w.changed();
  return r;
}
