// The debrief built from the room's own game: docs/WORKSHOP.md's questions answered with what this
// game's series and events show, each page with the chart to point at. Pure: the game's record in,
// pages of text and chart data out (display figures in TAO, never fed back into money).
import type { StoryEvent } from './story.ts';
import type { Role } from './types.ts';
import { ROLES } from './types.ts';
import type { SeriesData } from './series.ts';

export interface DebriefPlayer {
  id: string;
  name: string;
  role: Role;
  bot: boolean;
  startWorth: number;
  change: number;
  emissionIncome: number;
  priceGains: number;
}

export interface DebriefValidator {
  name: string;
  bot: boolean;
  netuid: number;
  /** Share of its weight that survived Yuma's clipping at the last epoch (validator trust). */
  trust: number;
  /** Its share of the subnet's dividends, and of the permitted validators' stake. */
  dividendShare: number;
  stakeShare: number;
  /** Dividends the subnet paid at an epoch, in TAO at the last price. */
  subnetDividends: number;
}

export interface DebriefInput {
  startBlock: number;
  block: number;
  blocksPerSecond: number;
  tempo: number;
  immunity: number;
  series: SeriesData;
  /** In join order: the series' worth rows index them. */
  players: DebriefPlayer[];
  names: Record<number, string>;
  story: readonly StoryEvent[];
  validators: DebriefValidator[];
}

export interface DebriefChart {
  title: string;
  unit: string;
  kind: 'line' | 'bars';
  x: number[];
  series: { label: string; netuid?: number; values: number[] }[];
  /** Blocks to mark on a line chart (the flow turning, the halving, the pruning). */
  marks: { block: number; label: string }[];
}

export type DebriefTopic = 'flywheel' | 'halving' | 'pruning' | 'clipping' | 'income';

export interface DebriefPage {
  topic: DebriefTopic;
  question: string;
  answer: string[];
  chart: DebriefChart;
}

export interface Debrief {
  block: number;
  pages: DebriefPage[];
  /** The room's story in a few lines, for the big screen's last word. */
  story: string[];
}

const MAX_POINTS = 150;
const pct = (x: number, d = 0) => `${(x * 100).toFixed(d)} %`;
const tau = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : 2 })} τ`;
const signedTau = (x: number) => `${x >= 0 ? '+' : '−'}${tau(Math.abs(x))}`;

interface Track {
  block: number[];
  price: number[];
  movingPrice: number[];
  flow: number[];
  share: number[];
}

/** Each netuid's samples; a pruned and re-registered netuid is split at the pruning. */
function tracks(series: SeriesData): Map<number, Track> {
  const by = new Map<number, Track>();
  for (const r of series.subnets) {
    const t = by.get(r[1]) ?? by.set(r[1], { block: [], price: [], movingPrice: [], flow: [], share: [] }).get(r[1])!;
    t.block.push(r[0]);
    t.price.push(r[2]);
    t.movingPrice.push(r[3]);
    t.flow.push(r[4]);
    t.share.push(r[5]);
  }
  return by;
}

/** Sample blocks thinned to at most MAX_POINTS, and each netuid's value at them (NaN where it did not exist). */
function chartOf(series: SeriesData, netuids: number[], value: (r: number[]) => number, names: Record<number, string>, since = -Infinity, until = Infinity): Pick<DebriefChart, 'x' | 'series'> {
  const blocks = [...new Set(series.subnets.map((r) => r[0]))].filter((b) => b >= since && b <= until);
  const stride = Math.max(1, Math.ceil(blocks.length / MAX_POINTS));
  const x = blocks.filter((_, i) => (blocks.length - 1 - i) % stride === 0);
  const at = new Map(x.map((b, i) => [b, i]));
  const lines = new Map(netuids.map((n) => [n, new Array<number>(x.length).fill(NaN)]));
  for (const r of series.subnets) {
    const i = at.get(r[0]);
    const line = lines.get(r[1]);
    if (i !== undefined && line) line[i] = value(r);
  }
  return { x, series: netuids.map((n) => ({ label: names[n] ?? `SN${n}`, netuid: n, values: lines.get(n)! })) };
}

function flywheel(d: DebriefInput, all: Map<number, Track>): DebriefPage {
  const question = 'Which subnet did the flywheel lift, and what came first: the inflow or the price?';
  let best: { netuid: number; gain: number; from: number; peak: number; peakAt: number; turnAt: number } | null = null;
  // Shares are all zero until the first block has paid out: a climb from there is the start, not a flywheel.
  const settled = d.startBlock + d.tempo;
  for (const [netuid, t] of all) {
    let low = Infinity;
    let lowAt = 0;
    for (let i = 0; i < t.share.length; i++) {
      if (t.block[i] < settled) continue;
      if (t.share[i] < low) (low = t.share[i]), (lowAt = i);
      const gain = t.share[i] - low;
      if (!best || gain > best.gain) {
        // The flow turned where its EMA last rose through zero (or was lowest) before the climb.
        let turn = lowAt;
        for (let j = i; j > lowAt; j--) if (t.flow[j - 1] <= 0 && t.flow[j] > 0) (turn = j), (j = 0);
        if (turn === lowAt) for (let j = lowAt; j <= i; j++) if (t.flow[j] < t.flow[turn]) turn = j;
        best = { netuid, gain, from: low, peak: t.share[i], peakAt: t.block[i], turnAt: t.block[turn] };
      }
    }
  }
  const spiral = [...all].map(([netuid, t]) => {
    let run = 0;
    let longest = 0;
    for (let i = 1; i < t.block.length; i++) {
      run = t.flow[i] < 0 && t.share[i] < 0.01 ? run + (t.block[i] - t.block[i - 1]) : 0;
      longest = Math.max(longest, run);
    }
    return { netuid, longest };
  }).sort((a, b) => b.longest - a.longest)[0];
  const shown = [...all.keys()].sort((a, b) => a - b);
  const answer: string[] = [];
  const marks: DebriefChart['marks'] = [];
  if (best && best.gain > 0.02) {
    const name = d.names[best.netuid] ?? `SN${best.netuid}`;
    const lag = best.peakAt - best.turnAt;
    answer.push(`${name} climbed from ${pct(best.from)} to ${pct(best.peak)} of emission, peaking at block ${best.peakAt.toLocaleString('en-US')}.`);
    answer.push(`Its net TAO flow turned up at block ${best.turnAt.toLocaleString('en-US')}; its share followed over the next ${lag.toLocaleString('en-US')} blocks (${Math.round(lag / d.blocksPerSecond)} s). Taoflow pays for inflow, and the price follows the TAO that flows in.`);
    marks.push({ block: best.turnAt, label: `${name}: flow turns` });
  } else answer.push('No subnet gained much share: the flows stayed balanced all game.');
  if (spiral && spiral.longest >= 300) answer.push(`${d.names[spiral.netuid] ?? `SN${spiral.netuid}`} spent ${spiral.longest.toLocaleString('en-US')} blocks with net outflow and (almost) no emission: the death spiral — nothing comes in, so stakers leave, so the flow stays negative.`);
  return { topic: 'flywheel', question, answer, chart: { title: 'Emission share by subnet', unit: '%', kind: 'line', ...chartOf(d.series, shown, (r) => r[5] * 100, d.names), marks } };
}

function halving(d: DebriefInput): DebriefPage {
  const question = 'What did the halving do to emission income?';
  const rows = d.series.blocks;
  let at: number | null = null;
  for (let i = 1; i < rows.length; i++) if (rows[i][2] < rows[i - 1][2] * 0.75) (at = rows[i][0]), (i = rows.length);
  // Each epoch's emission valued at that epoch's price, summed per bucket of blocks, per block.
  const bucket = Math.max(d.tempo, Math.round((d.block - d.startBlock) / 40));
  const sums = new Map<number, number>();
  for (const e of d.series.epochs) {
    const k = Math.floor((e[0] - d.startBlock) / bucket);
    sums.set(k, (sums.get(k) ?? 0) + e[2] * e[9]);
  }
  const keys = [...sums.keys()].sort((a, b) => a - b);
  const x = keys.map((k) => d.startBlock + (k + 1) * bucket);
  const values = keys.map((k) => (sums.get(k) ?? 0) / bucket);
  const emission = x.map((b) => rows.find((r) => r[0] >= b)?.[2] ?? rows[rows.length - 1]?.[2] ?? 0);
  const answer: string[] = [];
  if (at === null) answer.push('The halving did not come within this game: block emission stayed the same throughout.');
  else {
    const window = Math.min(900, at - d.startBlock, d.block - at);
    const rate = (from: number, to: number) => d.series.epochs.filter((e) => e[0] >= from && e[0] < to).reduce((s, e) => s + e[2] * e[9], 0) / Math.max(1, to - from);
    const before = rate(at - window, at);
    const after = rate(at, at + window);
    const emBefore = rows.filter((r) => r[0] < at!).pop()?.[2] ?? 0;
    answer.push(`At block ${at.toLocaleString('en-US')} TAO emission halved (${emBefore} → ${emBefore / 2} τ a block): half the TAO flows into the pools.`);
    if (window > d.tempo * 2 && before > 0) answer.push(`Emission paid to subnets, valued at their prices: ${tau(before * 60 * d.blocksPerSecond)} a minute before, ${tau(after * 60 * d.blocksPerSecond)} after (${pct(after / before - 1)}). Each subnet's alpha keeps its own schedule; what changes is the TAO behind it.`);
  }
  return { topic: 'halving', question, answer, chart: { title: 'Emission income of all subnets (τ per block, at each epoch’s price)', unit: 'τ', kind: 'line', x, series: [{ label: 'emission paid, τ/block', values }, { label: 'TAO block emission', values: emission }], marks: at === null ? [] : [{ block: at, label: 'halving' }] } };
}

function pruning(d: DebriefInput, all: Map<number, Track>): DebriefPage {
  const question = 'Which subnet was pruned, and why that one?';
  const pruned = d.story.filter((e): e is Extract<StoryEvent, { type: 'pruned' }> => e.type === 'pruned');
  const answer: string[] = [];
  const marks: DebriefChart['marks'] = [];
  const netuids = [...all.keys()].sort((a, b) => a - b);
  if (pruned.length === 0) answer.push('No subnet was pruned: every registration found a free slot. With more owners than free slots, the next registration removes the subnet with the lowest EMA price among those past their immunity.');
  for (const p of pruned) {
    marks.push({ block: p.block, label: `${p.name} pruned` });
    // The moving prices as they stood just before the pruning.
    const before = d.series.subnets.filter((r) => r[0] < p.block);
    const last = before.length > 0 ? before[before.length - 1][0] : null;
    const rows = last === null ? [] : before.filter((r) => r[0] === last);
    const registeredAt = (n: number) => {
      const reg = d.story.filter((e) => e.type === 'registered' && e.netuid === n && e.block < p.block).pop();
      return reg ? reg.block : -Infinity;
    };
    const others = rows.filter((r) => r[1] !== p.netuid);
    const immune = others.filter((r) => p.block - registeredAt(r[1]) < d.immunity);
    const own = rows.find((r) => r[1] === p.netuid);
    answer.push(`At block ${p.block.toLocaleString('en-US')} ${p.name} was pruned to make room for a new subnet${own ? `: its EMA price was ${own[3].toPrecision(3)} τ/α, the lowest of the subnets past their immunity` : ''}.`);
    if (own) {
      const bigger = others.filter((r) => r[6] < own[6]).map((r) => d.names[r[1]] ?? `SN${r[1]}`);
      if (bigger.length > 0) answer.push(`Not the smallest pool: ${bigger.join(', ')} had less TAO. Pruning reads the EMA price, not pool size or flow.`);
    }
    if (immune.length > 0) answer.push(`${immune.map((r) => d.names[r[1]] ?? `SN${r[1]}`).join(', ')} could not be pruned: still immune (registered less than ${d.immunity.toLocaleString('en-US')} blocks before).`);
    answer.push(`Its stakers were paid ${tau(p.refunded)} out of its pool, pro rata to the alpha they held.`);
  }
  return { topic: 'pruning', question, answer, chart: { title: 'EMA price by subnet (τ/α): pruning removes the lowest', unit: 'τ/α', kind: 'line', ...chartOf(d.series, netuids, (r) => r[3], d.names), marks } };
}

function clipping(d: DebriefInput): DebriefPage {
  const question = 'Whose weights did Yuma clip, and what did it cost them?';
  const vs = [...d.validators].sort((a, b) => a.trust - b.trust);
  const clipped = vs.filter((v) => v.trust < 0.95 && v.stakeShare > 0);
  const answer: string[] = [];
  if (clipped.length === 0) answer.push('No validator lost weight to clipping at the last epoch: their weights agreed with the stake-weighted consensus.');
  for (const v of clipped.slice(0, 4)) {
    const lost = Math.max(0, v.stakeShare - v.dividendShare) * v.subnetDividends;
    answer.push(`${v.name}${v.bot ? ' (bot)' : ''} on ${d.names[v.netuid] ?? `SN${v.netuid}`}: ${pct(1 - v.trust)} of its weight was clipped away; it holds ${pct(v.stakeShare)} of the validators' stake but earned ${pct(v.dividendShare)} of the dividends${lost > 0 ? ` — about ${tau(lost)} less an epoch` : ''}.`);
  }
  answer.push('Yuma clips each weight down to what validators holding most of the stake agree on; bonds, and so dividends, grow only on the part that survives.');
  return { topic: 'clipping', question, answer, chart: { title: 'Weight kept after clipping (validator trust) at the last epoch', unit: '%', kind: 'bars', x: [], series: vs.map((v) => ({ label: `${v.name}${v.bot ? ' (bot)' : ''}`, netuid: v.netuid, values: [v.trust * 100] })), marks: [] } };
}

function income(d: DebriefInput): DebriefPage {
  const question = 'Who earned from emission, and who from the alpha price?';
  const by = ROLES.map((role) => {
    const ps = d.players.filter((p) => p.role === role);
    return { role, n: ps.length, income: ps.reduce((s, p) => s + p.emissionIncome, 0), gains: ps.reduce((s, p) => s + p.priceGains, 0) };
  }).filter((r) => r.n > 0);
  const answer = by.map((r) => `${r.role}s (${r.n}): ${signedTau(r.income)} from emission, ${signedTau(r.gains)} from price moves.`);
  answer.push('Two independent ways to make money: emission paid in alpha at each epoch, and the alpha’s TAO price when you sell. Net worth is at liquidation value: what selling everything now would pay, slippage included.');
  return { topic: 'income', question, answer, chart: { title: 'Emission income against price gains, by role (τ)', unit: 'τ', kind: 'bars', x: [], series: by.flatMap((r) => [{ label: `${r.role}: emission`, values: [r.income] }, { label: `${r.role}: price`, values: [r.gains] }]), marks: [] } };
}

function story(d: DebriefInput, pages: DebriefPage[]): string[] {
  const ranked = [...d.players].sort((a, b) => b.change - a.change);
  const lines: string[] = [];
  const top = ranked[0];
  if (top) lines.push(`${top.name}${top.bot ? ' (a bot)' : ''} finished first as ${/^[aeiou]/.test(top.role) ? 'an' : 'a'} ${top.role}, ${signedTau(top.change)}.`);
  const person = ranked.find((p) => !p.bot);
  if (person && person !== top) lines.push(`The best-placed person: ${person.name} (${person.role}), ${signedTau(person.change)}.`);
  for (const topic of ['flywheel', 'halving', 'pruning'] as const) {
    const first = pages.find((p) => p.topic === topic)?.answer[0];
    if (first) lines.push(first);
  }
  const shock = d.story.find((e) => e.type === 'event' && e.event === 'market_shock');
  if (shock) {
    const worth = (block: number) => {
      let total = 0;
      const seen = new Map<number, number>();
      for (const r of d.series.worth) if (r[0] <= block) seen.set(r[1], r[2]);
      for (const v of seen.values()) total += v;
      return total;
    };
    const before = worth(shock.block - 1);
    const after = worth(shock.block + 300);
    if (before > 0) lines.push(`The market shock at block ${shock.block.toLocaleString('en-US')} moved the room's total net worth by ${pct(after / before - 1)} over the next minute.`);
  }
  return lines;
}

export function debrief(d: DebriefInput): Debrief {
  const all = tracks(d.series);
  const pages = [flywheel(d, all), halving(d), pruning(d, all), clipping(d), income(d)];
  return { block: d.block, pages, story: story(d, pages) };
}
