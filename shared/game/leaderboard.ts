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
  /** 1-based rank over everyone by change since the start (TAO gained). */
  rank: number;
  /**
   * 1-based rank within the role by return on the starting net worth: the score the wallet bar
   * shows every player, so each role's table is won by playing well, not by holding a larger kit.
   */
  roleRank: number;
  removed: boolean;
}

/** Return on the starting net worth, as a fraction (0 for a player given nothing). */
export const returnOf = (r: Pick<LeaderboardRow, 'change' | 'startWorth'>): number => (r.startWorth > 0n ? Number(r.change) / Number(r.startWorth) : 0);

const byId = (a: LeaderboardRow, b: LeaderboardRow): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byChange = (a: LeaderboardRow, b: LeaderboardRow): number => (b.change > a.change ? 1 : b.change < a.change ? -1 : byId(a, b));
const byReturn = (a: LeaderboardRow, b: LeaderboardRow): number => returnOf(b) - returnOf(a) || byId(a, b);

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
  const inRole = new Map<Role, LeaderboardRow[]>();
  for (const r of rows) (inRole.get(r.role) ?? inRole.set(r.role, []).get(r.role)!).push(r);
  for (const table of inRole.values()) table.sort(byReturn).forEach((r, i) => (r.roleRank = i + 1));
  rows.sort(byChange).forEach((r, i) => (r.rank = i + 1));
  return rows;
}
