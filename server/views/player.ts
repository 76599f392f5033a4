// What one player may see, built from the game alone: no sockets, no room. Only ever sent to
// that player (wallet, a validator's readings) or to those who asked (a subnet's neuron table).
import type { Coldkey, Hotkey } from '../../shared/engine/index.ts';
import { formatAmount, netuid as toNetuid } from '../../shared/engine/index.ts';
import type { Game, LeaderboardRow } from '../../shared/game/index.ts';
import { liquidationValue, playerId } from '../../shared/game/index.ts';
import { Holdings } from '../holdings.ts';
import type { NeuronHoldingView, ObservationsView, SubnetDetailView, WalletView } from '../../shared/protocol/index.ts';

/** Every player's positions and UIDs now, from one pass over the chain. */
export function holdingsOf(game: Game): Holdings {
  const players = game.players();
  return new Holdings(game.chain.state, new Set(players.map((p) => p.coldkey)), new Set(players.map((p) => p.hotkey)));
}

/**
 * The player's own wallet, or null for an unknown id. `board` (the leaderboard) and `held` (every
 * player's positions and UIDs) are worked out once per block for all the wallets of that block.
 */
export function walletView(game: Game, id: string, board: readonly LeaderboardRow[], held: Holdings): WalletView | null {
  const chain = game.chain;
  const me = game.player(playerId(id));
  if (!me) return null;
  const ck = me.coldkey as Coldkey;
  const row = board.find((r) => r.id === id);
  const positions: WalletView['positions'] = held.positionsOf(ck).map((p) => ({ netuid: p.netuid, hotkey: p.hotkey, alpha: formatAmount(p.alpha), value: formatAmount(liquidationValue(chain, ck, [{ netuid: p.netuid, hotkey: p.hotkey }])) }));
  const neurons: WalletView['neurons'] = held.uidsOf(me.hotkey).map(({ netuid, uid }) => {
    const s = chain.subnet(netuid)!;
    const n = s.neurons[uid];
    const row = s.weights.get(uid);
    const trust = n.validatorPermit && row ? { trust: Math.round(n.validatorTrust * 1000) / 1000 } : {};
    return { netuid, uid, hotkey: me.hotkey, permit: n.validatorPermit, ...(me.role === 'miner' ? { effort: me.effort } : {}), ...storedWeights(row), ...trust };
  });
  const subnets: number[] = [];
  for (const s of chain.state.subnets) if (s && s.owner === ck) subnets.push(s.netuid);
  for (const [hk, holders] of chain.state.root) {
    const tao = holders.get(ck);
    if (tao && tao > 0n) positions.push({ netuid: 0, hotkey: hk, alpha: formatAmount(tao), value: formatAmount(tao) });
  }
  const balance = chain.balance(ck);
  return {
    playerId: id,
    block: chain.block,
    role: me.role,
    balance: formatAmount(balance),
    positions,
    neurons,
    subnets,
    hotkey: me.hotkey,
    take: (chain.state.hotkeys.get(me.hotkey as Hotkey)?.takeU16 ?? chain.state.params.defaultTakeU16) / 65_535,
    netWorth: formatAmount(row?.netWorth ?? balance),
    change: signed(row?.change ?? 0n),
    emissionIncome: signed(row?.emissionIncome ?? 0n),
    priceGains: signed(row?.priceGains ?? 0n),
    business: signed(row?.business ?? 0n),
  };
}

/** A validator's own readings; null for anyone else (and for a validator without readings yet). */
export function observationsView(game: Game, id: string): ObservationsView | null {
  const o = game.observationsFor(playerId(id));
  if (!o || o.readings.length === 0) return null;
  return { block: game.block, subnets: [{ netuid: o.netuid, uids: o.readings.map((r) => r.uid), quality: o.readings.map((r) => Math.round(r.quality * 1e4) / 1e4) }] };
}

/** A subnet's neuron table, or null when no subnet has that netuid. */
export function subnetDetailView(game: Game, netuid: number): SubnetDetailView | null {
  const info = game.subnetInfo(toNetuid(netuid));
  const s = game.chain.subnet(toNetuid(netuid));
  if (!info || !s) return null;
  const immunity = game.chain.state.params.neuronImmunityPeriod;
  return {
    netuid,
    block: game.block,
    name: info.name,
    burn: formatAmount(info.burn),
    neurons: info.neurons.map((n) => ({
      uid: n.uid,
      hotkey: n.hotkey,
      owner: n.player,
      stake: formatAmount(n.stake),
      validatorPermit: n.validatorPermit,
      incentive: ratio(n.incentive),
      dividends: ratio(n.dividends),
      trust: ratio(n.validatorTrust),
      take: (game.chain.state.hotkeys.get(n.hotkey as Hotkey)?.takeU16 ?? game.chain.state.params.defaultTakeU16) / 65_535,
      consensus: ratio(n.consensus),
      bonds: ratio((s.bonds.get(n.uid) ?? []).reduce((a, b) => a + b, 0) / 65_535),
      emission: formatAmount(n.emission),
      registeredAt: s.neurons[n.uid].registeredAt,
      immune: game.block < s.neurons[n.uid].registeredAt + immunity,
    })),
  };
}

/** Ratios for a table shown to people: 5 significant decimals keep messages short and stable. */
const ratio = (x: number): number => Math.round(x * 1e5) / 1e5;

/** A rao amount that may be negative, as a decimal string of TAO. */
export const signed = (rao: bigint): string => (rao < 0n ? `-${formatAmount(-rao)}` : formatAmount(rao));

/** A validator's stored weight row as the wallet shows it: non-zero entries, 0..1 of the largest. */
function storedWeights(row: readonly number[] | undefined): Pick<NeuronHoldingView, 'weights'> {
  if (!row) return {};
  const uids: number[] = [];
  const values: number[] = [];
  row.forEach((w, uid) => {
    if (w <= 0) return;
    uids.push(uid);
    values.push(Math.round((w / 65_535) * 1e4) / 1e4);
  });
  return { weights: { uids, values } };
}
