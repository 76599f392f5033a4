// The owner's burn of miner emission: all of its weight on its own UID. The chain keeps the owner
// UID's self-weight in the epoch and burns the incentive that lands on the owner's hotkeys
// (run_epoch.rs:695-700, run_coinbase.rs:538-553), so that alpha is never sold into the pool.
import type { NeuronHoldingView } from '../../../../shared/protocol/index.ts';
import { refusalWords } from '../../lib/refusal_words.ts';
import { actionForm } from '../action_form.ts';
import type { FormContext, RoleForm } from './context.ts';
import { ownedPicker } from './owned_picker.ts';

/** Weighs only the owner's own UID in the subnet picked (an owner of several picks which): the row it sends, and what the form says before the tap. */
export function ownerBurnForm(ctx: FormContext): RoleForm {
  const which = ownedPicker(ctx, 'owner-burn-subnet');
  const ownerUid = (): NeuronHoldingView | undefined => {
    const s = which.owned();
    return s ? ctx.data().wallet?.neurons.find((n) => n.netuid === s.netuid) : undefined;
  };
  const none = () => (which.owned() ? 'Your hotkey holds no UID in this subnet.' : 'You own no subnet yet.');
  const form = actionForm(ctx.conn, {
    key: 'owner-burn',
    title: 'Burn miner emission',
    help: 'Put all your weight on your own UID: the incentive it wins is burned instead of paid to miners who sell it, so less alpha reaches your pool.',
    fields: [which.label],
    submitLabel: 'Weigh my own UID',
    preview: () => {
      const n = ownerUid();
      if (!n) return { warn: none() };
      if (!n.permit) return { warn: refusalWords({ code: 'NOT_A_VALIDATOR', message: '', action: 'set_weights' }) };
      const only = n.weights?.uids.length === 1 && n.weights.uids[0] === n.uid;
      return only ? `SN${n.netuid}: all your weight is on your UID ${n.uid}; its incentive is burned each epoch` : `SN${n.netuid}: weigh UID ${n.uid} (yours) only`;
    },
    build: () => {
      const n = ownerUid();
      return n ? ['set_weights', { netuid: n.netuid, uids: [n.uid], weights: [1] }] : none();
    },
  });
  return { form, refresh: which.refresh };
}
