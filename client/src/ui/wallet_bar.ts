// The player's wallet at a glance: free TAO, positions, net worth at liquidation value, PnL split
// into the seed's two ways to make money (emission income and alpha price gains).
import type { WalletView } from '../../../shared/protocol/index.ts';
import { signed, taoText } from '../lib/format.ts';
import { h, setText } from './dom.ts';

export function walletBar(): { root: HTMLElement; update(w: WalletView | null): void } {
  const stat = (label: string, testid: string) => {
    const value = h('span', { testid }, '—');
    return { el: h('div', { class: 'stat' }, h('span', {}, label), value), value };
  };
  const balance = stat('Free TAO', 'wallet-balance');
  const positions = stat('Positions', 'wallet-positions');
  const worth = stat('Net worth', 'wallet-networth');
  const change = stat('PnL', 'wallet-change');
  const income = stat('Emission income', 'wallet-income');
  const gains = stat('Price gains', 'wallet-gains');
  return {
    root: h('div', { class: 'panel wallet', testid: 'wallet' }, balance.el, positions.el, worth.el, change.el, income.el, gains.el),
    update(w) {
      if (!w) return;
      setText(balance.value, taoText(w.balance));
      const held = w.positions.filter((p) => Number(p.alpha) > 0);
      setText(positions.value, held.length ? held.map((p) => `SN${p.netuid} ${taoText(p.value)}`).join(' · ') : 'none');
      positions.value.dataset.count = String(held.length);
      setText(worth.value, taoText(w.netWorth));
      setText(change.value, signed(w.change));
      change.value.className = Number(w.change) >= 0 ? 'good' : 'bad';
      setText(income.value, taoText(w.emissionIncome));
      setText(gains.value, signed(w.priceGains));
    },
  };
}
