// A subnet in detail: pool, price chart, flows, emission, registration cost, and its neuron table.
import { blocksUntilEpoch } from '../../../shared/engine/index.ts';
import type { ClockState, SubnetState } from '../../../shared/protocol/schema.ts';
import type { SeriesView, SubnetDetailView } from '../../../shared/protocol/index.ts';
import { amount, percent, subnetTitle, taoText } from '../lib/format.ts';
import { h } from './dom.ts';
import { lineChart } from './line_chart.ts';

/**
 * `nextPrune`: the subnet to be pruned at the next registration, only once every slot is full.
 * The table says VTrust (a validator's trust) and shows it, and each validator's share of the
 * subnet's bonds, only for permit holders: for a miner both mean nothing.
 */
export function subnetPanel(): { root: HTMLElement; update(s: SubnetState | undefined, clock: Pick<ClockState, 'block' | 'tempo'>, detail: SubnetDetailView | null, series: SeriesView | null, nextPrune: number | null): void } {
  const title = h('h3', { testid: 'subnet-title' }, 'Select a subnet on the map');
  const kv = h('dl', { class: 'kv', testid: 'subnet-facts' });
  const price = lineChart('Price', 'subnet-price-chart');
  const flow = lineChart('Net flow EMA', 'subnet-flow-chart');
  price.root.style.height = '120px';
  flow.root.style.height = '120px';
  const body = h('tbody', {});
  const table = h(
    'table',
    { testid: 'neurons' },
    h('thead', {}, h('tr', {}, ...['UID', 'Stake α', 'Incentive', 'Dividends', 'VTrust', 'Bonds'].map((c, i) => h('th', { class: i ? 'num' : '' }, c)))),
    body,
  );
  let tableKey = '';
  return {
    root: h('div', { class: 'stack', testid: 'subnet-panel' }, title, kv, price.root, flow.root, h('h3', {}, 'Neurons'), h('p', { class: 'help' }, 'V: validator permit. Bonds: the validator’s share of the subnet’s bonds.'), h('div', { class: 'scroll-x' }, table)),
    update(s, clock, detail, series, nextPrune) {
      if (!s) return;
      const block = clock.block;
      title.textContent = `${subnetTitle(s.netuid, s.name)}${s.ownerName ? ` · owner ${s.ownerName}` : ''}`;
      const facts: [string, string][] = [
        ['Pool', `${taoText(s.taoIn)} · ${amount(s.alphaIn, 'α')}`],
        ['Price', `${s.price.toFixed(5)} τ/α (EMA ${s.emaPrice.toFixed(5)})`],
        ['Net flow EMA', `${s.flowEma >= 0 ? '▲ +' : '▼ '}${s.flowEma.toFixed(4)} τ/block`],
        ['Emission share', percent(s.emissionShare)],
        ['UID burn', taoText(s.burn)],
        ['UIDs', String(s.neurons)],
        ['Next epoch', `in ${blocksUntilEpoch(block, s.netuid, clock.tempo)} blocks`],
        ['Status', s.netuid === nextPrune ? 'next to be pruned' : block < s.immuneUntil ? `immune ${s.immuneUntil - block} more blocks` : 'exposed to pruning'],
      ];
      kv.replaceChildren(...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
      const col = series?.subnets[String(s.netuid)];
      price.update(col ? [{ label: 'price', values: col.price }] : [], s.price.toFixed(5));
      flow.update(col ? [{ label: 'flow', values: col.flowEma }] : [], s.flowEma.toFixed(3));
      if (detail && detail.netuid === s.netuid) {
        const key = `${detail.block}`;
        if (key === tableKey) return;
        tableKey = key;
        const bonds = detail.neurons.reduce((a, n) => a + (n.validatorPermit ? n.bonds : 0), 0);
        body.replaceChildren(
          ...detail.neurons.map((n) =>
            h(
              'tr',
              {},
              h('td', {}, `${n.uid}${n.validatorPermit ? ' V' : ''}`),
              h('td', { class: 'num' }, amount(n.stake)),
              h('td', { class: 'num' }, n.incentive.toFixed(3)),
              h('td', { class: 'num' }, n.dividends.toFixed(3)),
              h('td', { class: 'num' }, n.validatorPermit ? n.trust.toFixed(3) : '—'),
              h('td', { class: 'num' }, n.validatorPermit && bonds > 0 ? percent(n.bonds / bonds, 0) : '—'),
            ),
          ),
        );
      }
    },
  };
}
