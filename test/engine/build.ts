import { expect } from 'vitest';
import type { Action, ChainEvent, ChainParams } from '../../shared/engine/index.ts';
import { auditConservation, Chain, chainParams, coldkey, hotkey, tao } from '../../shared/engine/index.ts';

export const ck = coldkey;
export const hk = hotkey;

/** A chain with mainnet rules but time scaled down so a test reaches epochs, immunity and decay quickly. */
export function testParams(overrides: Parameters<typeof chainParams>[0] = {}): ChainParams {
  return chainParams({
    tempo: 9,
    networkRateLimit: 0,
    networkImmunityPeriod: 50,
    networkLockReductionInterval: 100,
    neuronImmunityPeriod: 20,
    weightsSetRateLimit: 0,
    activityCutoff: 1000,
    ...overrides,
  });
}

export function newChain(params: ChainParams = testParams(), seed: number | string = 1, initialIssuance = tao(1_000_000)): Chain {
  return Chain.create({ params, seed, initialIssuance });
}

/** Applies an action the test expects to succeed, failing loudly with the chain's reason if not. */
export function must(chain: Chain, action: Action): ChainEvent[] {
  const r = chain.apply(action);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.error.code} ${r.error.message}`);
  return r.events;
}

export function steps(chain: Chain, n: number): ChainEvent[] {
  const events: ChainEvent[] = [];
  for (let i = 0; i < n; i++) events.push(...chain.step());
  return events;
}

export const snapshotJson = (chain: Chain): string => JSON.stringify(chain.snapshot());

export function expectConserved(chain: Chain): void {
  expect(auditConservation(chain.state)).toEqual([]);
}
