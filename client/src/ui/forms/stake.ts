// Stake: TAO into a subnet, behind a validator the player picks (default: the subnet owner's hotkey).
import { firstOf, minimumCheck, spendCheck } from '../../lib/preflight.ts';
import { stakePreview } from '../../lib/preview.ts';
import { choiceLabel, validatorChoices } from '../../lib/validators.ts';
import { actionForm, liveSelect } from '../action_form.ts';
import { h, setText } from '../dom.ts';
import { type FormContext, poolLine, type RoleForm, unless } from './context.ts';

export function stakeForm(ctx: FormContext): RoleForm {
  const net = liveSelect('stake-subnet');
  net.el.addEventListener('change', () => ctx.watch(Number(net.el.value)));
  const behind = liveSelect('stake-validator');
  const amount = h('input', { testid: 'stake-amount', inputMode: 'decimal', placeholder: 'TAO', autocomplete: 'off' });
  const choicesNote = h('p', { class: 'help', testid: 'stake-validators-note' });
  const form = actionForm(ctx.conn, {
    key: 'stake',
    title: 'Stake',
    help: 'TAO into a subnet’s pool: you receive its alpha, held behind a validator whose dividends you share.',
    fields: [h('label', {}, 'Subnet', net.el), h('label', {}, 'Behind validator', behind.el), choicesNote, h('label', {}, 'Amount (τ)', amount)],
    submitLabel: 'Stake',
    preview: () => {
      const s = ctx.subnet(Number(net.el.value));
      if (!s || !amount.value) return '';
      return unless(firstOf(minimumCheck('stake', amount.value), spendCheck('stake', ctx.balance(), amount.value)), () => poolLine(stakePreview(s, amount.value, ctx.limits()), 'α'));
    },
    build: () => (net.el.value ? ['stake', { netuid: Number(net.el.value), amount: amount.value.trim(), ...(behind.el.value ? { hotkey: behind.el.value } : {}) }] : 'Pick a subnet.'),
  });
  return {
    form,
    subnetPickers: [net],
    refresh() {
      const d = ctx.data().detail;
      const n = Number(net.el.value);
      const list = d && d.netuid === n ? validatorChoices(d, ctx.nameOf) : [];
      behind.setOptions([['', 'the subnet owner (default)'], ...list.map((v): [string, string] => [v.hotkey, choiceLabel(v)])]);
      setText(choicesNote, d && d.netuid === n ? (list.length ? 'Listed best last-epoch yield first: dividends per α after the validator’s take.' : 'No validator with a permit and stake yet.') : 'Loading this subnet’s validators…');
    },
  };
}
