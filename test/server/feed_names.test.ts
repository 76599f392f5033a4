import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../server/feed.ts';
import { GameHost } from '../../server/game_host.ts';

describe('the feed names a pruned subnet by the name it had', () => {
  it('even when the subnet that took its place already holds its netuid', () => {
    const host = GameHost.create({ preset: 'workshop', seed: 5, overrides: { bots: [], chain: { subnetLimit: 3, networkRateLimit: 0, networkImmunityPeriod: 0 } } }) as GameHost;
    const before = new Map([1, 2, 3].map((n) => [n, host.subnetName(n)]));
    host.step();
    const joined = host.join('Olga', 'owner', false);
    if (!joined.ok) throw new Error(joined.error.message);
    const pruned = joined.events.find((e) => e.type === 'subnet_pruned');
    expect(pruned).toBeDefined();
    const netuid = (pruned as { netuid: number }).netuid;
    expect(host.subnetName(netuid)).not.toBe(before.get(netuid));
    expect(describeEvent(pruned!, host)!.text).toBe(`${before.get(netuid)} (SN${netuid}) was deregistered: lowest EMA price past immunity`);
  });
});
