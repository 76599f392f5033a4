// The player registry: who joins with which kit, who leaves, comes back or is removed, and the
// bots' seats. A player is a wallet on the chain plus what the game keeps for its score.
import { isStrategy, STRATEGIES } from '../bots/index.ts';
import type { Netuid } from '../engine/index.ts';
import { coldkey, hotkey, nextFloat, seedRng } from '../engine/index.ts';
import { show } from '../engine/errors.ts';
import { playerNameField } from '../protocol/fields.ts';
import { act } from './moves.ts';
import { refreshObservations } from './observations.ts';
import type { Player } from './state.ts';
import type { ActResult, GameAction, GameError, GameEvent, PlayerId, Role } from './types.ts';
import { gameError, ROLES } from './types.ts';
import type { World } from './world.ts';

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

export function join(w: World, id: PlayerId, opts: JoinOptions): JoinResult {
  if (typeof id !== 'string' || !/^[\w-]{1,40}$/.test(id)) return { ok: false, error: gameError('INVALID_PLAYER', 'a player id is 1 to 40 letters, digits, _ or -') };
  if (w.byId.has(id)) return { ok: false, error: gameError('PLAYER_EXISTS', `player ${id} has already joined`) };
  if (opts === null || typeof opts !== 'object') return { ok: false, error: gameError('INVALID_PLAYER', 'joining takes a name and a role') };
  const named = playerNameField(opts.name, 'name');
  if (!named.ok) return { ok: false, error: gameError('INVALID_PLAYER', named.message) };
  if (!ROLES.includes(opts.role)) return { ok: false, error: gameError('INVALID_PLAYER', `role must be one of ${ROLES.join(', ')}`) };
  const bot = opts.bot ?? null;
  if (bot !== null && bot !== EXTERNAL_BOT && !isStrategy(opts.role, bot)) return { ok: false, error: gameError('UNKNOWN_STRATEGY', `${show(bot)} is not a ${opts.role} strategy; ${opts.role} strategies are ${Object.keys(STRATEGIES[opts.role]).join(', ')}`) };
  if (opts.netuid !== undefined && !w.subnetAt(opts.netuid)) return { ok: false, error: gameError('SUBNET_NOT_FOUND', `no subnet ${show(opts.netuid)}`) };
  if (w.g.over) return { ok: false, error: gameError('GAME_OVER', 'the game has ended') };
  const kit = w.g.scenario.game.kits[opts.role];
  const ck = coldkey(`p/${id}`);
  const created = w.chain.apply({ type: 'create_wallet', coldkey: ck, balance: kit.tao });
  if (!created.ok) return { ok: false, error: created.error };
  const player: Player = {
    id,
    name: named.value,
    role: opts.role,
    bot,
    coldkey: ck,
    hotkey: hotkey(`p/${id}/hk`),
    joinedAt: w.block,
    home: null,
    effort: 0,
    // Talent is drawn for every player (not only miners) so the RNG advances the same whatever the role.
    talent: 0.6 + 0.4 * nextFloat(w.chain.state.rng),
    quality: 0,
    noise: opts.role === 'validator' ? seedRng(`${w.g.seed}/noise/${id}`) : null,
    observations: [],
    startWorth: kit.tao,
    business: 0n,
    emissionIncome: 0n,
    positions: [],
    connected: true,
    removed: false,
  };
  w.g.players.push(player);
  w.index(player);
  w.changed();
  const events: GameEvent[] = [...created.events, { type: 'player_joined', block: w.block, player: id, role: opts.role, bot }];
  events.push(...applyKit(w, player, opts.netuid as Netuid | undefined));
  return { ok: true, player: info(player), events };
}

/** The kit's moves at join; one that the chain refuses (slots full, rate limit) is left for the player to make later. */
function applyKit(w: World, p: Player, netuid: Netuid | undefined): GameEvent[] {
  const kit = w.g.scenario.game.kits[p.role];
  const events: GameEvent[] = [];
  const tryAct = (a: GameAction) => {
    const r = act(w, p.id, a);
    if (r.ok) events.push(...r.events);
    return r.ok;
  };
  if (p.role === 'owner') {
    if (kit.register) tryAct({ type: 'register_subnet' });
    return events;
  }
  if (p.role === 'staker') return events;
  p.home = netuid ?? quietestSubnet(w, p.role);
  if (p.home === null || !kit.register) return events;
  if (!tryAct({ type: 'register_neuron', netuid: p.home })) return events;
  if (p.role === 'validator' && kit.selfStake > 0n) tryAct({ type: 'stake', hotkey: p.hotkey, netuid: p.home, amount: kit.selfStake });
  if (p.role === 'miner') tryAct({ type: 'set_effort', effort: 0.5 });
  refreshObservations(w, p);
  return events;
}

/** The subnet with the fewest players of a role (ties: the lower netuid), for spreading newcomers. */
function quietestSubnet(w: World, role: Role): Netuid | null {
  let pick: Netuid | null = null;
  let fewest = Infinity;
  for (const s of w.chain.state.subnets) {
    if (!s) continue;
    const n = w.g.players.filter((p) => p.role === role && p.home === s.netuid).length;
    if (n < fewest) {
      fewest = n;
      pick = s.netuid;
    }
  }
  return pick;
}

/** A player's connection changed: the board shows who is here. A removed player stays away. */
export function setConnected(w: World, id: PlayerId, connected: boolean): boolean {
  const p = w.byId.get(id);
  if (!p || (connected && p.removed)) return false;
  p.connected = connected;
  return true;
}

/** The facilitator removes a player: it can no longer act (its holdings still count on the board). */
export function remove(w: World, id: PlayerId): ActResult {
  const p = w.byId.get(id);
  if (!p) return { ok: false, error: gameError('UNKNOWN_PLAYER', `no player ${show(id)}`) };
  p.removed = true;
  p.connected = false;
  return { ok: true, events: [{ type: 'player_left', block: w.block, player: id, removed: true }] };
}

/** A bot the game runs takes the next bot seat. */
export function addBot(w: World, role: Role, strategy: string): JoinResult {
  if (!ROLES.includes(role)) return { ok: false, error: gameError('INVALID_PLAYER', `role must be one of ${ROLES.join(', ')}`) };
  if (!isStrategy(role, strategy)) return { ok: false, error: gameError('UNKNOWN_STRATEGY', `${show(strategy)} is not a ${role} strategy`) };
  const seat = ++w.g.botSeats;
  const label = `${strategy[0].toUpperCase()}${strategy.slice(1).replace('-', ' ')} ${role}`;
  return join(w, `bot-${seat}` as PlayerId, { name: `${label} ${seat}`.slice(0, 32), role, bot: strategy });
}

export function removeBot(w: World, id: PlayerId): ActResult {
  const p = w.byId.get(id);
  if (!p || p.bot === null || p.bot === EXTERNAL_BOT) return { ok: false, error: gameError('UNKNOWN_PLAYER', `no bot ${show(id)} run by the game`) };
  return remove(w, id);
}

export const info = (p: Player): PlayerInfo => ({ id: p.id, name: p.name, role: p.role, bot: p.bot, coldkey: p.coldkey, hotkey: p.hotkey, home: p.home, joinedAt: p.joinedAt, effort: p.effort, connected: p.connected, removed: p.removed });
