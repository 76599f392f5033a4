// The business around the chain: what an epoch pays players (valued as emission income), a
// subnet's product revenue, miners' compute bills, and miners' quality following their effort.
import type { ChainEvent, Netuid, Rao } from '../engine/index.ts';
import { mulRatio, spotPrice } from '../engine/index.ts';
import { incumbentBuyback } from './incumbents.ts';
import { parsePosition, sellInTurn } from './liquidation.ts';
import { driftQuality, productQuality, targetQuality } from './quality.ts';
import { recordEpoch } from './series.ts';
import type { Player } from './state.ts';
import type { GameEvent } from './types.ts';
import type { World } from './world.ts';

/** Each player's alpha in the given subnets (those whose epoch comes next block), to measure what the epoch paid them. */
export function stakesIn(w: World, due: Set<number>): Map<Player, Map<string, Rao>> {
  const out = new Map<Player, Map<string, Rao>>();
  if (due.size === 0) return out;
  for (const p of w.g.players) {
    for (const key of p.positions) {
      const pos = parsePosition(key);
      if (!due.has(pos.netuid)) continue;
      let m = out.get(p);
      if (!m) out.set(p, (m = new Map()));
      m.set(key, w.chain.stake(p.coldkey, pos.hotkey, pos.netuid));
    }
  }
  return out;
}

/**
 * Alpha an epoch added to a player's positions is emission income, valued at what it adds to the
 * liquidation value now (selling with it minus selling without it, in the same pool), so emission
 * income and price gains add up to the change in net worth.
 */
export function creditEmissionIncome(w: World, before: Map<Player, Map<string, Rao>>): void {
  const limits = w.chain.state.params;
  for (const [p, stakes] of before) {
    const bySubnet = new Map<number, { was: Rao[]; now: Rao[] }>();
    for (const [key, was] of stakes) {
      const pos = parsePosition(key);
      const now = w.chain.stake(p.coldkey, pos.hotkey, pos.netuid);
      let entry = bySubnet.get(pos.netuid);
      if (!entry) bySubnet.set(pos.netuid, (entry = { was: [], now: [] }));
      entry.was.push(was);
      entry.now.push(now);
    }
    for (const [netuid, { was, now }] of bySubnet) {
      const s = w.chain.subnet(netuid as Netuid);
      if (!s || now.every((x, i) => x === was[i])) continue;
      const gained = sellInTurn(s, now, limits) - sellInTurn(s, was, limits);
      if (gained > 0n) p.emissionIncome += gained;
    }
  }
}

/** At a subnet's epoch: its product's revenue to the owner, its miners' compute bills, incumbent buybacks. */
export function afterEpoch(w: World, e: Extract<ChainEvent, { type: 'epoch' }>): GameEvent[] {
  const chain = w.chain;
  const s = chain.subnet(e.netuid)!;
  const econ = w.g.scenario.game.economy;
  const events: GameEvent[] = [];
  const quality = productQuality(s, w.qualities.of(s));
  const revenue = mulRatio(econ.revenuePerTempo, Math.max(0, Math.min(1, quality)));
  let paid = 0n;
  if (revenue > 0n && chain.state.balances.has(s.owner) && chain.apply({ type: 'credit', coldkey: s.owner, amount: revenue }).ok) {
    paid = revenue;
    const owner = w.g.players.find((p) => p.coldkey === s.owner);
    if (owner) owner.business += revenue;
    events.push({ type: 'revenue', block: chain.block, netuid: s.netuid, amount: revenue, quality });
  }
  for (const p of w.g.players) {
    if (p.role !== 'miner' || p.home !== s.netuid || !s.neurons.some((n) => n.hotkey === p.hotkey)) continue;
    const balance = chain.balance(p.coldkey);
    // A miner who cannot pay for its effort works less: the most its balance pays for, to the cent.
    if (mulRatio(econ.computeCostPerTempo, p.effort) > balance) p.effort = econ.computeCostPerTempo > 0n ? Math.floor((Number(balance) / Number(econ.computeCostPerTempo)) * 100) / 100 : p.effort;
    const cost = mulRatio(econ.computeCostPerTempo, p.effort);
    if (cost > 0n && chain.apply({ type: 'debit', coldkey: p.coldkey, amount: cost }).ok) {
      p.business -= cost;
      events.push({ type: 'compute_paid', block: chain.block, player: p.id, amount: cost });
    }
  }
  w.g.epochPrices[s.netuid] = spotPrice(s);
  const inc = w.g.incumbents.find((x) => x.netuid === s.netuid && x.owner === s.owner);
  if (inc) incumbentBuyback(w, inc, s);
  recordEpoch(w.g.series, chain, { netuid: s.netuid, distributed: e.distributed, ownerCut: e.ownerCut, incentive: e.incentive, dividends: e.dividends, burned: e.burned, ownerBurned: e.ownerBurned, revenue: paid, productQuality: quality });
  return events;
}

/** Miners' hidden quality moves toward what their talent and effort buy. */
export function driftMiners(w: World): void {
  const half = w.g.scenario.game.economy.qualityHalfLifeBlocks;
  for (const p of w.g.players) if (p.role === 'miner') p.quality = driftQuality(p.quality, targetQuality(p.talent, p.effort), half);
}
