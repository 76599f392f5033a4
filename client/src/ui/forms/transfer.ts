// Transfer: free TAO to another player, chosen by name, never by a raw id.
import { transferRecipients } from '../../lib/arena.ts';
import { taoText } from '../../lib/format.ts';
import { spendCheck } from '../../lib/preflight.ts';
import { actionForm, liveSelect } from '../action_form.ts';
import { h } from '../dom.ts';
import { type FormContext, type RoleForm, unless } from './context.ts';

export function transferForm(ctx: FormContext): RoleForm {
  const recipient = liveSelect('transfer-to');
  const amount = h('input', { testid: 'transfer-amount', inputMode: 'decimal', placeholder: 'TAO', autocomplete: 'off' });
  const recipientName = () => ctx.nameOf(recipient.el.value) ?? '';
  const form = actionForm(ctx.conn, {
    key: 'transfer',
    title: 'Transfer',
    help: 'Give free TAO to another player: a deal, a loan, a bribe — the chain does not ask.',
    fields: [h('label', {}, 'To', recipient.el), h('label', {}, 'Amount (τ)', amount)],
    submitLabel: 'Transfer',
    preview: () => {
      const free = ctx.balance();
      if (!amount.value || free === undefined) return '';
      return unless(spendCheck('transfer', free, amount.value), () => `${recipientName() || 'nobody'} receives ${taoText(amount.value.trim())} · you keep ${taoText(Number(free) - Number(amount.value))}`);
    },
    build: () => (recipient.el.value ? ['transfer', { to: recipient.el.value, amount: amount.value.trim() }] : 'No other player to send to yet.'),
  });
  return { form, refresh: () => recipient.setOptions(transferRecipients(ctx.data().state?.players, ctx.conn.welcome?.playerId ?? null)) };
}
