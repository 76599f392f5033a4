import type { Action } from './actions.ts';
import type { ChainError } from './errors.ts';
import { chainError, show } from './errors.ts';
import type { Plan } from './plan.ts';
import { checkOwnHotkey, checkWallet, findSubnet, firstRefusal, isRefusal } from './plan.ts';
import type { Subnet } from './state.ts';
import type { ChainState } from './state.ts';
import { uidOf } from './subnet.ts';
import { uid as toUid } from './ids.ts';
import { int32Scratch } from './scratch.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

/** Which UIDs a weight row has named so far (see scratch.ts). */
const SEEN = int32Scratch();

/** Uids in range and distinct, weights finite and non-negative with at least one above zero. */
function checkWeights(s: Subnet, uids: unknown, weights: unknown, maxLen: number): ChainError | null {
  const bad = (why: string) => chainError('WEIGHTS_MALFORMED', why);
  if (!Array.isArray(uids) || !Array.isArray(weights)) return bad('uids and weights must be lists');
  if (uids.length !== weights.length) return bad('uids and weights must have the same length');
  if (uids.length === 0 || uids.length > maxLen) return bad(`give between 1 and ${maxLen} weights`);
  // A flag per UID rather than a Set, and indexed loops rather than for…of (which allocated an
  // iterator result per element here): incumbents set a full row every tempo on every subnet. The
  // flags are kept between calls: a typed array allocated for each row was this check's largest cost.
  const seen = SEEN.reserve(s.neurons.length).fill(0, 0, s.neurons.length);
  for (let k = 0; k < uids.length; k++) {
    const j: unknown = uids[k];
    if (!Number.isInteger(j) || (j as number) < 0 || (j as number) >= s.neurons.length) return bad(`uid ${show(j)} is not in this subnet`);
    if (seen[j as number]) return bad(`uid ${j} appears twice`);
    seen[j as number] = 1;
  }
  let positive = false;
  for (let k = 0; k < weights.length; k++) {
    const w: unknown = weights[k];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return bad('weights must be finite numbers, zero or more');
    if (w > 0) positive = true;
  }
  return positive ? null : bad('at least one weight must be above zero');
}

/**
 * set_weights: a permitted validator stores a row of u16 weights, max-upscaled so its largest
 * weight is 65535 (math.rs::vec_u16_max_upscale_to_u16). Rate-limited per UID.
 */
export function planSetWeights(state: ChainState, a: Of<'set_weights'>): Plan {
  const p = state.params;
  const s = findSubnet(state, a.netuid);
  if (isRefusal(s)) return s;
  const j = uidOf(s, a.hotkey);
  const refusal = firstRefusal(
    () => checkWallet(state, a.coldkey),
    () => checkOwnHotkey(state, a.coldkey, a.hotkey),
    () => (j < 0 ? chainError('NOT_REGISTERED', `${a.hotkey} holds no UID in subnet ${a.netuid}`) : null),
    () => (s.neurons[j].validatorPermit ? null : chainError('NOT_A_VALIDATOR', `UID ${j} has no validator permit: permits go to the top ${p.maxAllowedValidators} by stake at each epoch`)),
    () => {
      const since = state.block - s.neurons[j].lastUpdate;
      return since < p.weightsSetRateLimit && s.weights.has(j) ? chainError('RATE_LIMITED', `weights may be set every ${p.weightsSetRateLimit} blocks; wait ${p.weightsSetRateLimit - since} more`) : null;
    },
    () => checkWeights(s, a.uids, a.weights, s.neurons.length),
  );
  if (refusal) return refusal;
  return () => {
    let top = 0;
    for (let k = 0; k < a.weights.length; k++) if (a.weights[k] > top) top = a.weights[k];
    // The UID's stored row is written over when it has the subnet's width: a fresh one each time
    // (incumbents set one per validator every tempo of every subnet) lived a tempo, long enough
    // to be copied into the old generation and collected there.
    const stored = s.weights.get(j);
    const row = stored !== undefined && stored.length === s.neurons.length ? stored.fill(0) : new Array<number>(s.neurons.length).fill(0);
    for (let k = 0; k < a.uids.length; k++) row[a.uids[k]] = Math.round((a.weights[k] / top) * 65_535);
    s.weights.set(j, row);
    s.neurons[j].lastUpdate = state.block;
    return [{ type: 'weights_set', block: state.block, netuid: s.netuid, uid: toUid(j) }];
  };
}
