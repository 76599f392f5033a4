// Buy back: the owner's TAO into its own subnet's pool, the net inflow Taoflow rewards.
import { firstOf, minimumCheck, spendCheck } from '../../lib/preflight.ts';
import { stakePreview } from '../../lib/preview.ts';
import { actionForm } from '../action_form.ts';
import { h } from '../dom.ts';
import { type FormContext, poolLine, type RoleForm, unless } from './context.ts';
import { ownedPicker } from './owned_picker.ts';

export function buyBackForm(ctx: FormContext): RoleForm {
  const which = ownedPicker(ctx, 'buyback-subnet');
  const amount = h('input', { testid: 'buyback-amount', inputMode: 'decimal', placeholder: 'TAO' });
  const form = actionForm(ctx.conn, {
    key: 'buyback',
    title: 'Buy back',
    help: 'Spend TAO buying your subnet’s alpha: net inflow raises its Taoflow share of emission (the flywheel).',
    fields: [which.label, h('label', {}, 'Amount (τ)', amount)],
    submitLabel: 'Buy back',
    preview: () => {
      const s = which.owned();
      if (!s) return 'You own no subnet yet.';
      if (!amount.value) return `SN${s.netuid} net flow ${s.flowEma >= 0 ? '+' : ''}${s.flowEma.toFixed(3)} τ/block`;
      const line = poolLine(stakePreview(s, amount.value, ctx.limits()), 'α');
      return unless(firstOf(minimumCheck('buy_back', amount.value), spendCheck('buy_back', ctx.balance(), amount.value)), () => (typeof line === 'string' ? `SN${s.netuid}: ${line}` : line));
    },
    build: () => {
      const s = which.owned();
      return s ? ['buy_back', { amount: amount.value.trim(), netuid: s.netuid }] : 'You own no subnet yet.';
    },
  });
  return { form, refresh: which.refresh };
}
