import type { Action } from './actions.ts';
import { blocksUntilEpoch, runCoinbase } from './coinbase.ts';
import type { ChainError } from './errors.ts';
import { chainError, show } from './errors.ts';
import type { ChainEvent } from './events.ts';
import type { Coldkey, Hotkey, Netuid } from './ids.ts';
import { taoBlockEmission } from './issuance.ts';
import type { Rao } from './money.ts';
import { updateMovingPrice } from './moving_price.ts';
import { networkLockCost, planRegisterSubnet } from './network.ts';
import type { Plan } from './plan.ts';
import { isRefusal } from './plan.ts';
import { adjustBurn, planRegisterNeuron } from './registration.ts';
import type { ChainParams } from './scenario.ts';
import type { ChainSnapshot } from './snapshot.ts';
import { fromSnapshot, toSnapshot } from './snapshot.ts';
import { planMoveStake, planStake, planUnstake } from './staking.ts';
import { stakeOf } from './stake_book.ts';
import type { ChainState, Subnet } from './state.ts';
import { seedRng } from './rng.ts';
import { newSubnet } from './subnet.ts';
import { planCreateWallet, planCredit, planDebit, planSetTake, planTransfer } from './wallet.ts';
import { planSetWeights } from './weights.ts';

export type ApplyResult = { ok: true; events: ChainEvent[] } | { ok: false; error: ChainError };

/** A subnet that exists when the chain starts (presets seed the network this way). */
export interface GenesisSubnet {
  owner: Coldkey;
  ownerHotkey: Hotkey;
  taoIn: Rao;
  alphaIn: Rao;
  movingPrice?: number;
  flowEma?: number;
}

export interface ChainOptions {
  params: ChainParams;
  seed: number | string;
  /** TAO issued before block 0; what is not in genesis pools sits outside the modelled network. */
  initialIssuance: Rao;
  subnets?: GenesisSubnet[];
}

const planners: { [T in Action['type']]: (state: ChainState, a: Extract<Action, { type: T }>) => Plan } = {
  create_wallet: planCreateWallet,
  credit: planCredit,
  debit: planDebit,
  transfer: planTransfer,
  stake: planStake,
  unstake: planUnstake,
  move_stake: planMoveStake,
  register_subnet: planRegisterSubnet,
  register_neuron: planRegisterNeuron,
  set_weights: planSetWeights,
  set_take: planSetTake,
};

/**
 * The chain: a state that actions change and blocks advance. Pure: no clock, no I/O, randomness
 * only from the seeded RNG inside the state, so the same seed and action log give the same state.
 */
export class Chain {
  private constructor(public state: ChainState) {}

  static create(o: ChainOptions): Chain {
    const p = o.params;
    const genesis = o.subnets ?? [];
    const pooled = genesis.reduce((sum, g) => sum + g.taoIn, 0n);
    if (pooled > o.initialIssuance) throw new Error('genesis pools hold more TAO than was issued');
    if (genesis.length > p.subnetLimit) throw new Error('more genesis subnets than subnet slots');
    const state: ChainState = {
      version: 1,
      params: p,
      block: 0,
      rng: seedRng(o.seed),
      blockEmission: taoBlockEmission(o.initialIssuance, p),
      tao: { issuance: o.initialIssuance, initialIssuance: o.initialIssuance, outside: o.initialIssuance - pooled, emitted: 0n, recycled: 0n },
      balances: new Map(),
      hotkeys: new Map(),
      root: new Map(),
      subnets: [null],
      network: { lastLockCost: p.networkMinLockCost, lastLockBlock: 0, lastRegistrationBlock: null },
      stakedThisBlock: new Map(),
    };
    genesis.forEach((g, i) => {
      const s = newSubnet({ netuid: (i + 1) as Netuid, owner: g.owner, ownerHotkey: g.ownerHotkey, block: 0, lockPaid: 0n, taoIn: g.taoIn, alphaIn: g.alphaIn }, p);
      s.movingPrice = g.movingPrice ?? 0;
      s.flowEma = g.flowEma ?? 0;
      if (!state.hotkeys.has(g.ownerHotkey)) state.hotkeys.set(g.ownerHotkey, { owner: g.owner, takeU16: p.defaultTakeU16 });
      state.subnets.push(s);
    });
    return new Chain(state);
  }

  static restore(snapshot: unknown): Chain {
    return new Chain(fromSnapshot(snapshot));
  }

  snapshot(): ChainSnapshot {
    return toSnapshot(this.state);
  }

  /** Applies one signed action now. A refusal changes nothing. */
  apply(action: Action): ApplyResult {
    const type = (action as { type?: unknown })?.type;
    const planner = typeof type === 'string' && Object.hasOwn(planners, type) ? (planners[type as Action['type']] as (s: ChainState, a: Action) => Plan) : null;
    if (!planner) return { ok: false, error: chainError('UNKNOWN_ACTION', `unknown action ${show(type)}`) };
    const plan = planner(this.state, action);
    if (isRefusal(plan)) return { ok: false, error: plan };
    return { ok: true, events: plan() };
  }

  /**
   * Advances one block, in block_step's order: registration burn terms, the block's emission (a
   * halving shows as a change of it), run_coinbase with any epochs due, then the moving prices.
   */
  step(): ChainEvent[] {
    const state = this.state;
    const p = state.params;
    state.block += 1;
    state.stakedThisBlock.clear();
    const events: ChainEvent[] = [];
    for (const s of state.subnets) if (s) adjustBurn(s, state.block, p);
    const emission = taoBlockEmission(state.tao.issuance, p);
    // Recycling can lower issuance back under a threshold and raise the emission again: that is
    // cached too, but only a fall is a halving.
    if (emission < state.blockEmission) events.push({ type: 'halving', block: state.block, emission, issuance: state.tao.issuance });
    state.blockEmission = emission;
    events.push(...runCoinbase(state, emission));
    for (const s of state.subnets) if (s) updateMovingPrice(s, state.block, p);
    return events;
  }

  /**
   * One more TAO halving than issuance has reached, from the next block on (a game's "halving now");
   * alpha keeps its own schedule. False, changing nothing, once the emission cannot halve further.
   */
  decreeTaoHalving(): boolean {
    if (this.state.blockEmission <= 1n) return false;
    this.state.params = { ...this.state.params, decreedTaoHalvings: this.state.params.decreedTaoHalvings + 1 };
    return true;
  }

  // Queries for the game, the server and previews.

  get block(): number {
    return this.state.block;
  }

  /** The subnet at a netuid; null for anything that is not a registered subnet's netuid. */
  subnet(id: Netuid): Subnet | null {
    return Number.isInteger(id) ? (this.state.subnets[id] ?? null) : null;
  }

  balance(ck: Coldkey): Rao {
    return this.state.balances.get(ck) ?? 0n;
  }

  stake(ck: Coldkey, hk: Hotkey, id: Netuid): Rao {
    const book = id === 0 ? this.state.root : this.subnet(id)?.stake;
    return book ? stakeOf(book, hk, ck) : 0n;
  }

  lockCost(): Rao {
    return networkLockCost(this.state);
  }

  blocksUntilEpoch(id: Netuid): number {
    return blocksUntilEpoch(this.state.block, id, this.state.params.tempo);
  }
}
