// Register a subnet: the owner pays the network lock (refunded if the subnet is pruned).
import { taoText } from '../../lib/format.ts';
import { firstOf, spendCheck, subnetOpensCheck } from '../../lib/preflight.ts';
import { refusalWords } from '../../lib/refusal_words.ts';
import { actionForm } from '../action_form.ts';
import { h } from '../dom.ts';
import type { FormContext, RoleForm } from './context.ts';

export function registerSubnetForm(ctx: FormContext): RoleForm {
  const name = h('input', { testid: 'register-subnet-name', maxLength: 32, placeholder: 'subnet name' });
  const product = h('input', { maxLength: 48, placeholder: 'what its miners produce' });
  const form = actionForm(ctx.conn, {
    key: 'register-subnet',
    title: 'Register a subnet',
    help: 'Pays the network lock (back to you if the subnet is pruned); the lock doubles with each registration and decays over time.',
    fields: [h('label', {}, 'Name', name), h('label', {}, 'Product', product)],
    submitLabel: 'Register subnet',
    preview: () => {
      const st = ctx.data().state;
      if (!st) return '';
      const subnets = ctx.subnets();
      const full = subnets.length >= st.subnetLimit;
      const prunable = subnets.find((s) => s.pruneCandidate);
      const facts = `lock ${taoText(st.lockCost)} · ${subnets.length}/${st.subnetLimit} slots used${full && prunable ? ` · would prune SN${prunable.netuid}` : ''}`;
      const foreseen = firstOf(subnetOpensCheck(st.clock.block, st.subnetOpensAt), spendCheck('register_subnet', ctx.balance(), st.lockCost), full && !prunable ? { code: 'SUBNET_LIMIT_REACHED', message: '', action: 'register_subnet' } : null);
      return foreseen ? { warn: `${refusalWords(foreseen)} (${facts})` } : `${facts} · possible now`;
    },
    build: () => ['register_subnet', { ...(name.value.trim() ? { name: name.value.trim() } : {}), ...(product.value.trim() ? { product: product.value.trim() } : {}) }],
  });
  return { form };
}
