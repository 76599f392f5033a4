import { describe, expect, it } from 'vitest';
import { mapInWords, subnetCard } from '../../client/src/lib/map_words.ts';
import { march } from './map_fixtures.ts';

describe('the map in words', () => {
  it('lists every subnet, largest emission share first, with flow and pruning said in words', () => {
    const sub = (netuid: number, emissionShare: number, netFlow: number, pruneCandidate = false) => ({ netuid, name: `Net ${netuid}`, poolTao: 1234.4, netFlow, emissionShare, pruneCandidate, immune: false });
    expect(mapInWords([sub(1, 0.2, -1, true), sub(2, 0.5, 3), sub(3, 0.3, 0)])).toEqual([
      { key: 'SN2', text: 'SN2 Net 2: 50.0 % of emission, net inflow, pool 1,234 τ' },
      { key: 'SN3', text: 'SN3 Net 3: 30.0 % of emission, no net flow, pool 1,234 τ' },
      { key: 'SN1', text: 'SN1 Net 1: 20.0 % of emission, net outflow, pool 1,234 τ, next to be pruned' },
    ]);
  });

  it('reads the groups first, then every subnet; a card gives any subnet its rank and facts', () => {
    const words = mapInWords(march());
    expect(words[0]).toEqual({ key: 'groups', text: 'The top 10 take 56 % of emission, the other 118 44 %.' });
    expect(words[1].text).toMatch(/^SN64 Chutes: 14\.0 % of emission/);
    expect(words).toHaveLength(129);
    expect(new Set(words.map((w) => w.key)).size).toBe(129);
    expect(subnetCard(march(), 19)).toEqual({ title: 'SN19 Nineteen', lines: ['#8 of 128 by emission', '4.0 % of emission', 'net inflow', 'pool 1,000 τ'] });
    expect(subnetCard(march(), 100)?.lines.at(-1)).toBe('next to be pruned');
    expect(subnetCard(march(), 999)).toBeNull();
  });
});
