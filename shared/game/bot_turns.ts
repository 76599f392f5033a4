// Bots the game runs: each decides on its turn from what it can see, and plays like anyone else.
import { STRATEGIES } from '../bots/index.ts';
import { act } from './moves.ts';
import { EXTERNAL_BOT } from './players.ts';
import type { GameAction, GameError, GameEvent, PlayerId } from './types.ts';
import type { World } from './world.ts';

/** A refused bot move, kept for tests and the facilitator: a good bot should have none. */
export interface BotRefusal {
  block: number;
  player: PlayerId;
  strategy: string;
  action: GameAction;
  error: GameError;
}

/** Bots decide in turn, each every `botEvery` blocks at its own offset, on what the chain shows at its turn. */
export function runBots(w: World): GameEvent[] {
  const every = w.g.scenario.game.economy.botEvery;
  const events: GameEvent[] = [];
  if (w.g.over) return events;
  w.g.players.forEach((p, i) => {
    if (p.bot === null || p.bot === EXTERNAL_BOT || p.removed || (w.block + i) % every !== 0) return;
    const strategy = STRATEGIES[p.role][p.bot];
    const actions = strategy(w.botView(p), w.chain.state.rng);
    for (const a of actions) {
      const r = act(w, p.id, a);
      if (r.ok) events.push(...r.events);
      else {
        w.botRefusals.push({ block: w.block, player: p.id, strategy: p.bot, action: a, error: r.error });
        events.push({ type: 'bot_refused', block: w.block, player: p.id, action: a.type, error: r.error });
      }
    }
  });
  return events;
}
