// What one player may see, built from the game alone: no sockets, no room. Only ever sent to
// that player: the wallet and a validator's readings (a subnet's neuron table: neuron_table.ts).
import type { Coldkey, Hotkey } from '../../shared/engine/index.ts';
import { formatAmount } from '../../shared/engine/index.ts';
import type { Game, LeaderboardRow } from '../../shared/game/index.ts';
import { playerId } from '../../shared/game/index.ts';
import type { UidHeld } from '../uid_finder.ts';
import { UidFinder } from '../uid_finder.ts';
import type { NeuronHoldingView, ObservationsView, WalletView } from '../../shared/protocol/index.ts';

/** Every player's UIDs now, by hotkey (`finder` keeps what it found from one block to the next). */
export function uidsHeld(game: Game, finder = new UidFinder()): Map<string, UidHeld[]> {
  return finder.find(game.chain.state, new Set(game.players().map((p) => p.hotkey)));
}

/**
 * The player's own wallet, or null for an unknown id. `board` (the leaderboard) and `uids` (every
 * player's UIDs) are worked out once per block for all the wallets of that block. Positions are
 * the ones the game follows for the leaderboard, so the wallet's add up to its net worth.
 */
export function walletView(game: Game, id: string, board: readonly LeaderboardRow[], uids: ReadonlyMap<string, readonly UidHeld[]>): WalletView | null {
  const chain = game.chain;
  const me = game.player(playerId(id));
  if (!me) return null;
  const ck = me.coldkey as Coldkey;
  const row = board.find((r) => r.id === id);
  const positions: WalletView['positions'] = game.positions(me.id).map((p) => ({ netuid: p.netuid, hotkey: p.hotkey, alpha: formatAmount(p.alpha), value: formatAmount(p.value) }));
  const neurons: WalletView['neurons'] = (uids.get(me.hotkey) ?? []).map(({ netuid, uid }) => {
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
