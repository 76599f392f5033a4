import type { Hotkey } from './ids.ts';
import type { Neuron } from './state.ts';

/**
 * A value per UID worked out from the hotkey holding it, kept until another hotkey holds the UID: a
 * registration replaces one UID of 256, and working every UID out again after each (an owner among
 * the chain's 32,000 hotkeys, a miner's quality) was most of what these lookups cost on a full
 * network.
 */
export class UidMemo<T> {
  private readonly hotkeys: Hotkey[] = [];
  private readonly values: T[] = [];

  /** The value for each of `neurons`' UIDs, by uid; `compute` runs only for UIDs whose hotkey changed. */
  of(neurons: readonly Neuron[], compute: (hotkey: Hotkey) => T): readonly T[] {
    const { hotkeys, values } = this;
    for (let j = 0; j < neurons.length; j++) {
      const hk = neurons[j].hotkey;
      if (hotkeys[j] === hk) continue;
      hotkeys[j] = hk;
      values[j] = compute(hk);
    }
    hotkeys.length = values.length = neurons.length;
    return values;
  }
}

/** The same neuron objects in the same slots: no registration since `a` was copied (one puts a new neuron in its slot). */
export function sameNeurons(a: readonly Neuron[], b: readonly Neuron[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
