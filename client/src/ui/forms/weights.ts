// Set weights at any subnet size. Every miner's weight lives in a sheet apart from the sliders,
// so all of them are sent; the screen shows one page of sliders at a time, best first by the
// validator's own reading, with a filter. Rows are rebuilt only when the miners on the page change.
import type { PlayerState } from '../../../../shared/protocol/schema.ts';
import type { ObservationsView, SubnetDetailView } from '../../../../shared/protocol/index.ts';
import { valuesOf } from '../../lib/arena.ts';
import { fillFromObservations, filterMiners, type MinerLine, type MinerOrder, observedQuality, orderMiners, pageOf, sheetWeight, weightVectors } from '../../lib/weights.ts';
import { percent } from '../../lib/format.ts';
import type { Connection } from '../../net/connection.ts';
import { type ActionForm, actionForm } from '../action_form.ts';
import type { PlayData } from '../play_data.ts';
import { h, setText } from '../dom.ts';

/** Sliders on screen at once: a phone scrolls one page, not 256 rows. */
export const WEIGHTS_PAGE_SIZE = 16;

interface Row {
  slider: HTMLInputElement;
  value: HTMLElement;
  observed: HTMLElement;
  consensus: HTMLElement;
}

export function weightsForm(conn: Connection, data: () => PlayData): { form: ActionForm; refresh(): void } {
  /** The player's edits since the chain last stored a row for them. */
  const weights = new Map<number, number>();
  /** The row the chain holds for this validator (0..1 of its largest); empty before its first weights. */
  let stored = new Map<number, number>();
  let storedKey = '';
  /** The miners of the validator's subnet as last seen (kept while the map shows another subnet). */
  let miners = new Map<number, MinerLine>();
  /** The subnet those miners are in: a lost UID (its subnet pruned, or replaced) must not leave them listed. */
  let minersOf: number | null = null;
  let observed = new Map<number, number>();
  let permit: boolean | null = null;
  let seenDetail: SubnetDetailView | null = null;
  let seenObservations: ObservationsView | null = null;
  /** UIDs in screen order (sorted, filtered); re-sorted when the data changed and nobody is mid-edit. */
  let order: number[] = [];
  let stale = true;
  let page = 0;
  let shownKey = '';
  const rows = new Map<number, Row>();

  const mySubnet = () => data().wallet?.neurons[0]?.netuid ?? null;
  const sort = h(
    'select',
    { testid: 'weights-sort', 'aria-label': 'Order miners', onchange: () => ((page = 0), reorder()) },
    h('option', { value: 'observed' }, 'Best observed'),
    h('option', { value: 'consensus' }, 'Top consensus'),
    h('option', { value: 'uid' }, 'By UID'),
  );
  const filter = h('input', { type: 'search', testid: 'weights-filter', placeholder: 'Filter: UID or player', autocomplete: 'off', 'aria-label': 'Filter miners', oninput: () => ((page = 0), reorder()) });
  // Enter in the filter narrows the list; it must not send the weights.
  filter.addEventListener('keydown', (e) => e.key === 'Enter' && e.preventDefault());
  const list = h('div', { class: 'weights', testid: 'weights' });
  list.addEventListener('input', (e) => {
    const slider = e.target as HTMLInputElement;
    const uid = Number(slider.dataset.uid);
    weights.set(uid, Number(slider.value));
    const row = rows.get(uid);
    if (row) setText(row.value, Number(slider.value).toFixed(2));
  });
  const where = h('span', { class: 'grow pager-text', testid: 'weights-page' });
  const turn = (step: number) => ((page += step), draw());
  const prev = h('button', { type: 'button', testid: 'weights-prev', 'aria-label': 'Previous page', onclick: () => turn(-1) }, '‹');
  const next = h('button', { type: 'button', testid: 'weights-next', 'aria-label': 'Next page', onclick: () => turn(1) }, '›');
  const useObservations = h(
    'button',
    {
      type: 'button',
      testid: 'use-observations',
      onclick: () => {
        fillFromObservations(weights, [...miners.keys()], observed);
        // The weights are the readings now: list them in the readings' order.
        if (sort.value === 'observed') reorder();
        else draw();
        form.refresh();
      },
    },
    'Use my observations',
  );

  // What a slider shows is what is sent.
  const weightOf = (uid: number) => sheetWeight(uid, weights, stored);

  function reorder(): void {
    order = filterMiners(orderMiners([...miners.values()], sort.value as MinerOrder, observed), filter.value).map((m) => m.uid);
    stale = false;
    draw();
  }

  function draw(): void {
    const p = pageOf(order, page, WEIGHTS_PAGE_SIZE);
    page = p.page;
    setText(where, p.total ? `${p.from}–${p.to} of ${p.total}` : miners.size ? 'no miner matches' : 'no miners yet');
    prev.disabled = p.page === 0;
    next.disabled = p.page >= p.pages - 1;
    const key = p.items.join(',');
    if (key !== shownKey) {
      shownKey = key;
      rows.clear();
      list.replaceChildren(...p.items.map((uid) => rowFor(uid)));
    }
    for (const [uid, row] of rows) {
      const m = miners.get(uid);
      const w = weightOf(uid);
      // The one being dragged keeps its place under the finger.
      if (row.slider !== document.activeElement && Number(row.slider.value) !== Math.round(w * 100) / 100) row.slider.value = String(w);
      setText(row.value, w.toFixed(2));
      const q = observed.get(uid);
      setText(row.observed, q === undefined ? 'obs —' : `obs ${q.toFixed(2)}`);
      setText(row.consensus, m ? `cons. ${m.consensus.toFixed(2)}` : 'gone');
    }
  }

  function rowFor(uid: number): HTMLElement {
    const slider = h('input', { type: 'range', min: '0', max: '1', step: '0.01', value: String(weightOf(uid)), 'aria-label': `Weight of UID ${uid}` });
    slider.dataset.uid = String(uid);
    const row: Row = { slider, value: h('span', { class: 'num' }), observed: h('span', {}), consensus: h('span', {}) };
    rows.set(uid, row);
    const who = miners.get(uid)?.who;
    const el = h('div', { class: 'weight-row' }, h('span', { class: 'uid' }, `UID ${uid}`, who ? h('small', {}, who) : null), slider, row.value, h('span', { class: 'facts num' }, row.observed, row.consensus));
    el.dataset.uid = String(uid);
    return el;
  }

  const form = actionForm(conn, {
    key: 'weights',
    title: 'Set weights',
    help: 'Score every miner of your subnet; all of them are sent, and the chain keeps them scaled so the largest is 1. Yuma clips weight above the stake-weighted consensus: a score far from the others earns you nothing.',
    fields: [h('div', { class: 'row' }, useObservations, sort), filter, list, h('div', { class: 'row pager' }, prev, where, next)],
    submitLabel: 'Set weights',
    preview: () => {
      const n = mySubnet();
      if (n === null) return 'Register a UID first.';
      if (!miners.size) return `Select SN${n} on the map to see its miners.`;
      const sent = weightVectors([...miners.keys()], weightOf);
      const zero = sent.weights.filter((w) => w === 0).length;
      const count = sent.uids.length === miners.size ? `all ${miners.size}` : `${sent.uids.length} of ${miners.size}`;
      const trust = data().wallet?.neurons.find((x) => x.netuid === n)?.trust;
      const kept = trust === undefined ? '' : ` · last epoch ${percent(trust, 0)} of your weight counted${trust < 0.995 ? ' (Yuma clipped the rest)' : ''}`;
      return `Sends a weight for ${count} miners${zero ? ` (${zero} at 0)` : ''}${permit === false ? ' · no validator permit yet: it comes at the epoch after your self-stake' : kept}`;
    },
    build: () => {
      const n = mySubnet();
      if (n === null) return 'Register a UID first.';
      if (!miners.size) return `Select SN${n} on the map to load its miners.`;
      return ['set_weights', { netuid: n, ...weightVectors([...miners.keys()], weightOf) }];
    },
  });

  return {
    form,
    refresh() {
      const d = data();
      const n = mySubnet();
      if (n !== minersOf && miners.size) {
        miners = new Map();
        seenDetail = null;
        stale = true;
      }
      minersOf = n;
      if (n === null) return void (stale && reorder());
      let changed = false;
      if (d.detail && d.detail !== seenDetail && d.detail.netuid === n) {
        seenDetail = d.detail;
        // Any UID but one's own may be weighted (permits follow stake, so they do not tell miners apart).
        const mine = d.wallet?.neurons.find((x) => x.netuid === n)?.uid;
        const names = new Map(valuesOf<PlayerState>(d.state?.players).map((p) => [p.id, p.name]));
        miners = new Map(d.detail.neurons.filter((r) => r.uid !== mine).map((r) => [r.uid, { uid: r.uid, consensus: r.consensus, who: r.owner ? (names.get(r.owner) ?? '') : '' }]));
        permit = d.detail.neurons.find((r) => r.uid === mine)?.validatorPermit ?? null;
        changed = true;
      }
      // A new stored row (the player's own weights, applied): the sliders show it, edits start over.
      const row = d.wallet?.neurons.find((x) => x.netuid === n)?.weights;
      const key = row ? `${row.uids.join(',')}|${row.values.join(',')}` : '';
      if (key !== storedKey) {
        storedKey = key;
        stored = new Map(row ? row.uids.map((uid, k) => [uid, row.values[k]]) : []);
        weights.clear();
        changed = true;
      }
      if (d.observations !== seenObservations) {
        seenObservations = d.observations;
        observed = observedQuality(d.observations, n);
        changed = true;
      }
      stale ||= changed;
      // Nothing moves under someone working in the form; the new order comes when they leave it.
      if (stale && !form.root.contains(document.activeElement)) reorder();
      else if (changed) draw();
    },
  };
}
