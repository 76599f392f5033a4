import { strategyNames } from '../shared/bots/index.ts';
import type { Chain, Coldkey } from '../shared/engine/index.ts';
import type { ActResult, Debrief, GameError, GameEvent, GameSnapshot, LeaderboardRow, PlayerInfo, Role, ScenarioEvent } from '../shared/game/index.ts';
import { buildScenario, EXTERNAL_BOT, Game, isScenarioError, playerId as toPlayerId } from '../shared/game/index.ts';
import { DEFAULT_SERIES_SUBNETS, toGameActions } from '../shared/protocol/index.ts';
import type { ActionRequest, ObservationsView, PlayerRole, ResultsView, SeriesView, SubnetDetailView, WalletView } from '../shared/protocol/index.ts';
import { type RefusalFacts, refusalFacts } from '../shared/game/refusal_facts.ts';
import { debriefOf } from './debrief_view.ts';
import type { Namer } from './feed.ts';
import { type UidHeld, UidFinder } from './uid_finder.ts';
import { observationsView, uidsHeld, walletView } from './views/player.ts';
import { NeuronTables } from './views/neuron_table.ts';
import { seriesView } from './views/series.ts';
import type { Standing } from './views/standings.ts';
import { resultsView, standings } from './views/standings.ts';
import type { GameRecord, LogEntry } from './record.ts';

/**
 * The game as the room drives it: the pure `Game` plus the record that reproduces it. Every change
 * goes through here and, if accepted, into the log with the block it happened at; steps are implied
 * by those block numbers. No clock, no I/O: `replay(record)` rebuilds the same game anywhere.
 */
export class GameHost implements Namer {
  private readonly log: LogEntry[] = [];
  /**
   * Called with each accepted change, in order, before the room acknowledges it: a store that
   * writes it here synchronously never loses an acknowledged action.
   */
  onEntry: ((entry: LogEntry, seq: number) => void) | null = null;
  private nextPlayer = 1;
  /** The facilitator ended the game before its last block (the Game itself only ends at `endBlock`). */
  private endedEarly = false;
  /** Subnet names and products change only on registration, naming and pruning: cached, not rebuilt every tick. */
  private readonly labels = new Map<number, { name: string; product: string }>();
  /** What depends only on the game as it stands (the leaderboard, every player's UIDs, the debrief): worked out once per block and log. */
  private readonly current = new Map<string, { version: string; value: unknown }>();
  private readonly uids = new UidFinder();
  private readonly tables = new NeuronTables();

  private constructor(
    readonly game: Game,
    readonly preset: string,
    private readonly overrides: unknown,
    readonly seed: number | string,
  ) {
    this.refreshLabels();
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
   * replay from block 0), then applies the rest of the record's log up to `record.block`, as
   * `replay` does (a fork at an earlier block gets the stored log whole).
   */
  static resume(record: GameRecord, from: { seq: number; snapshot: GameSnapshot }): GameHost {
    const host = new GameHost(Game.restore(from.snapshot), record.preset, record.overrides, record.seed);
    for (const entry of record.log.slice(0, from.seq)) {
      host.log.push(entry);
      if (entry.kind === 'join') host.nextPlayer = Math.max(host.nextPlayer, Number(entry.player.slice(1)) + 1);
      if (entry.kind === 'end') host.endedEarly = true;
    }
    for (const entry of record.log.slice(from.seq)) {
      if (entry.block > record.block) break;
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

  /** How many changes the log holds (a snapshot records where in the log it was taken). */
  get logLength(): number {
    return this.log.length;
  }

  record(): GameRecord {
    return { preset: this.preset, ...(this.overrides !== undefined ? { overrides: this.overrides } : {}), seed: this.seed, block: this.block, log: [...this.log] };
  }

  // Changes (logged) -------------------------------------------------------------------------------

  join(name: string, role: PlayerRole, bot: boolean): { ok: true; playerId: string; events: GameEvent[] } | { ok: false; error: GameError } {
    return this.joinAs(`p${this.nextPlayer}`, name, role, bot);
  }

  /** A seat the room already gave out (a practice round's player in the real game) keeps its id. */
  joinAs(id: string, name: string, role: PlayerRole, bot: boolean): { ok: true; playerId: string; events: GameEvent[] } | { ok: false; error: GameError } {
    const r = this.apply({ block: this.block, kind: 'join', player: id, name, role, bot });
    return r.ok ? { ok: true, playerId: id, events: r.events } : r;
  }

  act(player: string, request: ActionRequest): ActResult {
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

  trigger(event: ScenarioEvent): ActResult {
    return this.apply({ block: this.block, kind: 'event', event });
  }

  addBot(role: PlayerRole, strategy?: string): ActResult {
    return this.apply({ block: this.block, kind: 'add_bot', role, strategy: strategy ?? strategyNames(role)[0] });
  }

  removeBot(player: string): ActResult {
    const p = this.player(player);
    if (!p || p.bot === null || p.bot === EXTERNAL_BOT) return { ok: false, error: { code: 'UNKNOWN_PLAYER', message: `no bot ${player} run by this game` } };
    return this.apply({ block: this.block, kind: 'remove', player });
  }

  remove(player: string): ActResult {
    return this.apply({ block: this.block, kind: 'remove', player });
  }

  /** Connection changes are game state too (the board shows them), so they are logged. */
  setConnected(player: string, connected: boolean): void {
    this.apply({ block: this.block, kind: connected ? 'rejoin' : 'leave', player });
  }

  end(): void {
    if (!this.over) this.apply({ block: this.block, kind: 'end' });
  }

  step(): GameEvent[] {
    const events = this.game.step();
    this.noteLabels(events);
    return events;
  }

  /** Applies one logged change (a replay room feeds its source's log through here). */
  apply(entry: LogEntry): ActResult {
    const g = this.game;
    let r: ActResult;
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

  /** The name a subnet had when it was last pruned (its netuid is taken by the new one in the same step). */
  prunedName(netuid: number): string {
    const story = this.game.story;
    for (let i = story.length - 1; i >= 0; i--) {
      const e = story[i];
      if (e.type === 'pruned' && e.netuid === netuid) return e.name;
    }
    return this.subnetName(netuid);
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
    return this.once('leaderboard', () => this.game.leaderboard());
  }

  /** The game as it stands: it changes with each block and each accepted change. */
  get version(): string {
    return `${this.block}:${this.log.length}`;
  }

  private once<T>(name: string, compute: () => T, version = this.version): T {
    const hit = this.current.get(name);
    if (hit?.version === version) return hit.value as T;
    const value = compute();
    this.current.set(name, { version, value });
    return value;
  }

  /**
   * The leaderboard a wallet shows its rank and net worth from: at most a second of game time old
   * (wallets go once a second), and current after any accepted change (a player's own action shows
   * at once). A full network's leaderboard values every player's positions, ~1 ms: once a block it
   * was the largest part of the wallets' cost.
   */
  private walletBoard(): LeaderboardRow[] {
    return this.once('walletBoard', () => this.leaderboard(), `${Math.floor(this.block / Math.max(1, this.blocksPerSecond))}:${this.log.length}`);
  }

  /** The debrief of the game as it stands: every big screen and the facilitator asking it cost one build. */
  debrief(): Debrief {
    return this.once('debrief', () => debriefOf(this));
  }

  standings(): Standing[] {
    return standings(this.leaderboard(), this.game.players());
  }

  /** The player's own wallet (null for an unknown id): only ever sent to that player. */
  wallet(id: string): WalletView | null {
    return walletView(this.game, id, this.walletBoard(), this.uidsHeld());
  }

  private uidsHeld(): Map<string, UidHeld[]> {
    return this.once('uids', () => uidsHeld(this.game, this.uids));
  }

  /** A validator's own readings; null for anyone else (and for a validator without readings yet). */
  observations(id: string): ObservationsView | null {
    return observationsView(this.game, id);
  }

  subnetDetail(netuid: number): SubnetDetailView | null {
    return this.tables.view(this.game, netuid);
  }

  results(code: string): ResultsView {
    return resultsView({ code, preset: this.preset, seed: this.seed, block: this.block }, this.standings());
  }

  /**
   * The game's recorded series, thinned to at most `maxPoints` blocks for a chart, for the given
   * subnets (default: the ones taking the most emission now; all of them for an export).
   */
  series(maxPoints = 300, netuids?: readonly number[]): SeriesView {
    return seriesView(this.game.series, this.game.players().map((p) => p.id), maxPoints, netuids ?? this.topSubnets(DEFAULT_SERIES_SUBNETS));
  }
}
