import type { RngState } from '../engine/index.ts';
import { nextGaussian } from '../engine/index.ts';

/**
 * A validator's private readings of each UID's quality: the true quality plus Gaussian noise drawn
 * from that validator's own stream (one draw per UID, in uid order). Nothing else enters, so two
 * validators never share noise and another player's moves never change what this one sees.
 * Readings are not clipped: a noisy reading may fall outside 0..1.
 */
export function observe(noise: RngState, qualities: readonly number[], sigma: number): number[] {
  return qualities.map((q) => q + sigma * nextGaussian(noise));
}
