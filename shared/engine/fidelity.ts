/**
 * Every mechanism of the chain the engine models, with the engine module that models it. README's
 * "Fidelity" table has one row for each, in this order, saying which of the chain's functions it
 * follows, for which era, which tests check it, and whether it matches or departs on purpose; a
 * test keeps the table and this list in step, so a mechanism cannot be added without its row.
 */
export const MECHANISMS = [
  { mechanism: 'pool swap', modules: ['pool.ts'] },
  { mechanism: 'swap fee', modules: ['pool.ts', 'staking.ts'] },
  { mechanism: 'stake, unstake and move', modules: ['staking.ts'] },
  { mechanism: 'Taoflow', modules: ['subnet_emissions.ts'] },
  { mechanism: 'price-EMA shares', modules: ['subnet_emissions.ts'] },
  { mechanism: 'injection and chain buy', modules: ['coinbase.ts'] },
  { mechanism: 'halvings', modules: ['issuance.ts', 'coinbase.ts'] },
  { mechanism: 'alpha issuance: burn and recycle', modules: ['subnet.ts', 'state.ts'] },
  { mechanism: 'owner cut and split', modules: ['coinbase.ts'] },
  { mechanism: 'epoch schedule', modules: ['coinbase.ts'] },
  { mechanism: 'Yuma', modules: ['yuma.ts', 'epoch.ts'] },
  { mechanism: 'bonds', modules: ['yuma.ts'] },
  { mechanism: 'owner self-weight and burned incentive', modules: ['yuma.ts', 'epoch.ts'] },
  { mechanism: 'take', modules: ['epoch.ts'] },
  { mechanism: 'root dividends', modules: ['coinbase.ts', 'epoch.ts'] },
  { mechanism: 'moving price', modules: ['moving_price.ts'] },
  { mechanism: 'set weights', modules: ['weights.ts'] },
  { mechanism: 'lock cost', modules: ['network.ts'] },
  { mechanism: 'opening pool', modules: ['network.ts'] },
  { mechanism: 'pruning', modules: ['network.ts'] },
  { mechanism: 'dissolution', modules: ['network.ts'] },
  { mechanism: 'neuron burn', modules: ['registration.ts'] },
  { mechanism: 'UID pruning', modules: ['registration.ts'] },
] as const;

export type Mechanism = (typeof MECHANISMS)[number]['mechanism'];
