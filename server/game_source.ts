// Where a room's game comes from: a new game, a fork or a replay of a stored one, or a game this
// process was running when it stopped. Each way says once what differs — who may play, whether it
// is kept and listed, its seats, and what happens at each block boundary — so the room need not ask.
import type { CreateOptions } from '../shared/protocol/index.ts';
import { GameHost } from './game_host.ts';
import type { RoomMeta } from './persistence/archive.ts';
import { gameStore, loadGame, RoomArchive } from './persistence/archive.ts';
import type { LogEntry } from './record.ts';
import { newToken, tokenMatches } from './secrets.ts';
import { rebuildGame } from './persistence/recovery.ts';
import { Refusal } from './refusal.ts';
import { Seats } from './seats.ts';
import type { GameEvent } from '../shared/game/index.ts';
import { EXTERNAL_BOT } from '../shared/game/index.ts';

export interface GameSource {
  host: GameHost;
  /** People may take seats and change the game (a replay only re-runs its recorded one). */
  playable: boolean;
  seats: Seats;
  /** What a block boundary applies before the step: `'end'` when there is nothing more to run. */
  feed: BlockFeed | null;
  /** Where the game is kept once it has a code (none for a replay, or when the process keeps no games). */
  keep(code: string, meta: RoomMeta): RoomArchive | null;
}

/** A replay's recorded changes, fed in at the blocks they happened at. */
export interface BlockFeed {
  beforeStep(host: GameHost, applied: (events: GameEvent[]) => void): 'go' | 'end';
}

const begin =
  (host: GameHost, replace = false) =>
  (code: string, meta: RoomMeta) => {
    const store = gameStore();
    return store ? RoomArchive.begin(store, code, host, meta, Date.now(), replace) : null;
  };

/** A new game from a preset, or a fork or replay of a stored one. */
export function createdSource(o: CreateOptions): GameSource {
  if (o.replay) return replaySource(o.replay);
  if (o.fork) return forkSource(o.fork);
  const host = GameHost.create({ preset: o.preset ?? 'workshop', overrides: o.overrides, seed: o.seed ?? newToken().slice(0, 8) });
  if ('code' in host) throw new Refusal(`INVALID_OPTIONS: ${host.message}`);
  return { host, playable: true, seats: new Seats(), feed: null, keep: begin(host) };
}

function stored(source: NonNullable<CreateOptions['fork']>) {
  const store = gameStore();
  const loaded = store ? loadGame(store, source.code.toUpperCase(), source.block) : null;
  if (!loaded || !tokenMatches(loaded.meta.facilitatorKey, source.token)) throw new Refusal('NOT_FOUND: no stored game with that code and facilitator token');
  return loaded;
}

/** A new game from a stored game's state at the chosen block; its players keep their seats and tokens. */
function forkSource(source: NonNullable<CreateOptions['fork']>): GameSource {
  const loaded = stored(source);
  const host = rebuildGame(source.code.toUpperCase(), loaded);
  return { host, playable: true, seats: new Seats(loaded.meta.players), feed: null, keep: begin(host) };
}

/** A spectator room re-running a stored game's log from block 0, at any speed. */
function replaySource(source: NonNullable<CreateOptions['replay']>): GameSource {
  const loaded = stored(source);
  const host = GameHost.create(loaded.record);
  if ('code' in host) throw new Refusal(`INVALID_OPTIONS: ${host.message}`);
  const log: LogEntry[] = loaded.record.log.slice();
  const until = loaded.record.block;
  const feed: BlockFeed = {
    beforeStep: (h, applied) => {
      while (log.length > 0 && log[0].block <= h.block) {
        const r = h.apply(log.shift()!);
        if (r.ok) applied(r.events);
      }
      return log.length === 0 && h.block >= until ? 'end' : 'go';
    },
  };
  return { host, playable: false, seats: new Seats(), feed, keep: () => null };
}

/**
 * The real game after a practice round: the same scenario and seed from block 0 (so the seed the
 * facilitator noted is the real game's, and the practice foretells nothing a bot decides, since
 * bots react to people), every seat's player joined again under its own id, name and role with
 * a fresh kit (joins in the log like any other, so the record replays it), the scenario's own bots,
 * and who is away still away. A removed seat stays removed and out of the game. The stored
 * practice is replaced by this game under the same code.
 */
export function realGameSource(practice: GameHost, seats: Seats): GameSource {
  const r = practice.record();
  const host = GameHost.create({ preset: r.preset, overrides: r.overrides, seed: r.seed });
  if ('code' in host) throw new Error(`the practice's scenario no longer builds: ${host.message}`);
  const order = [...seats.entries()].filter(([, seat]) => !seat.removed).sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)));
  for (const [playerId, seat] of order) {
    const joined = host.joinAs(playerId, seat.name, seat.role, practice.player(playerId)?.bot === EXTERNAL_BOT);
    if (!joined.ok) throw new Error(`seat ${playerId} does not join the real game: ${joined.error.code} ${joined.error.message}`);
    if (seat.sessionId === null) host.setConnected(playerId, false);
  }
  return { host, playable: true, seats, feed: null, keep: begin(host, true) };
}

/** A game this process was running when it stopped: same code, same tokens, same state, its room settings. */
export function restoredSource(code: string): GameSource & { meta: RoomMeta } {
  const store = gameStore();
  const loaded = store ? loadGame(store, code) : null;
  if (!store || !loaded) throw new Error(`no stored game ${code}`);
  const { meta } = loaded;
  const host = rebuildGame(code, loaded);
  const seats = new Seats(meta.players);
  const archive = RoomArchive.attach(store, code, host);
  // Everyone was cut off by the restart; they count as away until they rejoin by token (kept in the log).
  for (const [playerId, seat] of seats.entries()) if (!seat.removed) host.setConnected(playerId, false);
  return { host, playable: true, seats, feed: null, keep: () => archive, meta };
}
