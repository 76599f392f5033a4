// Take: the share of nominators' dividends a validator keeps.
import { percent } from '../../lib/format.ts';
import { actionForm } from '../action_form.ts';
import { h } from '../dom.ts';
import type { FormContext, RoleForm } from './context.ts';

export function takeForm(ctx: FormContext): RoleForm {
  const take = h('input', { type: 'range', min: '0', max: '0.18', step: '0.01', value: '0.18', testid: 'take' });
  const form = actionForm(ctx.conn, {
    key: 'take',
    title: 'Take',
    help: 'The share of your nominators’ dividends you keep. Lower take draws stake; stake earns dividends.',
    fields: [take],
    submitLabel: 'Set take',
    preview: () => `take ${percent(Number(take.value), 0)} (now ${percent(ctx.data().wallet?.take ?? 0, 0)})`,
    build: () => ['set_take', { take: Number(take.value) }],
  });
  return { form };
}
