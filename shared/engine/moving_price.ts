import { spotPrice } from './pool.ts';
import type { ChainParams } from './scenario.ts';
import type { Subnet } from './state.ts';

/**
 * SubnetMovingPrice (chain: stake_utils.rs::update_moving_price), run after the coinbase used the
 * old value. The spot price is capped at 1.0 before it enters, and α ramps up from 0 with the
 * subnet's age, so a new subnet's EMA starts low and climbs slowly.
 */
export function updateMovingPrice(s: Subnet, block: number, p: ChainParams): void {
  const age = block - (s.registeredAt - 1);
  const alpha = (p.movingAlpha * age) / (age + p.emaPriceHalvingBlocks);
  s.movingPrice = alpha * Math.min(spotPrice(s), 1) + (1 - alpha) * s.movingPrice;
}
