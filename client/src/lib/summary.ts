// A player's own end of game: where they finished, what their net worth is made of, and a few
// lines of why, worked out from their holdings and the game's recorded history (their net worth
// over time, the prices of the subnets they held).
import type { SeriesView, WalletView } from '../../../shared/protocol/index.ts';
import { percent, signed, taoText } from './format.ts';

export interface Summary {
  /** Net worth and its parts: start + emission income + price gains + locks & bills. */
  parts: [string, string][];
  why: string[];
}

type Wallet = Pick<WalletView, 'netWorth' | 'change' | 'emissionIncome' | 'priceGains' | 'business' | 'positions' | 'balance'>;

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.abs(part) / whole);

function partsLine(w: Wallet): string {
  const parts: [string, number][] = [
    ['emission income', Number(w.emissionIncome)],
    ['price moves', Number(w.priceGains)],
    ['locks, burns and bills', Number(w.business)],
  ];
  const total = parts.reduce((a, [, v]) => a + Math.abs(v), 0);
  const [name, value] = parts.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
  if (total === 0) return 'Your net worth did not move: nothing you held earned or changed price.';
  return `${percent(share(value, total), 0)} of what moved your net worth was ${name} (${signed(value)}).`;
}

function priceLine(w: Wallet, series: SeriesView | null): string | null {
  if (!series) return null;
  const held = w.positions.filter((p) => p.netuid !== 0 && Number(p.value) > 0).sort((a, b) => Number(b.value) - Number(a.value))[0];
  const prices = held && series.subnets[String(held.netuid)]?.price.filter((x) => x > 0);
  if (!held || !prices || prices.length < 2) return null;
  const move = prices[prices.length - 1] / prices[0] - 1;
  return `Your largest position, SN${held.netuid} (${taoText(held.value)}), saw its price ${move >= 0 ? 'rise' : 'fall'} ${percent(Math.abs(move), 0)} over the game.`;
}

function peakLine(me: string, series: SeriesView | null): string | null {
  // Blocks before the player joined carry no figure.
  const worth = (series?.netWorth[me] ?? []).map((v, i) => ({ v, block: series!.block[i] })).filter((x) => Number.isFinite(x.v) && x.v !== null);
  if (worth.length < 2) return null;
  const peak = worth.reduce((a, b) => (b.v > a.v ? b : a));
  const end = worth[worth.length - 1].v;
  if (peak.v - end < 0.01) return `You ended at your peak: ${taoText(end)}.`;
  return `Your net worth peaked at ${taoText(peak.v)} at block ${peak.block.toLocaleString('en-US')}; you ended ${taoText(peak.v - end)} below it.`;
}

function roleLine(role: string, w: Wallet): string {
  const business = Number(w.business);
  const income = Number(w.emissionIncome);
  switch (role) {
    case 'owner':
      return `Locks, burns and bills came to ${signed(business)}: a subnet’s lock counts as spent and comes back only if the subnet is pruned.`;
    case 'miner':
      return business < 0 ? `Compute bills and burns cost ${taoText(-business)}; your emission income ${income >= -business ? `covered them ${(income / -business).toFixed(1)}×` : 'did not cover them'}.` : 'You spent nothing on compute: your quality (and incentive) stayed low.';
    case 'validator':
      return `Dividends from setting weights and the stake behind you brought ${signed(income)}; weights far from the consensus earn nothing.`;
    default: {
      const idle = Number(w.balance) / Math.max(Number(w.netWorth), 1e-9);
      return `${percent(idle, 0)} of your net worth sat as free TAO at the end, earning nothing.`;
    }
  }
}

export function personalSummary(me: string, role: string, w: Wallet, series: SeriesView | null): Summary {
  const start = Number(w.netWorth) - Number(w.change);
  const parts: [string, string][] = [
    ['Started with', taoText(start)],
    ['Emission income', signed(w.emissionIncome)],
    ['Price gains', signed(w.priceGains)],
    ['Locks, burns & bills', signed(w.business)],
    ['Net worth now', taoText(w.netWorth)],
  ];
  const why = [partsLine(w), priceLine(w, series), peakLine(me, series), roleLine(role, w)].filter((x): x is string => x !== null);
  return { parts, why };
}
