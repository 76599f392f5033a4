// Where the player stands: a score every role can win. Kits differ by role (in the workshop a staker
// starts with 200 τ, an owner with 7,000 τ), so the fair measure is the return on the starting net worth,
// ranked within the role; the absolute rank over everyone stays beside it.
import type { PlayerState } from '../../../shared/protocol/schema.ts';
import { valuesOf } from './arena.ts';

type PlayerLike = Pick<PlayerState, 'id' | 'role' | 'removed' | 'change' | 'changePct' | 'rank' | 'roleRank'>;

export interface Standing {
  /** Change as a % of the starting net worth. */
  returnPct: number;
  change: string;
  rank: number;
  of: number;
  roleRank: number;
  roleOf: number;
  role: string;
}

export function standingOf<T extends PlayerLike>(players: Parameters<typeof valuesOf<T>>[0], me: string | null): Standing | null {
  const all = valuesOf<T>(players).filter((p) => !p.removed);
  const mine = all.find((p) => p.id === me);
  if (!mine) return null;
  return {
    returnPct: mine.changePct,
    change: mine.change,
    rank: mine.rank,
    of: all.length,
    roleRank: mine.roleRank,
    roleOf: all.filter((p) => p.role === mine.role).length,
    role: mine.role,
  };
}

const ROLE_PLURAL: Record<string, string> = { owner: 'owners', validator: 'validators', miner: 'miners', staker: 'stakers' };

/** "+3.2 %", with a sign always: a return reads as a gain or a loss without colour. */
export const returnText = (pct: number): string => `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct).toFixed(1)} %`;
/** "#2 of 5 validators" */
export const roleRankText = (s: Standing): string => (s.roleRank ? `#${s.roleRank} of ${s.roleOf} ${s.roleOf === 1 ? s.role : (ROLE_PLURAL[s.role] ?? s.role)}` : '—');
export const rankText = (s: Standing): string => (s.rank ? `#${s.rank} of ${s.of}` : '—');
