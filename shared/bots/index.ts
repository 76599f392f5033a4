// Bots: named strategies for every role. Pure: a view of the game and the seeded RNG in, actions out.
import type { Role } from '../game/types.ts';
import { opportunist, steady } from './miners.ts';
import { buyback } from './owners.ts';
import { NAIVE, SENSIBLE } from './people.ts';
import { flowChasing, momentum, whale } from './stakers.ts';
import { colluding, honest, lazy } from './validators.ts';
import type { Strategy } from './view.ts';

export type { BotView, PositionView, SelfView, Strategy, SubnetView } from './view.ts';
export { weightsFromObservations } from './validators.ts';

export const STRATEGIES: Readonly<Record<Role, Readonly<Record<string, Strategy>>>> = {
  owner: { buyback, sensible: SENSIBLE.owner, naive: NAIVE.owner },
  validator: { honest, lazy, colluding, sensible: SENSIBLE.validator, naive: NAIVE.validator },
  miner: { steady, opportunist, sensible: SENSIBLE.miner, naive: NAIVE.miner },
  staker: { whale, momentum, 'flow-chasing': flowChasing, sensible: SENSIBLE.staker, naive: NAIVE.staker },
};

const ROLE_NAMES: readonly unknown[] = Object.keys(STRATEGIES);

/** Whether `name` is a strategy of `role`; safe on any value a client might send. */
export const isStrategy = (role: Role, name: unknown): boolean => typeof name === 'string' && ROLE_NAMES.includes(role) && Object.hasOwn(STRATEGIES[role], name);

export const strategyNames = (role: Role): string[] => Object.keys(STRATEGIES[role]);
