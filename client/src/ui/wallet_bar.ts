// The player's wallet and score at a glance: the score each role can win (return on the starting
// net worth, rank within the role, rank overall), free TAO, positions, and the change split into
// emission income, price gains and the business line (locks, burns, bills) so the parts add up.
import type { WalletView } from '../../../shared/protocol/index.ts';
import { signed, taoText } from '../lib/format.ts';
import { rankText, returnText, roleRankText, type Standing } from '../lib/standing.ts';
import { h, setText } from './dom.ts';

export function walletBar(): { root: HTMLElement; update(w: WalletView | null, s: Standing | null): void } {
  /** `kind`: 'minor' repeats what the return says (hidden on phones); 'part' is a part of the change. */
  const stat = (label: string, testid: string, kind = '') => {
    const value = h('span', { testid }, '—');
    return { el: h('div', { class: `stat ${kind}` }, h('span', {}, label), value), value };
  };
  const ret = stat('Return', 'wallet-return');
  const roleRank = stat('Rank in role', 'wallet-role-rank');
  const rank = stat('Overall', 'wallet-rank');
  const balance = stat('Free TAO', 'wallet-balance');
  const positions = stat('Positions', 'wallet-positions');
  const worth = stat('Net worth', 'wallet-networth');
  const change = stat('PnL', 'wallet-change', 'minor');
  const income = stat('Emission income', 'wallet-income', 'part');
  const gains = stat('Price gains', 'wallet-gains', 'part');
  const business = stat('Locks & bills', 'wallet-business', 'part');
  const tone = (el: HTMLElement, n: number) => (el.className = n > 0 ? 'good' : n < 0 ? 'bad' : '');
  return {
    root: h('div', { class: 'panel wallet', testid: 'wallet' }, ret.el, roleRank.el, rank.el, worth.el, balance.el, positions.el, change.el, income.el, gains.el, business.el),
    update(w, s) {
      if (s) {
        setText(ret.value, `${returnText(s.returnPct)}`);
        tone(ret.value, s.returnPct);
        setText(roleRank.value, roleRankText(s));
        setText(rank.value, rankText(s));
      }
      if (!w) return;
      setText(balance.value, taoText(w.balance));
      const held = w.positions.filter((p) => Number(p.alpha) > 0);
      setText(positions.value, held.length ? held.map((p) => `SN${p.netuid} ${taoText(p.value)}`).join(' · ') : 'none');
      positions.value.dataset.count = String(held.length);
      setText(worth.value, taoText(w.netWorth));
      setText(change.value, signed(w.change));
      tone(change.value, Number(w.change));
      setText(income.value, signed(w.emissionIncome));
      setText(gains.value, signed(w.priceGains));
      setText(business.value, signed(w.business));
    },
  };
}
