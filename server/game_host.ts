import { strategyNames } from '../shared/bots/index.ts';
import type { Chain, Coldkey, Hotkey } from '../shared/engine/index.ts';
import { formatAmount, netuid as toNetuid, toUnits } from '../shared/engine/index.ts';
import type { GameError, GameEvent, GameSnapshot, LeaderboardRow, PlayerInfo, Role, ScenarioEvent } from '../shared/game/index.ts';
import { buildScenario, EXTERNAL_BOT, Game, isScenarioError, liquidationValue, StoryLog, playerId as toPlayerId } from '../shared/game/index.ts';
import { DEFAULT_SERIES_SUBNETS, toGameActions } from '../shared/protocol/index.ts';
import type { ActionRequest, NeuronHoldingView, ObservationsView, PlayerRole, ResultsView, SeriesView, SubnetDetailView, WalletView } from '../shared/protocol/index.ts';
import { type RefusalFacts, refusalFacts } from '../shared/game/refusal_facts.ts';
import type { Namer } from './feed.ts';
import { Holdings } from './holdings.ts';
import type { GameRecord, LogEntry } from './record.ts';

export type HostEvent = GameEvent;
export type HostResult = { ok: true; events: GameEvent[] } | { ok: false; error: GameError };

/** A leaderboard row as the mirror needs it (rao amounts). */
export interface Standing {
  playerId: string;
  name: string;
  role: PlayerRole;
  bot: boolean;
  connected: boolean;
  removed: boolean;
  netWorth: bigint;
  startWorth: bigint;
  change: bigint;
  emissionIncome: bigint;
  priceGains: bigint;
  rank: number;
  roleRank: number;
}

/** Player seats a facilitated game lists as free for people. */
const DEFAULT_SEATS = 16;
/** Seats of a quick-play game: bots hold them until people come. */
export const QUICKPLAY_SEATS = 8;

/**
 * The game as the room drives it: the pure `Game` plus the record that reproduces it. Every change
 * goes through here and, if accepted, into the log with the block it happened at; steps are implied
 * by those block numbers. No clock, no I/O: `replay(record)` rebuilds the same game anywhere.
 */
export class GameHost implements Namer {
  private readonly log: LogEntry[] = [];
  /** What the debrief needs of the events (kept from this process's start: a restore begins it afresh). */
  readonly story = new StoryLog((netuid) => this.subnetName(netuid));
  /**
   * Called with each accepted change, in order, before the room acknowledges it: a store that
   * writes it here synchronously never loses an acknowledged action.
   */
  onEntry: ((entry: LogEntry, seq: number) => void) | null = null;
  private nextPlayer = 1;
  /** Bots quick play took off the board for people who are here; each comes back when one leaves. */
  private displacedBots = 0;
  /** The facilitator ended the game before its last block (the Game itself only ends at `endBlock`). */
  private endedEarly = false;
  /** Subnet names and products change only on registration, naming and pruning: cached, not rebuilt every tick. */
  private readonly labels = new Map<number, { name: string; product: string }>();
  /** The leaderboard of the current block and log: every wallet and the board read it, computed once. */
  private board: { key: string; rows: LeaderboardRow[] } | null = null;
  /** Players' positions and UIDs of the current block and log, for the wallets: found once. */
  private held: { key: string; holdings: Holdings } | null = null;
  /** Players' net worth sampled with the game's series, for the charts (derived, so not in the record). */
  private readonly worth: { block: number; values: Map<string, number> }[] = [];

  private constructor(
    readonly game: Game,
    readonly preset: string,
    private readonly overrides: unknown,
    readonly seed: number | string,
  ) {
    this.refreshLabels();
    this.sampleWorth();
  }

  static create(header: { preset: string; overrides?: unknown; seed: number | string }): GameHost | GameError {
    const scenario = buildScenario(header.preset, header.overrides);
    if (isScenarioError(scenario)) return scenario;
    return new GameHost(Game.create(scenario, header.seed), header.preset, header.overrides, header.seed);
  }

  /** Re-runs a record: the same scenario, seed and accepted log give the same game, bit for bit. */
  static replay(record: GameRecord, untilBlock = record.block): GameHost {
    const host = GameHost.create(record);
    if ('code' in host) throw new Error(`record has an invalid scenario: ${host.message}`);
    for (const entry of record.log) {
      if (entry.block > untilBlock) break;
      while (host.block < entry.block) host.step();
      const r = host.apply(entry);
      if (!r.ok) throw new Error(`record does not replay at block ${entry.block}: ${r.error.code} ${r.error.message}`);
    }
    while (host.block < untilBlock) host.step();
    return host;
  }

  /**
   * Rebuilds a game from a snapshot taken after the first `from.seq` log entries (faster than a
   * replay from block 0), then applies the rest of the record's log.
   */
  static resume(record: GameRecord, from: { seq: number; snapshot: GameSnapshot }): GameHost {
    const host = new GameHost(Game.restore(from.snapshot), record.preset, record.overrides, record.seed);
    for (const entry of record.log.slice(0, from.seq)) {
      host.log.push(entry);
      if (entry.kind === 'join') host.nextPlayer = Math.max(host.nextPlayer, Number(entry.player.slice(1)) + 1);
      if (entry.kind === 'end') host.endedEarly = true;
    }
    for (const entry of record.log.slice(from.seq)) {
      while (host.block < entry.block) host.step();
      const r = host.apply(entry);
      if (!r.ok) throw new Error(`record does not resume at block ${entry.block}: ${r.error.code} ${r.error.message}`);
    }
    while (host.block < record.block) host.step();
    return host;
  }

  get chain(): Chain {
    return this.game.chain;
  }
  get block(): number {
    return this.game.chain.block;
  }
  get blocksPerSecond(): number {
    return this.game.scenario.game.blocksPerSecond;
  }
  get endBlock(): number {
    return this.game.endBlock;
  }
  get over(): boolean {
    return this.game.over || this.endedEarly;
  }
  defaultSeats(quickplay: boolean): number {
    return quickplay ? QUICKPLAY_SEATS : DEFAULT_SEATS;
  }

  /** How many changes the log holds (a snapshot records where in the log it was taken). */
  get logLength(): number {
    return this.log.length;
  }

  record(): GameRecord {
    return { preset: this.preset, ...(this.overrides !== undefined ? { overrides: this.overrides } : {}), seed: this.seed, block: this.block, log: [...this.log] };
  }

  // Changes (logged) -------------------------------------------------------------------------------

  join(name: string, role: PlayerRole, bot: boolean): { ok: true; playerId: string; events: GameEvent[] } | { ok: false; error: GameError } {
    const id = `p${this.nextPlayer}`;
    const r = this.apply({ block: this.block, kind: 'join', player: id, name, role, bot });
    return r.ok ? { ok: true, playerId: id, events: r.events } : r;
  }

  act(player: string, request: ActionRequest): HostResult {
    const actions = toGameActions(request, this.chain);
    if ('code' in actions) return { ok: false, error: actions };
    const events: GameEvent[] = [];
    for (const action of actions) {
      const r = this.apply({ block: this.block, kind: 'act', player, action });
      // register_subnet + name: the registration stands even if the name is refused.
      if (!r.ok) return events.length === 0 ? r : { ok: true, events };
      events.push(...r.events);
    }
    return { ok: true, events };
  }

  /** The numbers behind a refused action, read right after the refusal (which changed nothing). */
  refusalFacts(player: string, request: ActionRequest, code: string): RefusalFacts | undefined {
    const p = this.game.player(toPlayerId(player));
    const actions = toGameActions(request, this.chain);
    return p && !('code' in actions) ? refusalFacts(this.chain, p, actions[0], code) : undefined;
  }

  trigger(event: ScenarioEvent): HostResult {
    return this.apply({ block: this.block, kind: 'event', event });
  }

  addBot(role: PlayerRole, strategy?: string): HostResult {
    return this.apply({ block: this.block, kind: 'add_bot', role, strategy: strategy ?? strategyNames(role)[0] });
  }

  removeBot(player: string): HostResult {
    const p = this.player(player);
    if (!p || p.bot === null || p.bot === EXTERNAL_BOT) return { ok: false, error: { code: 'UNKNOWN_PLAYER', message: `no bot ${player} run by this game` } };
    return this.apply({ block: this.block, kind: 'remove', player });
  }

  remove(player: string): HostResult {
    return this.apply({ block: this.block, kind: 'remove', player });
  }

  /** Connection changes are game state too (the board shows them), so they are logged. */
  setConnected(player: string, connected: boolean): void {
    this.apply({ block: this.block, kind: connected ? 'rejoin' : 'leave', player });
  }

  /**
   * Quick play keeps its seats full: a person arriving (or coming back) takes a bot's seat,
   * preferably one of the same role, while the game holds more players than seats.
   */
  makeRoomForHuman(role: PlayerRole, seats: number): void {
    if (this.game.players().filter((p) => !p.removed && (p.connected || p.bot !== null)).length <= seats) return;
    const bots = this.game.players().filter((p) => !p.removed && p.bot !== null && p.bot !== EXTERNAL_BOT);
    const bot = bots.find((p) => p.role === role) ?? bots[0];
    if (bot && this.removeBot(bot.id).ok) this.displacedBots++;
  }

  /** A person who left for good hands back the seat a bot gave up for them; their wallet stays theirs. */
  fillSeatLeftBy(role: PlayerRole): void {
    if (this.displacedBots > 0 && this.addBot(role).ok) this.displacedBots--;
  }

  end(): void {
    if (!this.over) this.apply({ block: this.block, kind: 'end' });
  }

  step(): GameEvent[] {
    const events = this.game.step();
    this.story.note(events);
    this.noteLabels(events);
    if ((this.block - this.game.startBlock) % this.game.scenario.game.seriesEvery === 0) this.sampleWorth();
    return events;
  }

  /** Applies one logged change (a replay room feeds its source's log through here). */
  apply(entry: LogEntry): HostResult {
    const g = this.game;
    let r: HostResult;
    switch (entry.kind) {
      case 'join':
        r = g.join(toPlayerId(entry.player), { name: entry.name, role: entry.role as Role, ...(entry.bot ? { bot: EXTERNAL_BOT } : {}) });
        if (r.ok) this.nextPlayer = Math.max(this.nextPlayer, Number(entry.player.slice(1)) + 1);
        break;
      case 'add_bot':
        r = g.addBot(entry.role as Role, entry.strategy);
        break;
      case 'act':
        r = g.act(toPlayerId(entry.player), entry.action);
        break;
      case 'event':
        r = g.trigger(entry.event);
        break;
      case 'remove':
        r = g.remove(toPlayerId(entry.player));
        break;
      case 'leave':
      case 'rejoin': {
        const done = entry.kind === 'leave' ? g.leave(toPlayerId(entry.player)) : g.rejoin(toPlayerId(entry.player));
        r = done ? { ok: true, events: [] } : { ok: false, error: { code: 'UNKNOWN_PLAYER', message: `no player ${entry.player}` } };
        break;
      }
      case 'end':
        this.endedEarly = true;
        r = { ok: true, events: [{ type: 'game_over', block: this.block }] };
        break;
    }
    if (r.ok) {
      this.log.push(entry);
      this.onEntry?.(entry, this.log.length);
      this.story.note(r.events);
      this.noteLabels(r.events);
    }
    return r;
  }

  private refreshLabels(): void {
    this.labels.clear();
    for (const id of this.game.subnetIds()) this.labels.set(id, this.game.subnetLabel(id) ?? { name: `SN${id}`, product: '' });
  }

  private noteLabels(events: readonly GameEvent[]): void {
    if (events.some((e) => e.type === 'subnet_registered' || e.type === 'subnet_named' || e.type === 'subnet_pruned')) this.refreshLabels();
  }

  private sampleWorth(): void {
    const values = new Map<string, number>();
    for (const r of this.leaderboard()) values.set(r.id, toUnits(r.netWorth));
    this.worth.push({ block: this.block, values });
  }

  // Views (read only) -------------------------------------------------------------------------------

  /** Netuids by current emission share, largest first. */
  topSubnets(n: number): number[] {
    return this.chain.state.subnets
      .filter((s) => s !== null)
      .sort((a, b) => b.emissionShare - a.emissionShare || a.netuid - b.netuid)
      .slice(0, n)
      .map((s) => s.netuid);
  }

  player(id: string): PlayerInfo | null {
    return this.game.player(toPlayerId(id));
  }

  playersByColdkey(): Map<Coldkey, PlayerInfo> {
    return new Map(this.game.players().map((p) => [p.coldkey as Coldkey, p]));
  }

  subnetName(netuid: number): string {
    return this.labels.get(netuid)?.name ?? `SN${netuid}`;
  }

  /** What the subnet's miners produce, as its owner put it ('' when not said). */
  subnetProduct(netuid: number): string {
    return this.labels.get(netuid)?.product ?? '';
  }

  nameOf(key: string): string | null {
    const p = this.game.players().find((x) => x.id === key || x.coldkey === key);
    return p ? p.name : null;
  }

  /** The game's leaderboard, recomputed only when a block or an accepted change has happened since. */
  leaderboard(): LeaderboardRow[] {
    const key = `${this.block}:${this.log.length}`;
    if (this.board?.key !== key) this.board = { key, rows: this.game.leaderboard() };
    return this.board.rows;
  }

  private holdings(): Holdings {
    const key = `${this.block}:${this.log.length}`;
    if (this.held?.key !== key) {
      const players = this.game.players();
      this.held = { key, holdings: new Holdings(this.chain.state, new Set(players.map((p) => p.coldkey)), new Set(players.map((p) => p.hotkey))) };
    }
    return this.held.holdings;
  }

  standings(): Standing[] {
    const connected = new Map(this.game.players().map((p) => [p.id as string, p.connected]));
    return this.leaderboard().map((r) => ({
      playerId: r.id,
      name: r.name,
      role: r.role,
      bot: r.bot,
      connected: connected.get(r.id) ?? false,
      removed: r.removed,
      netWorth: r.netWorth,
      startWorth: r.startWorth,
      change: r.change,
      emissionIncome: r.emissionIncome,
      priceGains: r.priceGains,
      rank: r.rank,
      roleRank: r.roleRank,
    }));
  }

  /** The player's own wallet: only ever sent to that player. */
  wallet(id: string): WalletView {
    const chain = this.chain;
    const me = this.game.player(toPlayerId(id))!;
    const ck = me.coldkey as Coldkey;
    const row = this.leaderboard().find((r) => r.id === id);
    const held = this.holdings();
    const positions: WalletView['positions'] = held.positionsOf(ck).map((p) => ({ netuid: p.netuid, hotkey: p.hotkey, alpha: formatAmount(p.alpha), value: formatAmount(liquidationValue(chain, ck, [{ netuid: p.netuid, hotkey: p.hotkey }])) }));
    const neurons: WalletView['neurons'] = held.uidsOf(me.hotkey).map(({ netuid, uid }) => ({ netuid, uid, hotkey: me.hotkey, permit: chain.subnet(netuid)!.neurons[uid].validatorPermit, ...(me.role === 'miner' ? { effort: me.effort } : {}), ...storedWeights(chain.subnet(netuid)!.weights.get(uid)) }));
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
  observations(id: string): ObservationsView | null {
    const o = this.game.observationsFor(toPlayerId(id));
    if (!o || o.readings.length === 0) return null;
    return { block: this.block, subnets: [{ netuid: o.netuid, uids: o.readings.map((r) => r.uid), quality: o.readings.map((r) => Math.round(r.quality * 1e4) / 1e4) }] };
  }

  subnetDetail(netuid: number): SubnetDetailView | null {
    const info = this.game.subnetInfo(toNetuid(netuid));
    const s = this.chain.subnet(toNetuid(netuid));
    if (!info || !s) return null;
    const immunity = this.chain.state.params.neuronImmunityPeriod;
    return {
      netuid,
      block: this.block,
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
        take: (this.chain.state.hotkeys.get(n.hotkey as Hotkey)?.takeU16 ?? this.chain.state.params.defaultTakeU16) / 65_535,
        consensus: ratio(n.consensus),
        bonds: ratio((s.bonds.get(n.uid) ?? []).reduce((a, b) => a + b, 0) / 65_535),
        emission: formatAmount(n.emission),
        registeredAt: s.neurons[n.uid].registeredAt,
        immune: this.block < s.neurons[n.uid].registeredAt + immunity,
      })),
    };
  }

  results(code: string): ResultsView {
    return {
      code,
      preset: this.preset,
      seed: this.seed,
      block: this.block,
      rows: this.standings().map((r) => ({
        rank: r.rank,
        playerId: r.playerId,
        name: r.name,
        role: r.role,
        bot: r.bot,
        netWorth: formatAmount(r.netWorth),
        change: signed(r.change),
        emissionIncome: signed(r.emissionIncome),
        priceGains: signed(r.priceGains),
      })),
    };
  }

  /**
   * The game's recorded series, thinned to at most `maxPoints` blocks for a chart, for the given
   * subnets (default: the ones taking the most emission now; all of them for an export).
   */
  series(maxPoints = 300, netuids?: readonly number[]): SeriesView {
    const wanted = new Set(netuids ?? this.topSubnets(DEFAULT_SERIES_SUBNETS));
    const rows = this.game.series.subnets; // [block, netuid, price, movingPrice, flowEma, emissionShare, taoIn, alphaIn]
    const sampled = [...new Set(rows.map((r) => r[0]))];
    const keep = new Set(thin(sampled, maxPoints));
    const blocks = sampled.filter((b) => keep.has(b));
    const at = new Map(blocks.map((b, i) => [b, i]));
    const subnets: SeriesView['subnets'] = {};
    for (const r of rows) {
      const i = at.get(r[0]);
      if (i === undefined || !wanted.has(r[1])) continue;
      const m = (subnets[r[1]] ??= { price: fill(blocks.length), taoIn: fill(blocks.length), flowEma: fill(blocks.length), emissionShare: fill(blocks.length) });
      m.price[i] = r[2];
      m.flowEma[i] = r[4];
      m.emissionShare[i] = r[5];
      m.taoIn[i] = r[6];
    }
    const worthRows = this.worth.filter((w) => keep.has(w.block) || blocks.length === 0);
    const worthAt = new Map(worthRows.map((w) => [w.block, w.values]));
    const netWorth: SeriesView['netWorth'] = {};
    for (const p of this.game.players()) netWorth[p.id] = blocks.map((b) => worthAt.get(b)?.get(p.id) ?? NaN);
    return { block: blocks, subnets, netWorth };
  }
}

/** Evenly spaced items, always keeping the first and the last. */
function thin<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(items[Math.round((k * (items.length - 1)) / (max - 1))]);
  return out;
}

/** A column with no value yet (a subnet registered later, a pruned one): null in JSON, blank in CSV. */
const fill = (n: number): number[] => new Array(n).fill(NaN);

/** Ratios for a table shown to people: 5 significant decimals keep messages short and stable. */
const ratio = (x: number): number => Math.round(x * 1e5) / 1e5;

const signed = (rao: bigint): string => (rao < 0n ? `-${formatAmount(-rao)}` : formatAmount(rao));

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
