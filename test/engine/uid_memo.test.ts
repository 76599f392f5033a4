import { describe, expect, it } from 'vitest';
import { hotkey, sameNeurons, UidMemo } from '../../shared/engine/index.ts';
import { newNeuron } from '../../shared/engine/subnet.ts';

describe('UidMemo', () => {
  it('works a UID out again only when another hotkey holds it, and follows the subnet growing', () => {
    const memo = new UidMemo<string>();
    const asked: string[] = [];
    const compute = (hk: string) => (asked.push(hk), `owner of ${hk}`);
    const neurons = ['a', 'b', 'c'].map((h) => newNeuron(hotkey(h), 0));
    expect(memo.of(neurons, compute)).toEqual(['owner of a', 'owner of b', 'owner of c']);
    expect(memo.of(neurons, compute)).toEqual(['owner of a', 'owner of b', 'owner of c']);
    expect(asked).toEqual(['a', 'b', 'c']);
    // A registration replaces UID 1 and another adds UID 3.
    const after = [neurons[0], newNeuron(hotkey('d'), 5), neurons[2], newNeuron(hotkey('e'), 5)];
    expect(memo.of(after, compute)).toEqual(['owner of a', 'owner of d', 'owner of c', 'owner of e']);
    expect(asked).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sameNeurons(neurons, neurons.slice())).toBe(true);
    expect(sameNeurons(neurons, after.slice(0, 3))).toBe(false);
  });
});
