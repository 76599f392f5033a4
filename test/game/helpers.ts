import { Chain } from '../../shared/engine/index.ts';
import type { Scenario } from '../../shared/game/index.ts';
import { buildScenario, Game, isScenarioError } from '../../shared/game/index.ts';

export function scenario(name: string, overrides?: unknown): Scenario {
  const s = buildScenario(name, overrides);
  if (isScenarioError(s)) throw new Error(s.message);
  return s;
}

export function run(game: Game, blocks: number): void {
  for (let i = 0; i < blocks; i++) game.step();
}

/** A copy of the game's chain to try things on (a snapshot restored is an independent chain). */
export const copyOf = (game: Game): Chain => Chain.restore(game.chain.snapshot());

export const newGame = (name: string, overrides: unknown, seed: number | string = 1): Game => Game.create(scenario(name, overrides), seed);
