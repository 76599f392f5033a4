// The validators a staker can put alpha behind, from a subnet's neuron table: what each keeps
// (take), how much stands behind it, and what an α staked behind it earned at the last epoch.
import type { SubnetDetailView } from '../../../shared/protocol/index.ts';
import { amount, percent } from './format.ts';

export interface ValidatorChoice {
  hotkey: string;
  uid: number;
  who: string;
  take: number;
  stake: number;
  /** Alpha a nominator earned per α staked at the last epoch, after the validator's take. */
  yieldPerAlpha: number;
}

export function validatorChoices(detail: SubnetDetailView | null, nameOf: (playerId: string) => string | undefined): ValidatorChoice[] {
  if (!detail) return [];
  return detail.neurons
    .filter((n) => n.validatorPermit && Number(n.stake) > 0)
    .map((n) => {
      const stake = Number(n.stake);
      return { hotkey: n.hotkey, uid: n.uid, who: (n.owner && nameOf(n.owner)) || '', take: n.take, stake, yieldPerAlpha: stake > 0 ? (Number(n.emission) * (1 - n.take)) / stake : 0 };
    })
    .sort((a, b) => b.yieldPerAlpha - a.yieldPerAlpha || b.stake - a.stake || a.uid - b.uid);
}

/** A picker option's words: who, take, stake behind it, and the last epoch's yield for a nominator. */
export const choiceLabel = (v: ValidatorChoice): string =>
  `UID ${v.uid}${v.who ? ` ${v.who}` : ''} · ${percent(v.yieldPerAlpha)}/epoch · take ${percent(v.take, 0)} · ${amount(v.stake, 'α')}`;
