// The table of scenario events: each declared once — its fields (the checker, from which its type
// is derived; the wire, a scenario's schedule and the stored log all go through it), what it does
// to the game, its line in the event ticker, and the facilitator form's label and help.
import type { Chain, Coldkey, Rao } from '../engine/index.ts';
import { netuid as toNetuid } from '../engine/index.ts';
import { show } from '../engine/errors.ts';
import { marketSells } from '../game/market.ts';
import type { Surge } from '../game/state.ts';
import type { GameError, GameEvent } from '../game/types.ts';
import { gameError } from '../game/types.ts';
import type { Checker, CheckedValue } from './check.ts';
import { integer, object } from './check.ts';
import { refuse } from './errors.ts';
import { MAX_NETUID, shareField, taoField } from './fields.ts';

/** What an event may change: the chain, and the outside market's running surges. */
export interface EventContext {
  readonly chain: Chain;
  readonly market: Coldkey;
  readonly surges: Surge[];
}

/** How the ticker names things. */
export interface EventWords {
  subnet(netuid: number): string;
  tao(rao: Rao): string;
}

export interface EventEntry<P> {
  /** The facilitator form's button. */
  label: string;
  /** The facilitator form's help line. */
  help: string;
  /** The event's fields besides `type`. */
  payload: Checker<P>;
  /** What it does now; checked in full first (a refusal changes nothing). Returns what happened besides the event itself. */
  apply(ctx: EventContext, e: P): GameEvent[] | GameError;
  /** Its line in the event ticker. */
  feed(e: P, say: EventWords): { text: string; netuid?: number };
}

// The payload is its own argument so that its type is inferred before the functions that read it.
const entry = <P>(payload: Checker<P>, e: Omit<EventEntry<P>, 'payload'>): EventEntry<P> => ({ payload, ...e });
const fields = { allow: ['type'] as const };

export const SCENARIO_EVENTS = {
  /** TAO's block emission halves from the next block, as if its next halving came early; alpha keeps its own schedule. */
  halving_now: entry(object({}, fields.allow), {
    label: 'Halving now',
    help: "TAO's block emission halves from the next block",
    apply: (ctx) => (ctx.chain.decreeTaoHalving() ? [] : gameError('INVALID_EVENT', 'emission cannot halve any further')),
    feed: () => ({ text: 'Event: the halving comes now' }),
  }),
  /** Outside holders sell `fraction` (above 0, at most 1) of the alpha they hold in every subnet. */
  market_shock: entry(object({ fraction: shareField }, fields.allow), {
    label: 'Market shock',
    help: '% of outside holders’ alpha sold in every subnet',
    apply: (ctx, e) => marketSells(ctx.chain, ctx.market, e.fraction),
    feed: (e) => ({ text: `Event: market shock — outside holders sell ${Math.round(e.fraction * 100)} % of their alpha` }),
  }),
  /** `tao` TAO flows into one subnet from outside, staked evenly over `blocks` blocks (the seed: 2,740 τ into Chutes in 9 h). */
  inflow_surge: entry(object({ netuid: integer(1, MAX_NETUID), tao: taoField, blocks: integer(1, 1_000_000) }, fields.allow), {
    label: 'Inflow surge',
    help: 'outside TAO staked into one subnet over a number of blocks',
    apply: (ctx, e) => {
      const netuid = toNetuid(e.netuid);
      if (!ctx.chain.subnet(netuid)) return gameError('SUBNET_NOT_FOUND', `no subnet ${e.netuid}`);
      if (e.tao > ctx.chain.state.tao.outside) return gameError('INSUFFICIENT_BALANCE', 'not that much TAO exists outside the network');
      ctx.surges.push({ netuid, left: e.tao, blocksLeft: e.blocks });
      return [];
    },
    feed: (e, say) => ({ text: `Event: ${say.tao(e.tao)} flows into ${say.subnet(e.netuid)} over ${e.blocks} blocks`, netuid: e.netuid }),
  }),
};

export type ScenarioEventType = keyof typeof SCENARIO_EVENTS;
type FieldsOf<T extends ScenarioEventType> = CheckedValue<(typeof SCENARIO_EVENTS)[T]['payload']>;
/** A scenario event a facilitator may trigger, or a scenario schedules at a block (amounts in rao). */
export type ScenarioEvent = { [T in ScenarioEventType]: { type: T } & FieldsOf<T> }[ScenarioEventType];
export const EVENT_TYPES = Object.keys(SCENARIO_EVENTS) as ScenarioEventType[];

/** The entry for an event's type, typed for that event. */
export const eventEntry = <T extends ScenarioEventType>(type: T): EventEntry<FieldsOf<T>> => SCENARIO_EVENTS[type] as unknown as EventEntry<FieldsOf<T>>;

/** Checks an event: a known type, then that type's fields (nothing else). Never throws. */
export const scenarioEvent: Checker<ScenarioEvent> = (v, field) => {
  const type = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(SCENARIO_EVENTS, type)) return refuse('INVALID_PAYLOAD', `${field}: unknown event ${show(type)}; events are ${EVENT_TYPES.join(', ')}`);
  const r = eventEntry(type as ScenarioEventType).payload(v, field);
  return r.ok ? { ok: true, value: { type, ...r.value } as ScenarioEvent } : r;
};
