// The owner's burn of miner emission: all of its weight on its own UID. The chain keeps the owner
// UID's self-weight in the epoch and burns the incentive that lands on the owner's hotkeys
// (run_epoch.rs:695-700, run_coinbase.rs:538-553), so that alpha is never sold into the pool.
import type { NeuronHoldingView } from '../../../../shared/protocol/index.ts';
import { refusalWords } from '../../lib/refusal_words.ts';
import type { Connection } from '../../net/connection.ts';
import { type ActionForm, actionForm } from '../action_form.ts';
import type { PlayData } from '../play_data.ts';

/** The owner's UID in a subnet it owns, one with a permit first. */
function ownerUid(data: PlayData): NeuronHoldingView | undefined {
  const owned = data.wallet?.subnets ?? [];
  const mine = (data.wallet?.neurons ?? []).filter((n) => owned.includes(n.netuid));
  return mine.find((n) => n.permit) ?? mine[0];
}

/** Weighs only the owner's own UID: the row it sends, and what the form says before the tap. */
export function ownerBurnForm(conn: Connection, data: () => PlayData): ActionForm {
  const none = () => ((data().wallet?.subnets.length ?? 0) === 0 ? 'You own no subnet yet.' : 'Your hotkey holds no UID in your subnet.');
  return actionForm(conn, {
    key: 'owner-burn',
    title: 'Burn miner emission',
    help: 'Put all your weight on your own UID: the incentive it wins is burned instead of paid to miners who sell it, so less alpha reaches your pool.',
    fields: [],
    submitLabel: 'Weigh my own UID',
    preview: () => {
      const n = ownerUid(data());
      if (!n) return { warn: none() };
      if (!n.permit) return { warn: refusalWords({ code: 'NOT_A_VALIDATOR', message: '', action: 'set_weights' }) };
      const only = n.weights?.uids.length === 1 && n.weights.uids[0] === n.uid;
      return only ? `SN${n.netuid}: all your weight is on your UID ${n.uid}; its incentive is burned each epoch` : `SN${n.netuid}: weigh UID ${n.uid} (yours) only`;
    },
    build: () => {
      const n = ownerUid(data());
      return n ? ['set_weights', { netuid: n.netuid, uids: [n.uid], weights: [1] }] : none();
    },
  });
}
