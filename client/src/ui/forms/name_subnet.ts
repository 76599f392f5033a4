// Rename the owner's subnet. Both fields follow the subnet's current name and product until the
// owner edits one; an empty product keeps the current one.
import { actionForm } from '../action_form.ts';
import { h } from '../dom.ts';
import type { FormContext, RoleForm } from './context.ts';
import { ownedPicker } from './owned_picker.ts';

export function nameSubnetForm(ctx: FormContext): RoleForm {
  const which = ownedPicker(ctx, 'name-subnet-subnet');
  const name = h('input', { testid: 'name-subnet-name', maxLength: 32, placeholder: 'subnet name', autocomplete: 'off' });
  const product = h('input', { testid: 'name-subnet-product', maxLength: 48, placeholder: 'unchanged when left empty', autocomplete: 'off' });
  let shown = '';
  const form = actionForm(ctx.conn, {
    key: 'name-subnet',
    title: 'Name your subnet',
    help: 'What the map, the board and the feed call it, and what its miners produce.',
    fields: [which.label, h('label', {}, 'Name', name), h('label', {}, 'Product', product)],
    submitLabel: 'Rename',
    preview: () => {
      const s = which.owned();
      return s ? `SN${s.netuid} is “${s.name}” now` : 'You own no subnet yet.';
    },
    build: () => {
      const s = which.owned();
      return s ? ['name_subnet', { netuid: s.netuid, name: name.value.trim(), ...(product.value.trim() ? { product: product.value.trim() } : {}) }] : 'You own no subnet yet.';
    },
  });
  return {
    form,
    refresh() {
      which.refresh();
      const s = which.owned();
      const current = `${s?.name ?? ''}\n${s?.product ?? ''}`;
      if (current === shown || document.activeElement === name || document.activeElement === product) return;
      shown = current;
      name.value = s?.name ?? '';
      product.value = s?.product ?? '';
    },
  };
}
