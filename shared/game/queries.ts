// Read-only questions about a game: nothing here changes the chain or the game.
import type { Netuid, Rao, Subnet, Uid } from '../engine/index.ts';
import { hotkeyStake, spotPrice } from '../engine/index.ts';
import type { LeaderboardRow } from './leaderboard.ts';
import { leaderboard as rank } from './leaderboard.ts';
import { liquidationValue, netWorth as worth, parsePosition } from './liquidation.ts';
import type { Player, SubnetLabel } from './state.ts';
import type { PlayerId } from './types.ts';
import type { World } from './world.ts';

export interface SubnetInfo {
  netuid: Netuid;
  name: string;
  product: string;
  owner: string;
  ownerHotkey: string;
  ownerPlayer: PlayerId | null;
  taoIn: Rao;
  alphaIn: Rao;
  alphaOut: Rao;
  price: number;
  movingPrice: number;
  flowEma: number;
  emissionShare: number;
  burn: Rao;
  registeredAt: number;
  /** Block at which the subnet's registration immunity ends (it may be pruned after). */
  immuneUntil: number;
  blocksUntilEpoch: number;
  neurons: { uid: Uid; hotkey: string; player: PlayerId | null; validatorPermit: boolean; stake: Rao; incentive: number; dividends: number; consensus: number; validatorTrust: number; emission: Rao }[];
}

const positionsOf = (p: Player) => p.positions.map(parsePosition);

export const leaderboard = (w: World): LeaderboardRow[] => rank(w.chain, w.g.players);

/** Net worth at liquidation value (rao), or null for an unknown player. */
export function netWorth(w: World, id: PlayerId): Rao | null {
  const p = w.byId.get(id);
  return p ? worth(w.chain, p.coldkey, positionsOf(p)) : null;
}

/** A validator's private readings of its subnet's UIDs (null for anyone else): only that player may see them. */
export function observationsFor(w: World, id: PlayerId): { netuid: Netuid; readings: { uid: Uid; hotkey: string; quality: number }[] } | null {
  const p = w.byId.get(id);
  if (!p || p.role !== 'validator' || p.home === null) return null;
  const s = w.chain.subnet(p.home);
  if (!s) return null;
  return { netuid: p.home, readings: p.observations.map((q, u) => ({ uid: u as Uid, hotkey: s.neurons[u]?.hotkey ?? '', quality: q })) };
}

export function subnetInfo(w: World, netuid: Netuid): SubnetInfo | null {
  const chain = w.chain;
  const s = w.subnetAt(netuid);
  if (!s) return null;
  const label = labelOf(w, netuid);
  const owner = w.g.players.find((p) => p.coldkey === s.owner);
  return {
    netuid,
    name: label.name,
    product: label.product,
    owner: s.owner,
    ownerHotkey: s.ownerHotkey,
    ownerPlayer: owner?.id ?? null,
    taoIn: s.taoIn,
    alphaIn: s.alphaIn,
    alphaOut: s.alphaOut,
    price: spotPrice(s),
    movingPrice: s.movingPrice,
    flowEma: s.flowEma,
    emissionShare: s.emissionShare,
    burn: s.burn,
    registeredAt: s.registeredAt,
    immuneUntil: s.registeredAt + chain.state.params.networkImmunityPeriod,
    blocksUntilEpoch: chain.blocksUntilEpoch(netuid),
    neurons: s.neurons.map((n, j) => ({
      uid: j as Uid,
      hotkey: n.hotkey,
      player: w.byHotkey.get(n.hotkey)?.id ?? null,
      validatorPermit: n.validatorPermit,
      stake: hotkeyStake(s.stake, n.hotkey),
      incentive: n.incentive,
      dividends: n.dividends,
      consensus: n.consensus,
      validatorTrust: n.validatorTrust,
      emission: n.emission,
    })),
  };
}

/**
 * The true quality of each UID of a subnet (0 for non-miners), in uid order. Hidden during play:
 * never send it to players.
 */
export function trueQualities(w: World, netuid: Netuid): number[] {
  const s = w.subnetAt(netuid);
  return s ? w.qualities.of(s).map((q) => q ?? 0) : [];
}

/** A subnet's display name and product, or null when no subnet has that netuid. */
export function subnetLabel(w: World, netuid: Netuid): SubnetLabel | null {
  return w.subnetAt(netuid) ? { ...labelOf(w, netuid) } : null;
}

const labelOf = (w: World, netuid: number): SubnetLabel => w.g.labels[netuid] ?? { name: `SN${netuid}`, product: '' };

/** A player's open positions: alpha held and what selling that position alone would pay now. */
export function positions(w: World, id: PlayerId): { netuid: Netuid; hotkey: string; alpha: Rao; value: Rao }[] {
  const p = w.byId.get(id);
  if (!p) return [];
  return positionsOf(p)
    .map((pos) => ({ ...pos, alpha: w.chain.stake(p.coldkey, pos.hotkey, pos.netuid) }))
    .filter((x) => x.alpha > 0n)
    .map((x) => ({ ...x, value: liquidationValue(w.chain, p.coldkey, [x]) }));
}

/** Netuids of every registered subnet. */
export const subnetIds = (w: World): Netuid[] => w.chain.state.subnets.filter((s): s is Subnet => s !== null).map((s) => s.netuid);
