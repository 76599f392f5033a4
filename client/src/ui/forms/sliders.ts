// The two forms that set one number with a slider: a miner's effort and a validator's take.
import { percent } from '../../lib/format.ts';
import { actionForm, type Submission } from '../action_form.ts';
import { h } from '../dom.ts';
import type { FormContext, RoleForm } from './context.ts';

interface Slider {
  key: string;
  title: string;
  help: string;
  submitLabel: string;
  range: { min: number; max: number; step: number; start: number };
  /** What the chain holds now. */
  now(ctx: FormContext): number;
  request(value: number): Submission;
}

function sliderForm(ctx: FormContext, s: Slider): RoleForm {
  const input = h('input', { type: 'range', min: String(s.range.min), max: String(s.range.max), step: String(s.range.step), value: String(s.range.start), testid: s.key });
  const form = actionForm(ctx.conn, {
    key: s.key,
    title: s.title,
    help: s.help,
    fields: [input],
    submitLabel: s.submitLabel,
    preview: () => `${s.key} ${percent(Number(input.value), 0)} (now ${percent(s.now(ctx), 0)})`,
    build: () => s.request(Number(input.value)),
  });
  return { form };
}

export const effortForm = (ctx: FormContext): RoleForm =>
  sliderForm(ctx, {
    key: 'effort',
    title: 'Effort',
    help: 'Compute spend each tempo: more effort, higher hidden quality, more incentive — and a bigger bill.',
    submitLabel: 'Set effort',
    range: { min: 0, max: 1, step: 0.05, start: 0.5 },
    now: (c) => c.data().wallet?.neurons[0]?.effort ?? 0,
    request: (effort) => ['set_effort', { effort }],
  });

export const takeForm = (ctx: FormContext): RoleForm =>
  sliderForm(ctx, {
    key: 'take',
    title: 'Take',
    help: 'The share of your nominators’ dividends you keep. Lower take draws stake; stake earns dividends.',
    submitLabel: 'Set take',
    range: { min: 0, max: 0.18, step: 0.01, start: 0.18 },
    now: (c) => c.data().wallet?.take ?? 0,
    request: (take) => ['set_take', { take }],
  });
