// The actions of the player's role, each with its preview. Every player may stake, unstake, move
// stake and give TAO away; owners, validators and miners get their own moves on top, and the
// role's key move comes first (lib/role_guide.ts). A preview warns, in the words of the refusal it
// foresees, before the tap. Each form is its own module in forms/; FORMS says which is which.
import { formOrder } from '../lib/role_guide.ts';
import type { Connection } from '../net/connection.ts';
import type { ActionForm } from './action_form.ts';
import { h } from './dom.ts';
import { buyBackForm } from './forms/buy_back.ts';
import { type FormContext, formContext, type Picker, type RoleForm, subnetOptions } from './forms/context.ts';
import { moveStakeForm } from './forms/move_stake.ts';
import { nameSubnetForm } from './forms/name_subnet.ts';
import { ownerBurnForm } from './forms/owner_burn.ts';
import { registerNeuronForm } from './forms/register_neuron.ts';
import { registerSubnetForm } from './forms/register_subnet.ts';
import { effortForm, takeForm } from './forms/sliders.ts';
import { stakeForm } from './forms/stake.ts';
import { transferForm } from './forms/transfer.ts';
import { unstakeForm } from './forms/unstake.ts';
import { weightsForm } from './forms/weights.ts';
import type { PlayData } from './play_data.ts';

export type { PlayData } from './play_data.ts';

/** Every form by its key; which a role gets, and in what order, is lib/role_guide.ts's `formOrder`. */
const FORMS: Record<string, (ctx: FormContext) => RoleForm> = {
  stake: stakeForm,
  unstake: unstakeForm,
  move: moveStakeForm,
  transfer: transferForm,
  'register-subnet': registerSubnetForm,
  buyback: buyBackForm,
  'name-subnet': nameSubnetForm,
  'owner-burn': ownerBurnForm,
  'register-neuron': registerNeuronForm,
  effort: effortForm,
  weights: (ctx) => weightsForm(ctx.conn, ctx.data),
  take: takeForm,
};

export interface ActionsPanel {
  root: HTMLElement;
  refresh(): void;
  /** The map selected a subnet: point the subnet pickers at it. */
  select(netuid: number): void;
  /** Forms closed for good (the game is over). */
  close(): void;
  /** A new game began (the practice is over): what the forms said of the old one goes. */
  newGame(): void;
  dispose(): void;
}

/** `watch` asks the screen to show a subnet in detail (the stake form needs its validators). */
export function actionsPanel(conn: Connection, data: () => PlayData, watch: (netuid: number) => void): ActionsPanel {
  const role = conn.role;
  const ctx = formContext(conn, data, watch);
  const made = formOrder(role, { subnet: false, uid: false }).map((key) => [key, FORMS[key](ctx)] as const);
  const forms = new Map<string, ActionForm>(made.map(([key, f]) => [key, f.form]));
  const pickers: Picker[] = made.flatMap(([, f]) => f.subnetPickers ?? []);
  const refreshers = made.flatMap(([, f]) => (f.refresh ? [f.refresh] : []));

  const root = h('div', { testid: 'actions' });
  let shownOrder = '';
  const arrange = () => {
    const w = data().wallet;
    const order = formOrder(role, { subnet: (w?.subnets.length ?? 0) > 0, uid: (w?.neurons.length ?? 0) > 0 }).filter((k) => forms.has(k));
    // Moving nodes keeps what the player typed; nothing moves under someone working in a form.
    if (order.join() === shownOrder || (shownOrder && root.contains(document.activeElement))) return;
    shownOrder = order.join();
    root.replaceChildren(...order.map((k) => forms.get(k)!.root));
  };
  arrange();

  return {
    root,
    refresh() {
      arrange();
      for (const p of pickers) {
        p.setOptions(subnetOptions(ctx));
        if (!p.el.value && data().selected !== null) p.el.value = String(data().selected);
      }
      refreshers.forEach((r) => r());
      forms.forEach((f) => f.refresh());
    },
    select(netuid) {
      for (const p of pickers) p.el.value = String(netuid);
      forms.forEach((f) => f.refresh());
    },
    newGame() {
      forms.forEach((f) => f.clear());
    },
    close() {
      root.querySelectorAll('input, select, button').forEach((el) => ((el as HTMLInputElement).disabled = true));
      root.classList.add('closed');
    },
    dispose() {
      forms.forEach((f) => f.dispose());
    },
  };
}
