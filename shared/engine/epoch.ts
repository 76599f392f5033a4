import type { ChainEvent } from './events.ts';
import type { Coldkey, Hotkey } from './ids.ts';
import type { Rao } from './money.ts';
import { apportion } from './money.ts';
import { U16_MAX } from './pool.ts';
import { UidMemo } from './uid_memo.ts';
import { addStake, hotkeyStake, payNominators } from './stake_book.ts';
import type { ChainState, Subnet } from './state.ts';
import { noPending } from './state.ts';
import { burnAlpha, uidOf } from './subnet.ts';
import type { YumaInput } from './yuma.ts';
import { yumaEpoch } from './yuma.ts';

/** The per-validator stake Yuma weighs by: alpha behind the hotkey plus tao_weight × its root stake. */
export function yumaStakes(state: ChainState, s: Subnet): { alpha: number[]; root: number[]; weighted: number[] } {
  const n = s.neurons.length;
  const alpha: number[] = new Array(n);
  const root: number[] = new Array(n);
  const weighted: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const hk = s.neurons[i].hotkey;
    alpha[i] = Number(hotkeyStake(s.stake, hk));
    root[i] = Number(hotkeyStake(state.root, hk));
    weighted[i] = alpha[i] + state.params.taoWeight * root[i];
  }
  return { alpha, root, weighted };
}

const NO_ROW: readonly number[] = [];

/** Stored rows by uid, handed over as they are (Yuma reads missing entries as 0). */
function rowsByUid(rows: Map<number, number[]>, n: number): (readonly number[])[] {
  const out: (readonly number[])[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = rows.get(i) ?? NO_ROW;
  return out;
}

/** get_owner_uid: the UID of the subnet's owner hotkey, if it holds one. */
function ownerUid(s: Subnet): number | undefined {
  const uid = uidOf(s, s.ownerHotkey);
  return uid >= 0 ? uid : undefined;
}

export function yumaInput(state: ChainState, s: Subnet, emission: number, stake: number[], reuseBondRows?: YumaInput['reuseBondRows']): YumaInput {
  const p = state.params;
  const n = s.neurons.length;
  return {
    stake,
    weightsU16: rowsByUid(s.weights, n),
    bondsU16: rowsByUid(s.bonds, n),
    validatorPermit: s.neurons.map((x) => x.validatorPermit),
    active: s.neurons.map((x) => x.lastUpdate + p.activityCutoff >= state.block),
    kappa: p.kappaU16 / 65_535,
    bondsMovingAverage: p.bondsMovingAverage / 1e6,
    bondsPenalty: p.bondsPenaltyU16 / 65_535,
    yuma3: p.rules.yuma === 'yuma3',
    liquidAlpha: p.liquidAlpha,
    alphaLow: p.alphaLowU16 / 65_535,
    alphaHigh: p.alphaHighU16 / 65_535,
    alphaSigmoidSteepness: p.alphaSigmoidSteepness,
    maxAllowedValidators: p.maxAllowedValidators,
    emission,
    ownerUid: ownerUid(s),
    reuseBondRows,
  };
}

/** Each subnet's UIDs' owners as last looked up (a hotkey's owner never changes). */
const ownersKept = new WeakMap<Subnet, UidMemo<Coldkey>>();

/** The coldkey owning each UID's hotkey, by uid: the payout's most expensive line when looked up afresh each epoch. */
function hotkeyOwners(state: ChainState, s: Subnet): readonly Coldkey[] {
  let kept = ownersKept.get(s);
  if (!kept) ownersKept.set(s, (kept = new UidMemo()));
  return kept.of(s.neurons, (hk) => state.hotkeys.get(hk)!.owner);
}

/**
 * drain_pending + distribute_emission at a subnet's epoch: run Yuma on the pending miner, validator
 * and root alpha; pay miners their incentive, validators their dividends (alpha part to alpha
 * nominators, root part to root nominators, the hotkey's take first), and the owner its cut. Alpha
 * nobody can receive is burned, so the subnet's alpha stays exactly accounted for.
 */
export function drainPending(state: ChainState, s: Subnet): ChainEvent {
  const p = state.params;
  const pending = s.pending;
  s.pending = noPending();
  s.lastEpochBlock = state.block;
  const total = pending.server + pending.validator + pending.root;
  const stakes = yumaStakes(state, s);
  // The stored bond rows are lent to be written over: the epoch replaces them all (storeRows).
  const out = yumaEpoch(yumaInput(state, s, Number(total), stakes.weighted, s.bonds));

  let burned = 0n;
  const burn = (amount: Rao) => {
    burnAlpha(s, amount);
    burned += amount;
  };

  // Miners: incentive as stake on their own hotkey; incentive to the owner's own hotkeys is burned.
  const n = s.neurons.length;
  const owners = hotkeyOwners(state, s);
  let ownerBurned = 0n;
  const anyIncentive = out.incentive.some((x) => x > 0);
  const incentive = anyIncentive ? apportion(pending.server, out.incentive) : new Array<Rao>(n).fill(0n);
  for (let j = 0; j < n; j++) {
    if (incentive[j] === 0n) continue;
    const hk = s.neurons[j].hotkey;
    const owner = owners[j];
    if (owner === s.owner) {
      burn(incentive[j]);
      ownerBurned += incentive[j];
    } else addStake(s.stake, hk, owner, incentive[j]);
  }

  // Validators: dividends split into an alpha part and a root part by where each hotkey's stake weight comes from.
  const dividendWeights = out.dividends.some((x) => x > 0) ? out.dividends : out.validatorEmission;
  const alphaWeights: number[] = new Array(n);
  const rootWeights: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w = stakes.weighted[i];
    const rootFraction = w > 0 ? (p.taoWeight * stakes.root[i]) / w : 0;
    alphaWeights[i] = dividendWeights[i] * (1 - rootFraction);
    rootWeights[i] = dividendWeights[i] * rootFraction;
  }
  const alphaPot = pending.validator + (anyIncentive ? 0n : pending.server);
  const alphaDivs = apportion(alphaPot, alphaWeights);
  const rootDivs = apportion(pending.root, rootWeights);
  const paidAlpha = alphaDivs.reduce((a, b) => a + b, 0n);
  const paidRoot = rootDivs.reduce((a, b) => a + b, 0n);
  burn(alphaPot - paidAlpha + pending.root - paidRoot);
  for (let i = 0; i < n; i++) {
    payValidator(state, s, s.neurons[i].hotkey, alphaDivs[i], false);
    payValidator(state, s, s.neurons[i].hotkey, rootDivs[i], true);
  }

  // Owner cut: staked behind the owner's hotkey.
  addStake(s.stake, s.ownerHotkey, s.owner, pending.ownerCut);

  s.neurons.forEach((nrn, i) => {
    nrn.consensus = out.consensus[i];
    nrn.incentive = out.incentive[i];
    nrn.dividends = out.dividends[i];
    nrn.validatorTrust = out.validatorTrust[i];
    nrn.validatorPermit = out.newValidatorPermit[i];
    nrn.emission = incentive[i] + alphaDivs[i] + rootDivs[i];
  });
  storeRows(s.bonds, out.bondsU16);

  const dividends = paidAlpha + paidRoot;
  const paidIncentive = incentive.reduce((a, b) => a + b, 0n);
  return {
    type: 'epoch',
    block: state.block,
    netuid: s.netuid,
    distributed: pending.ownerCut + paidIncentive + dividends,
    ownerCut: pending.ownerCut,
    incentive: paidIncentive,
    dividends,
    burned,
    ownerBurned,
  };
}

/**
 * A validator hotkey's dividend: its take to its owner first, then the rest to its nominators pro
 * rata (run_coinbase.rs:584-600), so on the alpha side the take just credited shares in the rest,
 * as it does in the chain's share pool. The root part goes to root nominators by their root stake.
 */
function payValidator(state: ChainState, s: Subnet, hk: Hotkey, amount: Rao, fromRoot: boolean): void {
  if (amount === 0n) return;
  const info = state.hotkeys.get(hk)!;
  const take = (amount * BigInt(info.takeU16)) / U16_MAX;
  const book = fromRoot ? state.root : s.stake;
  addStake(s.stake, hk, info.owner, take);
  if (!payNominators(book, hk, amount - take, s.stake, hk)) addStake(s.stake, hk, info.owner, amount - take);
}

/**
 * Keeps only rows with a non-zero entry, by uid in ascending order: a bond matrix is mostly empty
 * rows for miners. Yuma hands every cleared row as one shared array (checked once, then skipped) and
 * each kept row as the uid's stored row written over, or a fresh array nothing else holds, so it is
 * stored as it is. When the kept rows are the stored ones (the same validators as last epoch) the
 * map already holds them, in order: clearing and refilling it allocated a new table each epoch
 * that lived a tempo, the largest thing a full-network day promoted to the old generation.
 */
function storeRows(rows: Map<number, number[]>, matrix: readonly (readonly number[])[]): void {
  const kept: number[] = [];
  let empty: readonly number[] | null = null;
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    if (row === empty) continue;
    if (hasPositive(row)) kept.push(i);
    else empty = row;
  }
  let same = rows.size === kept.length;
  let k = 0;
  rows.forEach((row, i) => {
    if (i !== kept[k++] || row !== matrix[i]) same = false;
  });
  if (same) return;
  rows.clear();
  for (const i of kept) rows.set(i, matrix[i] as number[]);
}

function hasPositive(row: readonly number[]): boolean {
  for (let j = 0; j < row.length; j++) if (row[j] > 0) return true;
  return false;
}
