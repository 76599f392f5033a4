// Register a UID: burn TAO for a seat in a subnet (validators and miners).
import { taoText } from '../../lib/format.ts';
import { firstOf, spendCheck } from '../../lib/preflight.ts';
import { refusalWords } from '../../lib/refusal_words.ts';
import { actionForm, liveSelect } from '../action_form.ts';
import { h } from '../dom.ts';
import type { FormContext, RoleForm } from './context.ts';

export function registerNeuronForm(ctx: FormContext): RoleForm {
  const net = liveSelect('register-neuron-subnet');
  const form = actionForm(ctx.conn, {
    key: 'register-neuron',
    title: 'Register a UID',
    help: 'Burn TAO for a UID in a subnet. Your kit already gave you one: a second one is for a second subnet. The burn rises when many register and falls when few do.',
    fields: [h('label', {}, 'Subnet', net.el)],
    submitLabel: 'Register UID',
    preview: () => {
      const s = ctx.subnet(Number(net.el.value));
      const held = ctx.data().wallet?.neurons ?? [];
      const mine = held.map((n) => `SN${n.netuid} UID ${n.uid}`).join(', ');
      if (!s) return '';
      const facts = `burn ${taoText(s.burn)} · ${s.neurons} UIDs${mine ? ` · you hold ${mine}` : ''}`;
      const foreseen = firstOf(held.some((n) => n.netuid === s.netuid) ? { code: 'ALREADY_REGISTERED', message: '', action: 'register_neuron' } : null, spendCheck('register_neuron', ctx.balance(), s.burn));
      return foreseen ? { warn: `${refusalWords(foreseen)} (${facts})` } : facts;
    },
    build: () => ['register_neuron', { netuid: Number(net.el.value) }],
  });
  return { form, subnetPickers: [net] };
}
