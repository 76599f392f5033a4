import type { BotView, SubnetView } from '../bots/index.ts';
import { isStrategy, STRATEGIES } from '../bots/index.ts';
import type { ChainEvent, ChainSnapshot, Netuid, Rao, Subnet, Uid } from '../engine/index.ts';
import { Chain, coldkey, hotkey, hotkeyStake, isEpochBlock, mulRatio, nextFloat, quoteTaoForAlpha, seedRng, spotPrice, toUnits } from '../engine/index.ts';
import { show } from '../engine/errors.ts';
import { actionEntry } from '../protocol/actions.ts';
import { nameField } from '../protocol/fields.ts';
import { eventEntry } from '../protocol/scenario_events.ts';
import { decode, encode } from './codec.ts';
import { genesis, MARKET } from './genesis.ts';
import type { LeaderboardRow } from './leaderboard.ts';
import { leaderboard } from './leaderboard.ts';
import { liquidationValue, netWorth, parsePosition, positionKey, sellInTurn } from './liquidation.ts';
import { runSurges } from './market.ts';
import type { MoveContext } from './move_context.ts';
import { observe } from './observations.ts';
import { driftQuality, productQuality, targetQuality } from './quality.ts';
import type { Scenario } from './scenario.ts';
import { parseScenarioEvent } from './scenario_events.ts';
import type { SeriesData } from './series.ts';
import type { SeriesSummary } from './series.ts';
import { emptySeries, recordBlock, recordEpoch, summarise } from './series.ts';
import type { GameState, Incumbents, Player } from './state.ts';
import type { ActResult, GameAction, GameError, GameEvent, PlayerId, Role, ScenarioEvent } from './types.ts';
import { gameError, ROLES } from './types.ts';
import { botView, networkView } from './view.ts';

/** A bot the game does not run itself (a hackathon team's program): marked as a bot on the leaderboard. */
export const EXTERNAL_BOT = 'external';

export interface JoinOptions {
  name: string;
  role: Role;
  /** A strategy name for a bot the game runs, `EXTERNAL_BOT` for one it does not, absent for a person. */
  bot?: string;
  /** Where a miner or validator registers; by default the subnet with the fewest players of its role. */
  netuid?: number;
}

/** What anyone may know about a player (a miner's quality and a validator's readings stay private). */
export interface PlayerInfo {
  id: PlayerId;
  name: string;
  role: Role;
  bot: string | null;
  coldkey: string;
  hotkey: string;
  home: Netuid | null;
  joinedAt: number;
  effort: number;
  connected: boolean;
  removed: boolean;
}

export type JoinResult = { ok: true; player: PlayerInfo; events: GameEvent[] } | { ok: false; error: GameError };

/** A refused bot move, kept for tests and the facilitator: a good bot should have none. */
export interface BotRefusal {
  block: number;
  player: PlayerId;
  strategy: string;
  action: GameAction;
  error: GameError;
}

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

export interface GameSnapshot {
  version: 1;
  chain: ChainSnapshot;
  game: unknown;
}

const positionsOf = (p: Player) => p.positions.map(parsePosition);

/**
 * The game on the chain: players with roles, miners' hidden quality, validators' private readings,
 * product revenue and buybacks, scenario events, bots, scores and time series. Pure like the chain:
 * every change to the chain goes through its own methods (`apply`, `step`, `decreeTaoHalving`), randomness comes from the chain's RNG (and
 * each validator's own noise stream, seeded from the game seed), and the same seed with the same
 * calls gives byte-identical snapshots.
 */
export class Game {
  /** Refused bot moves since this instance was created (not part of the snapshot). */
  readonly botRefusals: BotRefusal[] = [];
  private byId = new Map<PlayerId, Player>();
  private byHotkey = new Map<string, Player>();
  private incumbentQuality = new Map<string, number>();
  private viewCache: SubnetView[] | null = null;
  private sources = new Map<number, { hotkeys: string[]; from: (number | Player | undefined)[] }>();
  private readonly moves: MoveContext;

  private constructor(
    private readonly chainRef: Chain,
    private readonly g: GameState,
  ) {
    this.moves = this.moveContext();
    for (const p of g.players) this.index(p);
    for (const inc of g.incumbents) for (const [hk, q] of Object.entries(inc.minerQuality)) this.incumbentQuality.set(hk, q);
  }

  static create(scenario: Scenario, seed: number | string): Game {
    const seedText = String(seed);
    const { chain, incumbents, labels } = genesis(scenario, seedText);
    const game = new Game(chain, {
      version: 1,
      seed: seedText,
      scenario: structuredClone(scenario),
      startBlock: chain.block,
      players: [],
      labels,
      epochPrices: {},
      incumbents,
      market: MARKET,
      surges: [],
      botSeats: 0,
      over: false,
      series: emptySeries(),
    });
    for (const seat of scenario.game.bots) game.addBot(seat.role, seat.strategy);
    recordBlock(game.g.series, chain, true);
    return game;
  }

  static restore(snapshot: unknown): Game {
    const s = snapshot as GameSnapshot;
    if (s?.version !== 1 || !s.chain || !s.game) throw new Error('not a Subnet Arena game snapshot (version 1)');
    return new Game(Chain.restore(s.chain), decode(s.game) as GameState);
  }

  snapshot(): GameSnapshot {
    return { version: 1, chain: this.chainRef.snapshot(), game: encode(this.g) };
  }

  get chain(): Chain {
    return this.chainRef;
  }

  get scenario(): Scenario {
    return this.g.scenario;
  }

  get seed(): string {
    return this.g.seed;
  }

  get block(): number {
    return this.chainRef.block;
  }

  get startBlock(): number {
    return this.g.startBlock;
  }

  get endBlock(): number {
    return this.g.startBlock + this.g.scenario.game.durationBlocks;
  }

  get over(): boolean {
    return this.g.over;
  }

  get series(): SeriesData {
    return this.g.series;
  }

  // Players.

  join(id: PlayerId, opts: JoinOptions): JoinResult {
    if (typeof id !== 'string' || !/^[\w-]{1,40}$/.test(id)) return { ok: false, error: gameError('INVALID_PLAYER', 'a player id is 1 to 40 letters, digits, _ or -') };
    if (this.byId.has(id)) return { ok: false, error: gameError('PLAYER_EXISTS', `player ${id} has already joined`) };
    if (opts === null || typeof opts !== 'object') return { ok: false, error: gameError('INVALID_PLAYER', 'joining takes a name and a role') };
    const named = nameField(opts.name, 'a name');
    if (!named.ok) return { ok: false, error: gameError('INVALID_PLAYER', named.message) };
    const name = named.value;
    if (!ROLES.includes(opts.role)) return { ok: false, error: gameError('INVALID_PLAYER', `role must be one of ${ROLES.join(', ')}`) };
    const bot = opts.bot ?? null;
    if (bot !== null && bot !== EXTERNAL_BOT && !isStrategy(opts.role, bot)) return { ok: false, error: gameError('UNKNOWN_STRATEGY', `${show(bot)} is not a ${opts.role} strategy; ${opts.role} strategies are ${Object.keys(STRATEGIES[opts.role]).join(', ')}`) };
    if (opts.netuid !== undefined && !this.subnetAt(opts.netuid)) return { ok: false, error: gameError('SUBNET_NOT_FOUND', `no subnet ${show(opts.netuid)}`) };
    if (this.g.over) return { ok: false, error: gameError('GAME_OVER', 'the game has ended') };
    const kit = this.g.scenario.game.kits[opts.role];
    const ck = coldkey(`p/${id}`);
    const created = this.chainRef.apply({ type: 'create_wallet', coldkey: ck, balance: kit.tao });
    if (!created.ok) return { ok: false, error: created.error };
    const player: Player = {
      id,
      name,
      role: opts.role,
      bot,
      coldkey: ck,
      hotkey: hotkey(`p/${id}/hk`),
      joinedAt: this.block,
      home: null,
      effort: 0,
      // Talent is drawn for every player (not only miners) so the RNG advances the same whatever the role.
      talent: 0.6 + 0.4 * nextFloat(this.chainRef.state.rng),
      quality: 0,
      noise: opts.role === 'validator' ? seedRng(`${this.g.seed}/noise/${id}`) : null,
      observations: [],
      startWorth: kit.tao,
      business: 0n,
      emissionIncome: 0n,
      positions: [],
      connected: true,
      removed: false,
    };
    this.g.players.push(player);
    this.index(player);
    this.viewCache = null;
    const events: GameEvent[] = [...created.events, { type: 'player_joined', block: this.block, player: id, role: opts.role, bot }];
    events.push(...this.applyKit(player, opts.netuid as Netuid | undefined));
    return { ok: true, player: this.info(player), events };
  }

  /** The kit's moves at join; one that the chain refuses (slots full, rate limit) is left for the player to make later. */
  private applyKit(p: Player, netuid: Netuid | undefined): GameEvent[] {
    const kit = this.g.scenario.game.kits[p.role];
    const events: GameEvent[] = [];
    const tryAct = (a: GameAction) => {
      const r = this.act(p.id, a);
      if (r.ok) events.push(...r.events);
      return r.ok;
    };
    if (p.role === 'owner') {
      if (kit.register) tryAct({ type: 'register_subnet' });
      return events;
    }
    if (p.role === 'staker') return events;
    p.home = netuid ?? this.quietestSubnet(p.role);
    if (p.home === null || !kit.register) return events;
    if (!tryAct({ type: 'register_neuron', netuid: p.home })) return events;
    if (p.role === 'validator' && kit.selfStake > 0n) tryAct({ type: 'stake', hotkey: p.hotkey, netuid: p.home, amount: kit.selfStake });
    if (p.role === 'miner') tryAct({ type: 'set_effort', effort: 0.5 });
    this.refreshObservations(p);
    return events;
  }

  /** The subnet with the fewest players of a role (ties: the lower netuid), for spreading newcomers. */
  private quietestSubnet(role: Role): Netuid | null {
    let pick: Netuid | null = null;
    let fewest = Infinity;
    for (const s of this.chainRef.state.subnets) {
      if (!s) continue;
      const n = this.g.players.filter((p) => p.role === role && p.home === s.netuid).length;
      if (n < fewest) {
        fewest = n;
        pick = s.netuid;
      }
    }
    return pick;
  }

  /** Marks a player as disconnected; its wallet and holdings stay until the game ends. */
  leave(id: PlayerId): boolean {
    const p = this.byId.get(id);
    if (!p) return false;
    p.connected = false;
    return true;
  }

  /** Marks a returning player as connected again. */
  rejoin(id: PlayerId): boolean {
    const p = this.byId.get(id);
    if (!p || p.removed) return false;
    p.connected = true;
    return true;
  }

  /** The facilitator removes a player: it can no longer act (its holdings still count on the board). */
  remove(id: PlayerId): ActResult {
    const p = this.byId.get(id);
    if (!p) return { ok: false, error: gameError('UNKNOWN_PLAYER', `no player ${show(id)}`) };
    p.removed = true;
    p.connected = false;
    return { ok: true, events: [{ type: 'player_left', block: this.block, player: id, removed: true }] };
  }

  addBot(role: Role, strategy: string): JoinResult {
    if (!ROLES.includes(role)) return { ok: false, error: gameError('INVALID_PLAYER', `role must be one of ${ROLES.join(', ')}`) };
    if (!isStrategy(role, strategy)) return { ok: false, error: gameError('UNKNOWN_STRATEGY', `${show(strategy)} is not a ${role} strategy`) };
    const seat = ++this.g.botSeats;
    const label = `${strategy[0].toUpperCase()}${strategy.slice(1).replace('-', ' ')} ${role}`;
    return this.join(`bot-${seat}` as PlayerId, { name: `${label} ${seat}`.slice(0, 32), role, bot: strategy });
  }

  removeBot(id: PlayerId): ActResult {
    const p = this.byId.get(id);
    if (!p || p.bot === null || p.bot === EXTERNAL_BOT) return { ok: false, error: gameError('UNKNOWN_PLAYER', `no bot ${show(id)} run by the game`) };
    return this.remove(id);
  }

  players(): PlayerInfo[] {
    return this.g.players.map((p) => this.info(p));
  }

  player(id: PlayerId): PlayerInfo | null {
    const p = this.byId.get(id);
    return p ? this.info(p) : null;
  }

  private info(p: Player): PlayerInfo {
    return { id: p.id, name: p.name, role: p.role, bot: p.bot, coldkey: p.coldkey, hotkey: p.hotkey, home: p.home, joinedAt: p.joinedAt, effort: p.effort, connected: p.connected, removed: p.removed };
  }

  private index(p: Player): void {
    this.byId.set(p.id, p);
    this.byHotkey.set(p.hotkey, p);
  }

  // Actions.

  act(id: PlayerId, action: GameAction): ActResult {
    const p = this.byId.get(id);
    if (!p) return { ok: false, error: gameError('UNKNOWN_PLAYER', `no player ${show(id)}`) };
    if (p.removed) return { ok: false, error: gameError('PLAYER_GONE', 'this player was removed from the game') };
    if (this.g.over) return { ok: false, error: gameError('GAME_OVER', 'the game has ended') };
    const move = actionEntry(action?.type);
    if (!move) return { ok: false, error: gameError('UNKNOWN_ACTION', `unknown action ${show((action as { type?: unknown })?.type)}`) };
    if (move.roles !== 'any' && !move.roles.includes(p.role)) return { ok: false, error: gameError('WRONG_ROLE', `${move.label}: only for ${move.roles.join(', ')}`) };
    const r = move.play(this.moves, p, action);
    if (r.ok) this.viewCache = null;
    return r;
  }

  /** What a move may use of the game: its chain and the books the game keeps beside it. */
  private moveContext(): MoveContext {
    const game = this;
    return {
      get chain() {
        return game.chainRef;
      },
      get block() {
        return game.block;
      },
      get labels() {
        return game.g.labels;
      },
      chainAct: (a, after) => {
        const r = this.chainRef.apply(a);
        if (!r.ok) return { ok: false, error: r.error };
        after?.(r.events);
        return { ok: true, events: r.events };
      },
      open: (p, netuid, hk) => {
        const key = positionKey({ netuid, hotkey: hk as never });
        if (!p.positions.includes(key)) p.positions.push(key);
      },
      player: (id) => this.byId.get(id),
      ownedSubnet: (p, netuid) => this.ownedSubnet(p, netuid),
    };
  }

  /** The subnet at a netuid a caller passed (any value: a client's, unchecked), or null. */
  private subnetAt(netuid: unknown): Subnet | null {
    return Number.isInteger(netuid) ? this.chainRef.subnet(netuid as Netuid) : null;
  }

  private ownedSubnet(p: Player, netuid?: Netuid): Subnet | null {
    const s = netuid !== undefined ? this.subnetAt(netuid) : p.home === null ? null : this.chainRef.subnet(p.home);
    return s && s.owner === p.coldkey ? s : null;
  }

  // Scenario events.

  /** A facilitator's (or the schedule's) event. Checked first; a refused event changes nothing. */
  trigger(raw: ScenarioEvent | unknown): ActResult {
    const event = parseScenarioEvent(raw);
    if ('code' in event) return { ok: false, error: event };
    const r = eventEntry(event.type).apply({ chain: this.chainRef, market: this.g.market, surges: this.g.surges }, event as never);
    if ('code' in r) return { ok: false, error: r };
    this.viewCache = null;
    return { ok: true, events: [{ type: 'scenario_event', block: this.block, event }, ...r] };
  }

  // The block.

  step(): GameEvent[] {
    const chain = this.chainRef;
    const st = chain.state;
    const next = st.block + 1;
    const events: GameEvent[] = [];
    for (const e of this.g.scenario.game.schedule) if (e.block === next - this.g.startBlock) {
      const r = this.trigger(e.event);
      if (r.ok) events.push(...r.events);
    }
    if (this.g.surges.length > 0) {
      const surges = runSurges(chain, this.g.market, this.g.surges);
      this.g.surges = surges.running;
      events.push(...surges.events);
    }

    const due = new Set<number>();
    for (const s of st.subnets) if (s && isEpochBlock(next, s.netuid, st.params.tempo)) due.add(s.netuid);
    const before = this.stakesIn(due);

    const chainEvents = chain.step();
    this.viewCache = null;
    events.push(...chainEvents);
    this.creditEmissionIncome(before);
    for (const e of chainEvents) if (e.type === 'epoch') events.push(...this.afterEpoch(e));

    this.driftMiners();
    if (st.block % this.g.scenario.game.economy.observeEvery === 0) for (const p of this.g.players) this.refreshObservations(p);
    this.incumbentsSetWeights();
    events.push(...this.runBots());

    const sample = (st.block - this.g.startBlock) % this.g.scenario.game.seriesEvery === 0;
    recordBlock(this.g.series, chain, sample);
    if (sample) this.g.players.forEach((p, i) => this.g.series.worth.push([st.block, i, toUnits(netWorth(chain, p.coldkey, positionsOf(p)))]));
    if (!this.g.over && st.block >= this.endBlock) {
      this.g.over = true;
      events.push({ type: 'game_over', block: st.block });
    }
    return events;
  }

  /** Each player's alpha in the subnets whose epoch comes next block, to measure what the epoch paid them. */
  private stakesIn(due: Set<number>): Map<Player, Map<string, Rao>> {
    const out = new Map<Player, Map<string, Rao>>();
    if (due.size === 0) return out;
    for (const p of this.g.players) {
      for (const key of p.positions) {
        const pos = parsePosition(key);
        if (!due.has(pos.netuid)) continue;
        let m = out.get(p);
        if (!m) out.set(p, (m = new Map()));
        m.set(key, this.chainRef.stake(p.coldkey, pos.hotkey, pos.netuid));
      }
    }
    return out;
  }

  /**
   * Alpha an epoch added to a player's positions is emission income, valued at what it adds to the
   * liquidation value now (selling with it minus selling without it, in the same pool), so emission
   * income and price gains add up to the change in net worth.
   */
  private creditEmissionIncome(before: Map<Player, Map<string, Rao>>): void {
    const limits = this.chainRef.state.params;
    for (const [p, stakes] of before) {
      const bySubnet = new Map<number, { was: Rao[]; now: Rao[] }>();
      for (const [key, was] of stakes) {
        const pos = parsePosition(key);
        const now = this.chainRef.stake(p.coldkey, pos.hotkey, pos.netuid);
        let entry = bySubnet.get(pos.netuid);
        if (!entry) bySubnet.set(pos.netuid, (entry = { was: [], now: [] }));
        entry.was.push(was);
        entry.now.push(now);
      }
      for (const [netuid, { was, now }] of bySubnet) {
        const s = this.chainRef.subnet(netuid as Netuid);
        if (!s || now.every((x, i) => x === was[i])) continue;
        const gained = sellInTurn(s, now, limits) - sellInTurn(s, was, limits);
        if (gained > 0n) p.emissionIncome += gained;
      }
    }
  }

  /** A UID's quality comes from an incumbent miner (fixed), a player miner (live), or nowhere. */
  private qualitySource(hk: string): number | Player | undefined {
    const q = this.incumbentQuality.get(hk);
    if (q !== undefined) return q;
    const p = this.byHotkey.get(hk);
    return p?.role === 'miner' ? p : undefined;
  }

  /**
   * Each UID's true quality (undefined where the UID is not a miner), in uid order. Where each
   * quality comes from is kept per subnet and worked out again only when a UID changes hands
   * (checked by hotkey identity), since a full network asks this thousands of times a day.
   */
  private uidQualities(s: Subnet): (number | undefined)[] {
    const neurons = s.neurons;
    let cached = this.sources.get(s.netuid);
    let valid = cached !== undefined && cached.hotkeys.length === neurons.length;
    for (let j = 0; valid && j < neurons.length; j++) valid = cached!.hotkeys[j] === neurons[j].hotkey;
    if (!valid) {
      cached = { hotkeys: neurons.map((n) => n.hotkey), from: neurons.map((n) => this.qualitySource(n.hotkey)) };
      this.sources.set(s.netuid, cached);
    }
    return cached!.from.map((f) => (typeof f === 'number' ? f : f?.quality));
  }

  /** At a subnet's epoch: its product's revenue to the owner, its miners' compute bills, incumbent buybacks. */
  private afterEpoch(e: Extract<ChainEvent, { type: 'epoch' }>): GameEvent[] {
    const chain = this.chainRef;
    const s = chain.subnet(e.netuid)!;
    const econ = this.g.scenario.game.economy;
    const events: GameEvent[] = [];
    const quality = productQuality(s, this.uidQualities(s));
    const revenue = mulRatio(econ.revenuePerTempo, Math.max(0, Math.min(1, quality)));
    let paid = 0n;
    if (revenue > 0n && chain.state.balances.has(s.owner) && chain.apply({ type: 'credit', coldkey: s.owner, amount: revenue }).ok) {
      paid = revenue;
      const owner = this.g.players.find((p) => p.coldkey === s.owner);
      if (owner) owner.business += revenue;
      events.push({ type: 'revenue', block: chain.block, netuid: s.netuid, amount: revenue, quality });
    }
    for (const p of this.g.players) {
      if (p.role !== 'miner' || p.home !== s.netuid || !s.neurons.some((n) => n.hotkey === p.hotkey)) continue;
      const balance = chain.balance(p.coldkey);
      if (mulRatio(econ.computeCostPerTempo, p.effort) > balance) p.effort = econ.computeCostPerTempo > 0n ? Math.floor((Number(balance) / Number(econ.computeCostPerTempo)) * 100) / 100 : p.effort;
      const cost = mulRatio(econ.computeCostPerTempo, p.effort);
      if (cost > 0n && chain.apply({ type: 'debit', coldkey: p.coldkey, amount: cost }).ok) {
        p.business -= cost;
        events.push({ type: 'compute_paid', block: chain.block, player: p.id, amount: cost });
      }
    }
    this.g.epochPrices[s.netuid] = spotPrice(s);
    const inc = this.g.incumbents.find((x) => x.netuid === s.netuid && x.owner === s.owner);
    if (inc) this.incumbentBuyback(inc, s);
    recordEpoch(this.g.series, chain, { netuid: s.netuid, distributed: e.distributed, ownerCut: e.ownerCut, incentive: e.incentive, dividends: e.dividends, burned: e.burned, revenue: paid, productQuality: quality });
    return events;
  }

  private incumbentBuyback(inc: Incumbents, s: Subnet): void {
    const chain = this.chainRef;
    const amount = mulRatio(chain.balance(inc.owner), this.g.scenario.game.economy.populationBuyback);
    if (amount < chain.state.params.minStake || typeof quoteTaoForAlpha(s, amount, chain.state.params) === 'string') return;
    chain.apply({ type: 'stake', coldkey: inc.owner, hotkey: s.ownerHotkey, netuid: s.netuid, amount });
  }

  private driftMiners(): void {
    const half = this.g.scenario.game.economy.qualityHalfLifeBlocks;
    for (const p of this.g.players) if (p.role === 'miner') p.quality = driftQuality(p.quality, targetQuality(p.talent, p.effort), half);
  }

  private refreshObservations(p: Player): void {
    if (p.role !== 'validator' || !p.noise || p.home === null) return;
    const s = this.chainRef.subnet(p.home);
    if (!s || !s.neurons.some((n) => n.hotkey === p.hotkey)) return;
    p.observations = observe(p.noise, this.uidQualities(s).map((q) => q ?? 0), this.g.scenario.game.economy.observationNoise);
  }

  /** Incumbent validators weigh what they observe a few blocks before each epoch, like honest validators. */
  private incumbentsSetWeights(): void {
    const chain = this.chainRef;
    const p = chain.state.params;
    const sigma = this.g.scenario.game.economy.observationNoise;
    const lead = Math.max(1, Math.min(10, Math.floor(p.tempo / 4)));
    for (const inc of this.g.incumbents) {
      const s = chain.subnet(inc.netuid);
      if (!s || s.owner !== inc.owner || chain.blocksUntilEpoch(inc.netuid) !== lead) continue;
      // Only miners are worth observing (one pass over the UIDs, shared by the subnet's validators).
      const miners: Uid[] = [];
      const truth: number[] = [];
      this.uidQualities(s).forEach((q, j) => {
        if (q !== undefined && q > 0) {
          miners.push(j as Uid);
          truth.push(q);
        }
      });
      if (miners.length === 0) continue;
      inc.validators.forEach((hk, k) => {
        const j = s.neurons.findIndex((n) => n.hotkey === hk);
        if (j < 0 || !s.neurons[j].validatorPermit) return;
        const seen = observe(inc.noise[k], truth, sigma);
        const uids: Uid[] = [];
        const weights: number[] = [];
        for (let m = 0; m < seen.length; m++) {
          if (seen[m] <= 0) continue;
          uids.push(miners[m]);
          weights.push(seen[m] * seen[m]);
        }
        if (uids.length > 0) chain.apply({ type: 'set_weights', coldkey: inc.coldkey, hotkey: hk, netuid: inc.netuid, uids, weights });
      });
    }
  }

  /** Bots decide in turn, each every `botEvery` blocks at its own offset, on what the chain shows at its turn. */
  private runBots(): GameEvent[] {
    const every = this.g.scenario.game.economy.botEvery;
    const events: GameEvent[] = [];
    if (this.g.over) return events;
    this.g.players.forEach((p, i) => {
      if (p.bot === null || p.bot === EXTERNAL_BOT || p.removed || (this.block + i) % every !== 0) return;
      const strategy = STRATEGIES[p.role][p.bot];
      const actions = strategy(this.view(p), this.chainRef.state.rng);
      for (const a of actions) {
        const r = this.act(p.id, a);
        if (r.ok) events.push(...r.events);
        else {
          this.botRefusals.push({ block: this.block, player: p.id, strategy: p.bot, action: a, error: r.error });
          events.push({ type: 'bot_refused', block: this.block, player: p.id, action: a.type, error: r.error });
        }
      }
    });
    return events;
  }

  private view(p: Player): BotView {
    this.viewCache ??= networkView(this.chainRef, this.g.labels, this.g.epochPrices);
    return botView(this.chainRef, this.g.scenario, p, this.viewCache);
  }

  // Queries.

  leaderboard(): LeaderboardRow[] {
    return leaderboard(this.chainRef, this.g.players);
  }

  /** Net worth at liquidation value (rao), or null for an unknown player. */
  netWorth(id: PlayerId): Rao | null {
    const p = this.byId.get(id);
    return p ? netWorth(this.chainRef, p.coldkey, positionsOf(p)) : null;
  }

  /** A validator's private readings of its subnet's UIDs (null for anyone else): only that player may see them. */
  observationsFor(id: PlayerId): { netuid: Netuid; readings: { uid: Uid; hotkey: string; quality: number }[] } | null {
    const p = this.byId.get(id);
    if (!p || p.role !== 'validator' || p.home === null) return null;
    const s = this.chainRef.subnet(p.home);
    if (!s) return null;
    return { netuid: p.home, readings: p.observations.map((q, u) => ({ uid: u as Uid, hotkey: s.neurons[u]?.hotkey ?? '', quality: q })) };
  }

  subnetInfo(netuid: Netuid): SubnetInfo | null {
    const chain = this.chainRef;
    const s = this.subnetAt(netuid);
    if (!s) return null;
    const label = this.g.labels[netuid];
    const owner = this.g.players.find((p) => p.coldkey === s.owner);
    return {
      netuid,
      name: label?.name ?? `SN${netuid}`,
      product: label?.product ?? '',
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
        player: this.byHotkey.get(n.hotkey)?.id ?? null,
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
   * The true quality of each UID of a subnet (0 for non-miners), in uid order: for the facilitator's
   * debrief and for tests. Hidden during play: never send it to players.
   */
  trueQualities(netuid: Netuid): number[] {
    const s = this.subnetAt(netuid);
    return s ? this.uidQualities(s).map((q) => q ?? 0) : [];
  }

  /** A subnet's display name and product, or null when no subnet has that netuid. */
  subnetLabel(netuid: Netuid): { name: string; product: string } | null {
    if (!this.subnetAt(netuid)) return null;
    return { ...(this.g.labels[netuid] ?? { name: `SN${netuid}`, product: '' }) };
  }

  /** A player's open positions: alpha held and what selling that position alone would pay now. */
  positions(id: PlayerId): { netuid: Netuid; hotkey: string; alpha: Rao; value: Rao }[] {
    const p = this.byId.get(id);
    if (!p) return [];
    return positionsOf(p)
      .map((pos) => ({ ...pos, alpha: this.chainRef.stake(p.coldkey, pos.hotkey, pos.netuid) }))
      .filter((x) => x.alpha > 0n)
      .map((x) => ({ ...x, value: liquidationValue(this.chainRef, p.coldkey, [x]) }));
  }

  /** The time series thinned to at most `maxPoints` samples, for charts. */
  seriesView(maxPoints = 300): SeriesSummary {
    return summarise(this.g.series, this.g.players.map((p) => p.id), maxPoints);
  }

  /** Netuids of every registered subnet. */
  subnetIds(): Netuid[] {
    return this.chainRef.state.subnets.filter((s): s is Subnet => s !== null).map((s) => s.netuid);
  }
}
