import type { Schema } from '@colyseus/schema';
import Decimal from 'decimal.js';
import { formatAmount, nextHalvingIssuance, spotPrice, subnetToPrune } from '../shared/engine/index.ts';
import type { Rao } from '../shared/engine/index.ts';
import type { GameEvent } from '../shared/game/index.ts';
import { returnOf } from '../shared/game/index.ts';
import type { GameHost } from './game_host.ts';
import { describeEvent } from './feed.ts';
import type { ArenaState } from '../shared/protocol/schema.ts';
import { FeedEvent, PlayerState, SubnetState } from '../shared/protocol/schema.ts';

/** How many events the ticker keeps. */
const FEED_LENGTH = 30;
/**
 * The leaderboard moves every block; people read it every second or two. With 50+ rows it is most
 * of the patch bytes, hence the pace and the rounding (exact amounts are in wallets and results).
 */
const BOARD_EVERY_MS = 1500;
/**
 * Every pool moves every block (emission is injected into all of them), and blocks may run at 10/s.
 * A workshop's handful of subnet rows follow twice a second; a full network's 128 rows, most of
 * every client's bytes, once a second: a map of 128 subnets is read at that pace, not faster.
 */
const subnetsEveryMs = (subnets: number): number => (subnets > 32 ? 1000 : 500);

/** Assigns only what changed, so unchanged fields cost no bytes in the next patch. */
function put<T extends Schema, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

/** Display ratios: a change below one part in 10^5 is not worth its bytes on every client. */
function near<T extends Schema, K extends keyof T>(target: T, key: K, value: T[K] & number): void {
  const old = target[key] as number;
  if (old === value) return;
  if (Math.abs(value - old) > 1e-5 * Math.max(Math.abs(value), Math.abs(old)) || (old === 0) !== (value === 0)) target[key] = value;
}

/** A rounded decimal string for display rows (exact amounts travel in wallets and results). */
const tao2 = (rao: Rao): string => {
  const abs = new Decimal(formatAmount(rao < 0n ? -rao : rao)).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed();
  return rao < 0n && abs !== '0' ? `-${abs}` : abs;
};

/**
 * Pool reserves for display and previews: 6 significant digits move a few times a minute under
 * emission, where the exact rao would be re-sent for every subnet twice a second.
 */
const sig6 = (rao: Rao): string => new Decimal(formatAmount(rao)).toSignificantDigits(6, Decimal.ROUND_DOWN).toFixed();

/** Copies the game's public picture into the synced state: clock, subnets, leaderboard, feed. */
export class Mirror {
  private lastBoard = -Infinity;
  private lastSubnets = -Infinity;
  /** Subnets whose owner burned miner emission at its last epoch. */
  private readonly burning = new Set<number>();

  constructor(
    private readonly state: ArenaState,
    private readonly host: GameHost,
    code: string,
  ) {
    state.code = code;
    state.preset = host.preset;
    state.clock.blocksPerSecond = host.blocksPerSecond;
    state.clock.endBlock = host.endBlock;
  }

  /** `full` refreshes everything now (joins, controls, actions); otherwise each part at its own pace. */
  sync(full: boolean): void {
    const chain = this.host.chain;
    const st = chain.state;
    const p = st.params;
    const clock = this.state.clock;
    put(clock, 'block', st.block);
    put(clock, 'tempo', p.tempo);
    put(clock, 'blockEmission', formatAmount(st.blockEmission));
    const next = nextHalvingIssuance(st.tao.issuance, p.totalSupply);
    put(clock, 'halvingIn', next !== null && st.blockEmission > 0n ? Number((next - st.tao.issuance + st.blockEmission - 1n) / st.blockEmission) : 0);
    put(this.state, 'lockCost', formatAmount(chain.lockCost()));
    put(this.state, 'subnetLimit', p.subnetLimit);
    put(this.state, 'subnetOpensAt', st.network.lastRegistrationBlock === null ? 0 : st.network.lastRegistrationBlock + p.networkRateLimit);

    const now = Date.now();
    if (full || now - this.lastSubnets >= subnetsEveryMs(this.state.subnets.size)) {
      this.lastSubnets = now;
      this.subnets();
    }
    if (full || now - this.lastBoard >= BOARD_EVERY_MS) {
      this.lastBoard = now;
      this.board();
    }
  }

  private subnets(): void {
    const st = this.host.chain.state;
    const p = st.params;

    const prune = subnetToPrune(st)?.netuid ?? -1;
    const owners = this.host.playersByColdkey();
    const seen = new Set<string>();
    for (const s of st.subnets) {
      if (!s) continue;
      const key = String(s.netuid);
      seen.add(key);
      let row = this.state.subnets.get(key);
      if (!row) {
        row = new SubnetState();
        row.netuid = s.netuid;
        this.state.subnets.set(key, row);
      }
      const owner = owners.get(s.owner);
      put(row, 'name', this.host.subnetName(s.netuid));
      put(row, 'product', this.host.subnetProduct(s.netuid));
      put(row, 'ownerId', owner?.id ?? '');
      put(row, 'ownerName', owner?.name ?? '');
      put(row, 'taoIn', sig6(s.taoIn));
      put(row, 'alphaIn', sig6(s.alphaIn));
      near(row, 'price', spotPrice(s));
      near(row, 'emaPrice', s.movingPrice);
      near(row, 'flowEma', s.flowEma / 1e9);
      near(row, 'emissionShare', s.emissionShare);
      put(row, 'registeredAt', s.registeredAt);
      put(row, 'immuneUntil', s.registeredAt + p.networkImmunityPeriod);
      put(row, 'pruneCandidate', s.netuid === prune);
      put(row, 'neurons', s.neurons.length);
      put(row, 'burn', formatAmount(s.burn));
    }
    for (const key of [...this.state.subnets.keys()]) if (!seen.has(key)) this.state.subnets.delete(key);
  }

  private board(): void {
    const rows = this.host.standings();
    const seen = new Set<string>();
    for (const r of rows) {
      seen.add(r.playerId);
      let row = this.state.players.get(r.playerId);
      if (!row) {
        row = new PlayerState();
        row.id = r.playerId;
        this.state.players.set(r.playerId, row);
      }
      put(row, 'name', r.name);
      put(row, 'role', r.role);
      put(row, 'bot', r.bot);
      put(row, 'connected', r.connected);
      put(row, 'removed', r.removed);
      put(row, 'netWorth', tao2(r.netWorth));
      put(row, 'change', tao2(r.change));
      put(row, 'changePct', Math.round(returnOf(r) * 1000) / 10);
      put(row, 'emissionIncome', tao2(r.emissionIncome));
      put(row, 'priceGains', tao2(r.priceGains));
      put(row, 'rank', r.rank);
      put(row, 'roleRank', r.roleRank);
    }
    for (const key of [...this.state.players.keys()]) if (!seen.has(key)) this.state.players.delete(key);
  }

  spectators(count: number): void {
    put(this.state, 'spectators', count);
  }

  /** Adds what deserves a line in the ticker. */
  events(events: readonly GameEvent[]): void {
    const feed = this.state.events;
    for (const e of events) {
      if (e.type === 'epoch') {
        // An owner who burns does so every tempo: the feed says so when it starts, not every epoch.
        const was = this.burning.has(e.netuid);
        if (e.ownerBurned > 0n) this.burning.add(e.netuid);
        else this.burning.delete(e.netuid);
        if (was) continue;
      }
      const line = describeEvent(e, this.host);
      if (!line) continue;
      const item = new FeedEvent();
      item.block = line.block;
      item.kind = line.kind;
      item.text = line.text;
      item.netuid = line.netuid;
      feed.push(item);
    }
    while (feed.length > FEED_LENGTH) feed.shift();
  }
}
