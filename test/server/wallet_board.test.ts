import { describe, expect, it } from 'vitest';
import { GameHost } from '../../server/game_host.ts';
import { formatAmount } from '../../shared/engine/index.ts';

// Wallets take the player's rank and net worth from a leaderboard worked out at most once a second
// of game time: never older than that, and current as soon as an action is accepted.
describe("a wallet's rank and net worth", () => {
  const host = GameHost.create({ preset: 'workshop', seed: 4 }) as GameHost;
  const joined = host.join('Vera', 'validator', false);
  if (!joined.ok) throw new Error(joined.error.message);
  const me = joined.playerId;
  const exact = () => host.leaderboard().find((r) => r.id === me)!.netWorth;
  const shown = () => host.wallet(me)!.netWorth;

  it('are never more than a second of game time old', () => {
    const bps = host.blocksPerSecond;
    let stale = 0;
    for (let b = 0; b < 20 * bps; b++) {
      host.step();
      if (host.block % bps === 0) expect(shown()).toBe(formatAmount(exact()));
      else if (shown() !== formatAmount(exact())) stale++;
    }
    // Between the refreshes they do lag (the point of keeping them): this test must see it.
    expect(stale).toBeGreaterThan(0);
  });

  it('are current once an action is accepted', () => {
    while (host.block % host.blocksPerSecond === 0) host.step();
    host.wallet(me);
    const subnet = host.game.subnetIds()[0];
    const r = host.act(me, { type: 'stake', netuid: subnet, amount: 10_000_000_000n } as never);
    expect(r.ok ? null : r.error).toBeNull();
    expect(shown()).toBe(formatAmount(exact()));
  });
});
