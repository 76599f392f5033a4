import type { Chain, Rao } from '../engine/index.ts';
import { netWorth, parsePosition } from './liquidation.ts';
import type { Player } from './state.ts';
import type { PlayerId, Role } from './types.ts';

/**
 * One row of the scoreboard. Money in rao. The change since the start splits into the seed's two
 * ways to make money — emission income (incentive, dividends, owner cut, valued when received) and
 * alpha price gains (everything else the positions did: price moves, less fees and slippage) — plus
 * the business line (product revenue in; compute, subnet locks and registration burns out).
 */
export interface LeaderboardRow {
  id: PlayerId;
  name: string;
  role: Role;
  bot: boolean;
  strategy: string | null;
  netWorth: Rao;
  startWorth: Rao;
  change: Rao;
  emissionIncome: Rao;
  priceGains: Rao;
  business: Rao;
  /** 1-based rank by change since the start, over everyone and within the role. */
  rank: number;
  roleRank: number;
  removed: boolean;
}

const byChange = (a: LeaderboardRow, b: LeaderboardRow): number => (b.change > a.change ? 1 : b.change < a.change ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function leaderboard(chain: Chain, players: readonly Player[]): LeaderboardRow[] {
  const rows: LeaderboardRow[] = players.map((p) => {
    const worth = netWorth(chain, p.coldkey, p.positions.map(parsePosition));
    const change = worth - p.startWorth;
    return {
      id: p.id,
      name: p.name,
      role: p.role,
      bot: p.bot !== null,
      strategy: p.bot,
      netWorth: worth,
      startWorth: p.startWorth,
      change,
      emissionIncome: p.emissionIncome,
      priceGains: change - p.emissionIncome - p.business,
      business: p.business,
      rank: 0,
      roleRank: 0,
      removed: p.removed,
    };
  });
  rows.sort(byChange);
  const inRole = new Map<Role, number>();
  rows.forEach((r, i) => {
    r.rank = i + 1;
    const k = (inRole.get(r.role) ?? 0) + 1;
    inRole.set(r.role, k);
    r.roleRank = k;
  });
  return rows;
}
