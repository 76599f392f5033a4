// A validator's score sheet: one weight per miner of its subnet, kept apart from the sliders so
// that every miner is scored and sent — a 256-UID subnet shows only a page of them at a time.
import { MAX_WEIGHTS, type ObservationsView } from '../../../shared/protocol/index.ts';

/** The weight of a miner the validator has not scored yet (the slider's starting point). */
export const DEFAULT_WEIGHT = 0.5;

export type MinerOrder = 'observed' | 'consensus' | 'uid';

export interface MinerLine {
  uid: number;
  consensus: number;
  /** Name of the player behind the hotkey, '' for a genesis or unknown neuron. */
  who: string;
}

const unit = (x: number) => (Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0);

/** The validator's own noisy reading of each UID of `netuid`, clamped to a slider's 0..1. */
export function observedQuality(obs: Pick<ObservationsView, 'subnets'> | null, netuid: number): Map<number, number> {
  const s = obs?.subnets.find((x) => x.netuid === netuid);
  return new Map(s ? s.uids.map((uid, i) => [uid, unit(s.quality[i])]) : []);
}

/**
 * Miners in the order to score them: best first by the validator's own reading (unread ones last)
 * or by the consensus the last epoch reached; ties and `uid` by UID.
 */
export function orderMiners(miners: readonly MinerLine[], order: MinerOrder, observed: ReadonlyMap<number, number>): MinerLine[] {
  const score = (m: MinerLine) => (order === 'observed' ? (observed.get(m.uid) ?? -1) : order === 'consensus' ? m.consensus : 0);
  return [...miners].sort((a, b) => score(b) - score(a) || a.uid - b.uid);
}

/** Digits find UIDs starting with them ("12" → 12, 120–129, …); other text a player's name. */
export function filterMiners(miners: readonly MinerLine[], query: string): MinerLine[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...miners];
  if (/^\d+$/.test(q)) return miners.filter((m) => String(m.uid).startsWith(q));
  return miners.filter((m) => m.who.toLowerCase().includes(q));
}

export interface Page<T> {
  items: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 when empty). */
  from: number;
  to: number;
  total: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.max(0, Math.min(pages - 1, Math.floor(page) || 0));
  const shown = items.slice(p * size, (p + 1) * size);
  return { items: shown, page: p, pages, from: shown.length ? p * size + 1 : 0, to: p * size + shown.length, total: items.length };
}

/** "Use my observations": every miner with a reading gets it as its weight, seen on screen or not. */
export function fillFromObservations(weights: Map<number, number>, uids: readonly number[], observed: ReadonlyMap<number, number>): number {
  let filled = 0;
  for (const uid of uids) {
    const q = observed.get(uid);
    if (q === undefined) continue;
    weights.set(uid, q);
    filled++;
  }
  return filled;
}

/**
 * A miner's weight on the sheet: the player's edit, else what the chain stores for the validator (a
 * miner left out of a stored row weighs 0), else the starting weight before any weights were set.
 */
export function sheetWeight(uid: number, edits: ReadonlyMap<number, number>, stored: ReadonlyMap<number, number>): number {
  return edits.get(uid) ?? (stored.size > 0 ? (stored.get(uid) ?? 0) : DEFAULT_WEIGHT);
}

/**
 * The `set_weights` vectors for every miner, by UID. Past the protocol's MAX_WEIGHTS the smallest
 * weights are left out: an absent UID weighs 0, so that drops the least.
 */
export function weightVectors(uids: readonly number[], weightOf: (uid: number) => number, max = MAX_WEIGHTS): { uids: number[]; weights: number[] } {
  let rows = [...new Set(uids)].map((uid) => ({ uid, w: unit(weightOf(uid)) }));
  if (rows.length > max) rows = rows.sort((a, b) => b.w - a.w || a.uid - b.uid).slice(0, max);
  rows.sort((a, b) => a.uid - b.uid);
  return { uids: rows.map((r) => r.uid), weights: rows.map((r) => r.w) };
}
