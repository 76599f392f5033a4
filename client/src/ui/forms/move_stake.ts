// Move stake: alpha out of one subnet and into another in one step.
import { holdingCheck } from '../../lib/preflight.ts';
import { movePreview } from '../../lib/preview.ts';
import { actionForm, liveSelect } from '../action_form.ts';
import { h } from '../dom.ts';
import { type FormContext, poolLine, type RoleForm, unless } from './context.ts';

export function moveStakeForm(ctx: FormContext): RoleForm {
  const from = liveSelect('move-from');
  const to = liveSelect('move-to');
  const amount = h('input', { testid: 'move-amount', inputMode: 'decimal', placeholder: 'alpha', autocomplete: 'off' });
  const form = actionForm(ctx.conn, {
    key: 'move',
    title: 'Move stake',
    help: 'Sell alpha in one subnet and buy into another in one step: both pools charge slippage.',
    fields: [h('label', {}, 'From', from.el), h('label', {}, 'To subnet', to.el), h('label', {}, 'Amount (α)', amount)],
    submitLabel: 'Move',
    preview: () => {
      const p = ctx.position(from.el.value);
      const source = p && ctx.subnet(p.netuid);
      const target = ctx.subnet(Number(to.el.value));
      return p && source && target && amount.value ? unless(holdingCheck('move_stake', p.alpha, amount.value), () => poolLine(movePreview(source, target, amount.value, ctx.limits()), 'α')) : '';
    },
    build: () => {
      const p = ctx.position(from.el.value);
      return p ? ['move_stake', { fromNetuid: p.netuid, fromHotkey: p.hotkey, toNetuid: Number(to.el.value), amount: amount.value.trim() }] : 'You hold no alpha yet: stake first.';
    },
  });
  return { form, subnetPickers: [to], refresh: () => from.setOptions(ctx.positionOptions()) };
}
