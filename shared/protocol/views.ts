import type { Debrief } from '../game/debrief.ts';
import type { ChainParams } from '../engine/index.ts';
import { formatAmount } from '../engine/index.ts';
import type { WireError } from './errors.ts';
import type { JoinRole, PlayerRole } from './fields.ts';
import type { Ref } from './messages.ts';

/**
 * Server → client messages besides the synced state (schema.ts). Everything private goes
 * through these, to one client only: a wallet, a validator's observations, a watched subnet's
 * neuron table. Money is a decimal string of TAO (or alpha where named), ratios are numbers.
 */
export interface ServerMessages {
  /** First message after joining: who you are and how to come back. */
  welcome: Welcome;
  /** A refused message; nothing changed. */
  error: WireError;
  /** An action was applied at a block boundary. */
  ack: Ack;
  /** Your own wallet, sent when it changes (at most once per block). */
  wallet: WalletView;
  /** A validator's private, noisy view of miners' quality; only that validator receives it. */
  observations: ObservationsView;
  /** The neuron table of the subnet you watch (`watch_subnet`), whole: on watching, then now and then. */
  subnet_detail: SubnetDetailView;
  /** What changed in that table since the last `subnet_detail` or `subnet_delta` (`applySubnetDelta`). */
  subnet_delta: SubnetDeltaView;
  /** Downsampled time series (answer to `get_series`). */
  series: SeriesView;
  /** The game is over: final standings (also kept for `GET /api/games/:code/results`). */
  results: ResultsView;
  /** This game's debrief (answer to `get_debrief`). */
  debrief: DebriefView;
  /** The facilitator's words for every screen (`announce`). */
  announcement: AnnouncementView;
  /** The debrief page the big screens show, or null (`show_debrief`). */
  debrief_page: { page: number | null };
}

export interface Welcome {
  /** Join code of the room (= room id). */
  code: string;
  /** null for spectators. */
  playerId: string | null;
  role: JoinRole;
  name: string;
  /** Secret: rejoin as this player after a refresh (`joinById(code, { playerToken })`). */
  playerToken: string;
  /** Secret, only to the room's creator: authorises facilitator controls. */
  facilitatorToken?: string;
  preset: string;
  seed: number | string;
  /** Blocks per second at speed 1. */
  blocksPerSecond: number;
  /** This game's pool rules (a scenario may override the chain's), so a client's previews match the server's swaps. */
  pool: PoolLimitsView;
}

/** The swap rules of the game's pools: the fee (of 65,535), the largest input as a multiple of a reserve, the smallest reserve left (TAO). */
export interface PoolLimitsView {
  feeRateU16: number;
  maxSwapInputMultiplier: number;
  minPoolReserve: string;
  /** Where swap fees go: they stay in the pool, or leave it for the block author (the chain from 2026-03-11). */
  swapFee: 'pool' | 'block-author';
}

export const poolLimitsView = (p: Pick<ChainParams, 'feeRateU16' | 'maxSwapInputMultiplier' | 'minPoolReserve' | 'rules'>): PoolLimitsView => ({
  feeRateU16: p.feeRateU16,
  maxSwapInputMultiplier: p.maxSwapInputMultiplier,
  minPoolReserve: formatAmount(p.minPoolReserve),
  swapFee: p.rules.swapFee,
});

export interface Ack {
  action: string;
  ref?: Ref;
  /** The block at whose boundary it was applied. */
  block: number;
}

export interface PositionView {
  netuid: number;
  hotkey: string;
  /** Alpha held (TAO for root, netuid 0). */
  alpha: string;
  /** What unstaking it all now would pay, fee and slippage included. */
  value: string;
}

export interface NeuronHoldingView {
  netuid: number;
  uid: number;
  hotkey: string;
  /** Whether the UID holds a validator permit (the top UIDs by stake at the last epoch). */
  permit: boolean;
  /** For miners: chosen effort, 0..1. */
  effort?: number;
  /**
   * For a validator that has set weights: the row the chain holds now, non-zero entries only, each
   * as a fraction of the largest (the chain stores the row scaled so its largest weight is 65535).
   */
  weights?: { uids: number[]; values: number[] };
  /**
   * For a permit holder with weights stored: the share of its weight Yuma kept at the last epoch
   * (validator trust, 0..1); the rest was clipped to the stake-weighted consensus.
   */
  trust?: number;
}

/** Below this share of its weight kept at an epoch, a validator's weights count as clipped: it is told so, and the balance script counts clipping as seen. */
export const CLIPPED_BELOW = 0.8;

export interface WalletView {
  playerId: string;
  block: number;
  role: PlayerRole;
  /** Free TAO. */
  balance: string;
  positions: PositionView[];
  neurons: NeuronHoldingView[];
  /** Subnets this player owns. */
  subnets: number[];
  /** The player's own hotkey (stake behind it, register it as a neuron). */
  hotkey: string;
  /** Take of the player's hotkey, a fraction. */
  take: number;
  /** Net worth at liquidation value, and its change since the start. */
  netWorth: string;
  change: string;
  /** The seed's two ways to make money: emission received vs alpha price gains (TAO). */
  emissionIncome: string;
  priceGains: string;
  /**
   * The third part of the change: product revenue in, compute bills, subnet locks and UID burns out
   * (change = emissionIncome + priceGains + business).
   */
  business: string;
}

export interface ObservationsView {
  block: number;
  subnets: { netuid: number; uids: number[]; quality: number[] }[];
}

export interface NeuronRowView {
  uid: number;
  hotkey: string;
  /** Player id of the hotkey's owner, when it is a player. */
  owner: string | null;
  /** Alpha staked behind the hotkey on this subnet. */
  stake: string;
  validatorPermit: boolean;
  incentive: number;
  dividends: number;
  trust: number;
  consensus: number;
  /** The hotkey's delegate take: the share of its nominators' dividends it keeps, 0..1. */
  take: number;
  /** Sum of this validator's bonds (normalised u16 rows), 0 for miners. */
  bonds: number;
  /** Alpha received at the last epoch. */
  emission: string;
  registeredAt: number;
  immune: boolean;
}

export interface SubnetDetailView {
  netuid: number;
  block: number;
  name: string;
  /** Cost to register a UID now (TAO). */
  burn: string;
  neurons: NeuronRowView[];
}

/**
 * The rows of a watched table that changed, whole, keyed by their uid (a uid past the table's end
 * is a new registration). Between epochs most tables do not change at all, so nothing is sent.
 */
export interface SubnetDeltaView {
  netuid: number;
  block: number;
  burn: string;
  name: string;
  /** Rows in the table now (a subnet registered again under the same netuid may have fewer). */
  size: number;
  rows: NeuronRowView[];
}

/** The table a delta leaves: `detail` with `delta`'s rows in place; a new object, `detail` unchanged. */
export function applySubnetDelta(detail: SubnetDetailView, delta: SubnetDeltaView): SubnetDetailView {
  const neurons = detail.neurons.slice(0, delta.size);
  for (const row of delta.rows) neurons[row.uid] = row;
  return { netuid: detail.netuid, block: delta.block, name: delta.name, burn: delta.burn, neurons };
}

/** Columns of numbers sharing one `block` axis. Money as numbers here: charts only, never fed back. */
export interface SeriesView {
  block: number[];
  /** Per netuid: price, pool TAO, net flow EMA (TAO/block), emission share. */
  subnets: Record<string, { price: number[]; taoIn: number[]; flowEma: number[]; emissionShare: number[] }>;
  /** Per player id: net worth (TAO). */
  netWorth: Record<string, number[]>;
}

export interface ResultRow {
  rank: number;
  playerId: string;
  name: string;
  role: PlayerRole;
  bot: boolean;
  netWorth: string;
  change: string;
  emissionIncome: string;
  priceGains: string;
}

export interface ResultsView {
  code: string;
  preset: string;
  seed: number | string;
  block: number;
  rows: ResultRow[];
}

/** A public game as listed by `GET /api/games` and the `lobby` room's metadata. */
export interface GameListing {
  code: string;
  preset: string;
  block: number;
  players: number;
  freeSeats: number;
  phase: string;
}

/** The debrief: docs/WORKSHOP.md's questions answered from this game, each page with its chart data. */
export type DebriefView = Debrief;

export interface AnnouncementView {
  text: string;
  /** Whether the game is paused with it. */
  paused: boolean;
  block: number;
}
