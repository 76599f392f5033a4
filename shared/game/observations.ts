import type { Player } from './state.ts';
import type { World } from './world.ts';
import type { RngState } from '../engine/index.ts';
import { nextFloat } from '../engine/index.ts';

/**
 * A validator's private readings of each UID's quality: the true quality plus Gaussian noise drawn
 * from that validator's own stream, in uid order. Nothing else enters, so two validators never share
 * noise and another player's moves never change what this one sees. Readings are not clipped: a
 * noisy reading may fall outside 0..1.
 */
export function observe(noise: RngState, qualities: readonly number[], sigma: number): number[] {
  const out = new Array<number>(qualities.length);
  // Box–Muller gives two independent normals per pair of uniforms; a full network draws millions a day.
  for (let j = 0; j < qualities.length; j += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - nextFloat(noise)));
    const t = 2 * Math.PI * nextFloat(noise);
    out[j] = qualities[j] + sigma * r * Math.cos(t);
    if (j + 1 < qualities.length) out[j + 1] = qualities[j + 1] + sigma * r * Math.sin(t);
  }
  return out;
}

/** A validator reads its home subnet's UIDs again (anyone else, or a validator not registered there, reads nothing). */
export function refreshObservations(w: World, p: Player): void {
  if (p.role !== 'validator' || !p.noise || p.home === null) return;
  const s = w.chain.subnet(p.home);
  if (!s || !s.neurons.some((n) => n.hotkey === p.hotkey)) return;
  p.observations = observe(p.noise, w.qualities.of(s).map((q) => q ?? 0), w.g.scenario.game.economy.observationNoise);
}
