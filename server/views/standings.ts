// The board as the synced state and the results show it, built from the game's leaderboard.
import { formatAmount } from '../../shared/engine/index.ts';
import type { LeaderboardRow, PlayerInfo } from '../../shared/game/index.ts';
import type { PlayerRole, ResultsView } from '../../shared/protocol/index.ts';
import { signed } from './player.ts';

/** A leaderboard row as the mirror needs it (rao amounts). */
export interface Standing {
  playerId: string;
  name: string;
  role: PlayerRole;
  bot: boolean;
  connected: boolean;
  removed: boolean;
  netWorth: bigint;
  startWorth: bigint;
  change: bigint;
  emissionIncome: bigint;
  priceGains: bigint;
  rank: number;
  roleRank: number;
}

export function standings(board: readonly LeaderboardRow[], players: readonly PlayerInfo[]): Standing[] {
  const connected = new Map(players.map((p) => [p.id as string, p.connected]));
  return board.map((r) => ({
    playerId: r.id,
    name: r.name,
    role: r.role,
    bot: r.bot,
    connected: connected.get(r.id) ?? false,
    removed: r.removed,
    netWorth: r.netWorth,
    startWorth: r.startWorth,
    change: r.change,
    emissionIncome: r.emissionIncome,
    priceGains: r.priceGains,
    rank: r.rank,
    roleRank: r.roleRank,
  }));
}

/** The final (or current) standings for everyone and the exports. */
export function resultsView(game: { code: string; preset: string; seed: number | string; block: number }, rows: readonly Standing[]): ResultsView {
  return {
    ...game,
    rows: rows.map((r) => ({
      rank: r.rank,
      playerId: r.playerId,
      name: r.name,
      role: r.role,
      bot: r.bot,
      netWorth: formatAmount(r.netWorth),
      change: signed(r.change),
      emissionIncome: signed(r.emissionIncome),
      priceGains: signed(r.priceGains),
    })),
  };
}
