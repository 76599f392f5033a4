// Effort: the miner's compute spend each tempo, which sets its hidden quality and its bill.
import { percent } from '../../lib/format.ts';
import { actionForm } from '../action_form.ts';
import { h } from '../dom.ts';
import type { FormContext, RoleForm } from './context.ts';

export function effortForm(ctx: FormContext): RoleForm {
  const effort = h('input', { type: 'range', min: '0', max: '1', step: '0.05', value: '0.5', testid: 'effort' });
  const form = actionForm(ctx.conn, {
    key: 'effort',
    title: 'Effort',
    help: 'Compute spend each tempo: more effort, higher hidden quality, more incentive — and a bigger bill.',
    fields: [effort],
    submitLabel: 'Set effort',
    preview: () => `effort ${percent(Number(effort.value), 0)} (now ${percent(ctx.data().wallet?.neurons[0]?.effort ?? 0, 0)})`,
    build: () => ['set_effort', { effort: Number(effort.value) }],
  });
  return { form };
}
