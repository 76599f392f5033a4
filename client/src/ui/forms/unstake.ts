// Unstake: sell alpha back to its pool for TAO.
import { taoText } from '../../lib/format.ts';
import { holdingCheck } from '../../lib/preflight.ts';
import { unstakePreview } from '../../lib/preview.ts';
import { actionForm, liveSelect } from '../action_form.ts';
import { h } from '../dom.ts';
import { type FormContext, poolLine, type RoleForm, unless } from './context.ts';

export function unstakeForm(ctx: FormContext): RoleForm {
  const from = liveSelect('unstake-position');
  const amount = h('input', { testid: 'unstake-amount', inputMode: 'decimal', placeholder: 'alpha', autocomplete: 'off' });
  const all = h('button', { type: 'button', onclick: () => (amount.value = ctx.position(from.el.value)?.alpha ?? '') }, 'All');
  const form = actionForm(ctx.conn, {
    key: 'unstake',
    title: 'Unstake',
    help: 'Sell alpha back to the pool for TAO.',
    fields: [h('label', {}, 'Position', from.el), h('div', { class: 'row' }, h('label', { class: 'grow' }, 'Amount (α)', amount), all)],
    submitLabel: 'Unstake',
    preview: () => {
      const p = ctx.position(from.el.value);
      const s = p && ctx.subnet(p.netuid);
      if (!p) return 'You hold no alpha yet: stake first.';
      return s && amount.value ? unless(holdingCheck('unstake', p.alpha, amount.value), () => poolLine(unstakePreview(s, amount.value, ctx.limits()), 'τ')) : `worth ${taoText(p.value)} if sold now`;
    },
    build: () => {
      const p = ctx.position(from.el.value);
      return p ? ['unstake', { netuid: p.netuid, hotkey: p.hotkey, amount: amount.value.trim() }] : 'You hold no alpha yet: stake first.';
    },
  });
  return { form, refresh: () => from.setOptions(ctx.positionOptions()) };
}
