// The table of moves: every player action declared once — its wire payload (the checker, from
// which its type is derived), what it becomes in the game, who may make it, how a client names it,
// and what the game does with it (the engine's planner, through `chainAct`, does the chain's part).
// The room and the game look entries up; a missing or misspelt entry is a compile error.
import type { Chain, Hotkey } from '../engine/index.ts';
import { netuid as toNetuid, uid as toUid } from '../engine/index.ts';
import { show } from '../engine/errors.ts';
import type { MoveContext } from '../game/move_context.ts';
import type { Player } from '../game/state.ts';
import type { ActResult, GameAction, GameActionType, GameError } from '../game/types.ts';
import { gameError, playerId } from '../game/types.ts';
import type { Checker, CheckedValue, Wire } from './check.ts';
import { amount, finite, integer, list, object, optional, text } from './check.ts';
import { refuse } from './errors.ts';
import type { PlayerRole } from './fields.ts';
import { hotkeyField, MAX_UID, MAX_WEIGHTS, netuidField, productField, subnetNameField } from './fields.ts';

export interface ActionEntry<P, T extends GameActionType> {
  /** How a client names it (a form's title, a refusal's subject). */
  label: string;
  /** Who may make it; the game refuses anyone else with WRONG_ROLE. Ownership and permits are the chain's and the move's own checks. */
  roles: 'any' | readonly PlayerRole[];
  /** The wire payload's checker (amounts in rao once checked). */
  payload: Checker<P>;
  /** The wire's request in the game's terms: defaults filled, fractions to the chain's units. */
  toGame(p: P, chain: Chain): GameAction[] | GameError;
  /** What the game does with it, checked in full before anything is written (a refusal changes nothing). */
  play(ctx: MoveContext, p: Player, a: Extract<GameAction, { type: T }>): ActResult;
}

// The payload is its own argument so that its type is inferred before the functions that read it.
const entry = <P, T extends GameActionType>(_type: T, payload: Checker<P>, e: Omit<ActionEntry<P, T>, 'payload'>): ActionEntry<P, T> => ({ payload, ...e });

/** Stake goes behind the subnet owner's hotkey unless the player names a validator's. */
function stakeTarget(chain: Chain, given: string | undefined, netuid: number): Hotkey | GameError {
  if (given !== undefined) return given as Hotkey;
  const s = chain.subnet(toNetuid(netuid));
  return s ? s.ownerHotkey : gameError('SUBNET_NOT_FOUND', `there is no subnet ${netuid}`);
}
const isError = (x: unknown): x is GameError => typeof x === 'object' && x !== null && 'code' in x;

const named = (name: string, product?: string, netuid?: number): GameAction => ({ type: 'name_subnet', name, ...(product !== undefined ? { product } : {}), ...(netuid !== undefined ? { netuid: toNetuid(netuid) } : {}) });
const limitPrice = optional(finite(0, 1e12));
const effortField = finite(0, 1);

/** TAO into a pool (stake) or alpha out of it (unstake), behind a hotkey, with an optional limit price. */
const swapPayload = object({ netuid: netuidField, amount, hotkey: optional(hotkeyField), limitPrice });
const swapToGame =
  (type: 'stake' | 'unstake') =>
  (q: CheckedValue<typeof swapPayload>, chain: Chain): GameAction[] | GameError => {
    const hotkey = stakeTarget(chain, q.hotkey, q.netuid);
    if (isError(hotkey)) return hotkey;
    return [{ type, hotkey, netuid: toNetuid(q.netuid), amount: q.amount, ...(q.limitPrice !== undefined ? { limitPrice: q.limitPrice } : {}) }];
  };

const setWeightsPayload = object({ netuid: netuidField, uids: list(integer(0, MAX_UID), MAX_WEIGHTS), weights: list(finite(0, 1e9), MAX_WEIGHTS) });
const weightsChecker: typeof setWeightsPayload = (v, f) => {
  const r = setWeightsPayload(v, f);
  if (r.ok && r.value.uids.length !== r.value.weights.length) return refuse('INVALID_PAYLOAD', 'uids and weights must have the same length');
  if (r.ok && new Set(r.value.uids).size !== r.value.uids.length) return refuse('INVALID_PAYLOAD', 'uids must not repeat');
  return r;
};

export const ACTIONS = {
  stake: entry('stake', swapPayload, {
    label: 'Stake',
    roles: 'any',
    toGame: swapToGame('stake'),
    play: (ctx, p, a) => ctx.chainAct({ type: 'stake', coldkey: p.coldkey, hotkey: a.hotkey, netuid: a.netuid, amount: a.amount, limitPrice: a.limitPrice }, () => ctx.open(p, a.netuid, a.hotkey)),
  }),
  unstake: entry('unstake', swapPayload, {
    label: 'Unstake',
    roles: 'any',
    toGame: swapToGame('unstake'),
    play: (ctx, p, a) => ctx.chainAct({ type: 'unstake', coldkey: p.coldkey, hotkey: a.hotkey, netuid: a.netuid, amount: a.amount, limitPrice: a.limitPrice }),
  }),
  move_stake: entry('move_stake', object({ fromNetuid: netuidField, toNetuid: netuidField, amount, fromHotkey: optional(hotkeyField), toHotkey: optional(hotkeyField) }), {
    label: 'Move stake',
    roles: 'any',
    toGame: (q, chain) => {
      const from = stakeTarget(chain, q.fromHotkey, q.fromNetuid);
      if (isError(from)) return from;
      const to = stakeTarget(chain, q.toHotkey, q.toNetuid);
      if (isError(to)) return to;
      return [{ type: 'move_stake', fromHotkey: from, toHotkey: to, fromNetuid: toNetuid(q.fromNetuid), toNetuid: toNetuid(q.toNetuid), amount: q.amount }];
    },
    play: (ctx, p, a) =>
      ctx.chainAct({ type: 'move_stake', coldkey: p.coldkey, fromHotkey: a.fromHotkey, toHotkey: a.toHotkey, fromNetuid: a.fromNetuid, toNetuid: a.toNetuid, amount: a.amount }, () => ctx.open(p, a.toNetuid, a.toHotkey)),
  }),
  /** Pays the current lock cost; `name`/`product` name the new subnet at once. */
  register_subnet: entry('register_subnet', object({ name: optional(subnetNameField), product: optional(productField) }), {
    label: 'Register a subnet',
    roles: 'any',
    // The registration stands even if the name is then refused.
    toGame: (q) => (q.name !== undefined ? [{ type: 'register_subnet' }, named(q.name, q.product)] : [{ type: 'register_subnet' }]),
    play: (ctx, p) =>
      ctx.chainAct({ type: 'register_subnet', coldkey: p.coldkey, hotkey: p.hotkey }, (events) => {
        for (const e of events) {
          if (e.type === 'subnet_pruned') delete ctx.labels[e.netuid];
          if (e.type === 'subnet_registered') {
            p.business -= e.lockCost;
            p.home = e.netuid;
            ctx.open(p, e.netuid, p.hotkey);
            ctx.labels[e.netuid] = { name: `SN${e.netuid}`, product: '' };
          }
        }
      }),
  }),
  /** `netuid`: which of the owner's subnets (default: the first it registered). */
  name_subnet: entry('name_subnet', object({ name: subnetNameField, product: optional(productField), netuid: optional(netuidField) }), {
    label: 'Name your subnet',
    roles: 'any',
    toGame: (q) => [named(q.name, q.product, q.netuid)],
    play: (ctx, p, a) => {
      const s = ctx.ownedSubnet(p, a.netuid);
      if (!s) return { ok: false, error: gameError('NOT_SUBNET_OWNER', 'only a subnet owner names it') };
      const name = subnetNameField(a.name, 'name');
      if (!name.ok) return { ok: false, error: gameError('INVALID_PAYLOAD', name.message) };
      // Left out, the product stays what it was.
      const product = productField(typeof a.product === 'string' ? a.product : (ctx.labels[s.netuid]?.product ?? ''), 'a product');
      if (!product.ok) return { ok: false, error: gameError('INVALID_PAYLOAD', product.message) };
      ctx.labels[s.netuid] = { name: name.value, product: product.value };
      return { ok: true, events: [{ type: 'subnet_named', block: ctx.block, netuid: s.netuid, name: name.value, product: product.value }] };
    },
  }),
  register_neuron: entry('register_neuron', object({ netuid: netuidField }), {
    label: 'Register in a subnet',
    roles: 'any',
    toGame: (q) => [{ type: 'register_neuron', netuid: toNetuid(q.netuid) }],
    play: (ctx, p, a) =>
      ctx.chainAct({ type: 'register_neuron', coldkey: p.coldkey, hotkey: p.hotkey, netuid: a.netuid }, (events) => {
        for (const e of events) if (e.type === 'neuron_registered') p.business -= e.burn;
        if (p.role !== 'owner' && p.role !== 'staker') p.home = a.netuid;
        ctx.open(p, a.netuid, p.hotkey);
      }),
  }),
  set_weights: entry('set_weights', weightsChecker, {
    label: 'Set weights',
    roles: 'any',
    toGame: (q) => [{ type: 'set_weights', netuid: toNetuid(q.netuid), uids: q.uids.map((u) => toUid(u)), weights: q.weights }],
    play: (ctx, p, a) => ctx.chainAct({ type: 'set_weights', coldkey: p.coldkey, hotkey: p.hotkey, netuid: a.netuid, uids: a.uids, weights: a.weights }),
  }),
  /** Share of nominators' dividends the player's validator hotkey keeps, a fraction (0.18 = 18 %). */
  set_take: entry('set_take', object({ take: finite(0, 1) }), {
    label: 'Set your take',
    roles: 'any',
    toGame: (q) => [{ type: 'set_take', takeU16: Math.round(q.take * 65_535) }],
    play: (ctx, p, a) => ctx.chainAct({ type: 'set_take', coldkey: p.coldkey, hotkey: p.hotkey, takeU16: a.takeU16 }),
  }),
  /** A miner's compute spend, 0 (idle) to 1 (all out): its hidden quality follows it. */
  set_effort: entry('set_effort', object({ effort: effortField }), {
    label: 'Set effort',
    roles: ['miner'],
    toGame: (q) => [{ type: 'set_effort', effort: q.effort }],
    play: (ctx, p, a) => {
      // A bot's or a stored log's action did not come through the wire's checker.
      const effort = effortField(a.effort, 'effort');
      if (!effort.ok) return { ok: false, error: gameError('INVALID_PAYLOAD', effort.message) };
      p.effort = effort.value;
      return { ok: true, events: [{ type: 'effort_set', block: ctx.block, player: p.id, effort: effort.value }] };
    },
  }),
  /** An owner spends TAO of its wallet buying its subnet's alpha: net TAO inflow under Taoflow. */
  buy_back: entry('buy_back', object({ amount, netuid: optional(netuidField) }), {
    label: 'Buy back',
    roles: 'any',
    toGame: (q) => [{ type: 'buy_back', amount: q.amount, ...(q.netuid !== undefined ? { netuid: toNetuid(q.netuid) } : {}) }],
    play: (ctx, p, a) => {
      const s = ctx.ownedSubnet(p, a.netuid);
      if (!s) return { ok: false, error: gameError('NOT_SUBNET_OWNER', 'only a subnet owner buys back its alpha') };
      return ctx.chainAct({ type: 'stake', coldkey: p.coldkey, hotkey: s.ownerHotkey, netuid: s.netuid, amount: a.amount }, () => ctx.open(p, s.netuid, s.ownerHotkey));
    },
  }),
  /** Free TAO to another player. */
  transfer: entry('transfer', object({ to: text(64), amount }), {
    label: 'Transfer',
    roles: 'any',
    toGame: (q) => [{ type: 'transfer', to: playerId(q.to), amount: q.amount }],
    play: (ctx, p, a) => {
      const to = ctx.player(a.to);
      if (!to) return { ok: false, error: gameError('UNKNOWN_PLAYER', `no player ${show(a.to)}`) };
      return ctx.chainAct({ type: 'transfer', coldkey: p.coldkey, to: to.coldkey, amount: a.amount });
    },
  }),
};

export type ActionType = keyof typeof ACTIONS;
type PayloadOf<T extends ActionType> = CheckedValue<(typeof ACTIONS)[T]['payload']>;
/** The actions after validation (amounts in rao): what the room hands the game. */
export type ActionRequest = { [T in ActionType]: { type: T } & PayloadOf<T> }[ActionType];
/**
 * The actions as a client sends them, one message type each. Amounts are decimal strings ("12.5"
 * TAO, or alpha for unstake/move); `hotkey` defaults to the subnet owner's (the validator you stake
 * behind). Any payload may carry a `ref` (text ≤ 32 characters or an integer), echoed in `ack`/`error`.
 */
export type ActionPayloads = { [T in ActionType]: Wire<PayloadOf<T>> };
export const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];

/** A checked wire request in the game's terms (one request may be more than one game action). */
export const toGameActions = (request: ActionRequest, chain: Chain): GameAction[] | GameError => (ACTIONS[request.type].toGame as (q: ActionRequest, c: Chain) => GameAction[] | GameError)(request, chain);

/** The entry of a game action's type, or null for anything else (a hostile or misspelt type). */
export function actionEntry(type: unknown): ActionEntry<unknown, GameActionType> | null {
  // Indexed by the game's action types: an action the game has and the table lacks does not compile.
  return typeof type === 'string' && Object.hasOwn(ACTIONS, type) ? (ACTIONS[type as GameActionType] as unknown as ActionEntry<unknown, GameActionType>) : null;
}
