import type { Rao } from '../engine/index.ts';
import { show } from '../engine/errors.ts';
import { netuid as toNetuid, parseAmount } from '../engine/index.ts';
import type { GameError, ScenarioEvent } from './types.ts';
import { gameError } from './types.ts';

const bad = (message: string): GameError => gameError('INVALID_EVENT', message);

/** A TAO amount given as rao (bigint) by code, or as a decimal string of TAO on the wire. */
export function readTao(value: unknown, what: string): Rao | GameError {
  if (typeof value === 'bigint') return value > 0n ? value : bad(`${what} must be more than zero`);
  const rao = parseAmount(value);
  return typeof rao === 'bigint' ? rao : bad(`${what} must be a positive decimal amount of TAO (${rao})`);
}

/** Checks a scenario event's shape; whether its subnet exists is the game's check, at the time it runs. */
export function parseScenarioEvent(raw: unknown): ScenarioEvent | GameError {
  if (raw === null || typeof raw !== 'object') return bad('an event must be an object with a type');
  const e = raw as Record<string, unknown>;
  const keys = (...allowed: string[]) => Object.keys(e).find((k) => k !== 'type' && !allowed.includes(k));
  switch (e.type) {
    case 'halving_now': {
      const extra = keys();
      return extra ? bad(`halving_now takes no ${extra}`) : { type: 'halving_now' };
    }
    case 'market_shock': {
      const extra = keys('fraction');
      if (extra) return bad(`market_shock takes no ${extra}`);
      const f = e.fraction;
      return typeof f === 'number' && f > 0 && f <= 1 ? { type: 'market_shock', fraction: f } : bad('market_shock needs a fraction above 0 and at most 1');
    }
    case 'inflow_surge': {
      const extra = keys('netuid', 'tao', 'blocks');
      if (extra) return bad(`inflow_surge takes no ${extra}`);
      if (!Number.isInteger(e.netuid) || (e.netuid as number) < 1 || (e.netuid as number) > 4096) return bad('inflow_surge needs a subnet netuid');
      if (!Number.isInteger(e.blocks) || (e.blocks as number) < 1 || (e.blocks as number) > 1_000_000) return bad('inflow_surge needs blocks, a whole number from 1 to 1,000,000');
      const amount = readTao(e.tao, 'tao');
      if (typeof amount !== 'bigint') return amount;
      return { type: 'inflow_surge', netuid: toNetuid(e.netuid as number), tao: amount, blocks: e.blocks as number };
    }
    default:
      return bad(`unknown event ${show(e.type)}; events are halving_now, market_shock, inflow_surge`);
  }
}
