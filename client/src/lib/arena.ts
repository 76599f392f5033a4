// Reading the synced room state into what the screens show. Structural types, so a test can pass
// plain objects and the client needs only the synced schema's TYPES (erased at build time).
import type { ClockState, FeedEvent, PlayerState, SubnetState } from '../../../shared/protocol/schema.ts';
import type { MapSubnet } from './map_layout.ts';

type SubnetLike = Pick<SubnetState, 'netuid' | 'name' | 'taoIn' | 'alphaIn' | 'price' | 'emaPrice' | 'flowEma' | 'emissionShare' | 'immuneUntil' | 'pruneCandidate' | 'ownerName' | 'burn' | 'neurons'>;
type PlayerLike = Pick<PlayerState, 'id' | 'name' | 'role' | 'bot' | 'connected' | 'removed' | 'netWorth' | 'change' | 'changePct' | 'rank' | 'emissionIncome' | 'priceGains'>;

/** Iterates a MapSchema, a Map or a plain record alike. */
export function valuesOf<T>(collection: { forEach(cb: (v: T) => void): void } | Record<string, T> | undefined): T[] {
  if (!collection) return [];
  const out: T[] = [];
  if (typeof (collection as { forEach?: unknown }).forEach === 'function') (collection as { forEach(cb: (v: T) => void): void }).forEach((v) => out.push(v));
  else out.push(...Object.values(collection as Record<string, T>));
  return out;
}

export function subnetsByNetuid<T extends SubnetLike>(subnets: Parameters<typeof valuesOf<T>>[0]): T[] {
  return valuesOf<T>(subnets).sort((a, b) => a.netuid - b.netuid);
}

/** `slotsFull`: the "next to be pruned" mark means nothing while a new subnet takes a free slot. */
export function toMapSubnet(s: SubnetLike, block: number, slotsFull = true): MapSubnet {
  return {
    netuid: s.netuid,
    name: s.name,
    poolTao: Number(s.taoIn),
    netFlow: s.flowEma,
    emissionShare: s.emissionShare,
    pruneCandidate: s.pruneCandidate && slotsFull,
    immune: block < s.immuneUntil,
  };
}

/** Leaderboard order: the server's rank, people before bots on ties, then name. */
export function leaderboard<T extends PlayerLike>(players: Parameters<typeof valuesOf<T>>[0], includeRemoved = false): T[] {
  return valuesOf<T>(players)
    .filter((p) => includeRemoved || !p.removed)
    .sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) || Number(b.netWorth) - Number(a.netWorth) || Number(a.bot) - Number(b.bot) || a.name.localeCompare(b.name));
}

/** Newest first, at most `max`, for tickers and feeds. */
export function recentEvents<T extends Pick<FeedEvent, 'block' | 'kind' | 'text'>>(events: Parameters<typeof valuesOf<T>>[0], max: number): T[] {
  return valuesOf<T>(events).slice(-max).reverse();
}

/** One line for the clock: what a player needs to time an action. */
export function clockLine(clock: Pick<ClockState, 'block' | 'phase' | 'tempo' | 'halvingIn' | 'speed' | 'blocksPerSecond' | 'endBlock'> & { practice?: boolean }): string {
  const parts = [`${clock.practice ? 'Practice round · ' : ''}block ${clock.block.toLocaleString('en-US')}`];
  // An ended game counts down to nothing.
  if (clock.phase === 'ended') return `${parts[0]} · final`;
  if (clock.endBlock > 0) parts.push(`ends in ${Math.max(0, clock.endBlock - clock.block).toLocaleString('en-US')}`);
  if (clock.halvingIn > 0) parts.push(`halving in ${clock.halvingIn.toLocaleString('en-US')}`);
  // Speed is a float32 on the wire: 90.51000213623047 reads as ×90.51.
  parts.push(`×${+clock.speed.toFixed(2)}`);
  return parts.join(' · ');
}

/**
 * Who a player may send TAO to, as [player id, label] picker options: everyone else still in the
 * game, people before bots, by name; the role tells two players of the same name apart.
 */
export function transferRecipients<T extends Pick<PlayerLike, 'id' | 'name' | 'role' | 'bot' | 'removed'>>(players: Parameters<typeof valuesOf<T>>[0], me: string | null): [string, string][] {
  return valuesOf<T>(players)
    .filter((p) => p.id !== me && !p.removed)
    .sort((a, b) => Number(a.bot) - Number(b.bot) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((p) => [p.id, `${p.name} · ${p.role}${p.bot ? ' · bot' : ''}`]);
}
