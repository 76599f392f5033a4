// Which of the owner's subnets a move is for: shown only to an owner of several.
import type { SubnetState } from '../../../../shared/protocol/schema.ts';
import { subnetTitle } from '../../lib/format.ts';
import { liveSelect } from '../action_form.ts';
import { h } from '../dom.ts';
import type { FormContext } from './context.ts';

export interface OwnedPicker {
  label: HTMLElement;
  owned(): SubnetState | undefined;
  refresh(): void;
}

export function ownedPicker(ctx: FormContext, testid: string): OwnedPicker {
  const pick = liveSelect(testid);
  const label = h('label', {}, 'Subnet', pick.el);
  return {
    label,
    owned: () => ctx.subnet(Number(pick.el.value || (ctx.data().wallet?.subnets[0] ?? -1))),
    refresh() {
      const mine = ctx.data().wallet?.subnets ?? [];
      pick.setOptions(mine.map((n): [string, string] => [String(n), subnetTitle(n, ctx.subnet(n)?.name ?? '')]));
      label.hidden = mine.length < 2;
    },
  };
}
