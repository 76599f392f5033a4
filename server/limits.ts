/**
 * What one server process lets anyone use: every number an operator may change, read once from the
 * environment. The defaults are sized so a 60-person workshop behind one NAT (one address for
 * everyone) never meets them, while one address alone cannot take the process down.
 */
export interface Limits {
  /** Live rooms in this process (ARENA_MAX_ROOMS). */
  maxRooms: number;
  /** Estimated engine milliseconds per real second one room may need (ARENA_ROOM_LOAD_MS). */
  roomLoadMs: number;
  /** The same, summed over every room of the process (ARENA_PROCESS_LOAD_MS). */
  processLoadMs: number;
  /** Longest a room spends running blocks in one tick; the rest waits (ARENA_TICK_BUDGET_MS). */
  tickBudgetMs: number;
  /** Rooms one address may create in a minute (ARENA_CREATES_PER_MINUTE). */
  createsPerMinute: number;
  /** Rooms created by one address that may be live at once (ARENA_ROOMS_PER_ADDRESS). */
  roomsPerAddress: number;
  /** Open connections from one address, all rooms together (ARENA_CONNECTIONS_PER_ADDRESS). */
  connectionsPerAddress: number;
  /** Open connections in the process (ARENA_MAX_CONNECTIONS). */
  maxConnections: number;
  /** Messages a second from one address, all its sockets together (ARENA_MESSAGES_PER_SECOND). */
  messagesPerSecond: number;
  /** Spectators one room takes; player seats stay open however many watch (ARENA_SPECTATORS_PER_ROOM). */
  spectatorsPerRoom: number;
  /** Seconds a room with nobody in it lives on (ARENA_EMPTY_ROOM_SECONDS). */
  emptyRoomSeconds: number;
  /** The same for a room restored after a restart, whose people are still finding their way back. */
  restoredEmptyRoomSeconds: number;
  /** Days a finished game stays in the database (ARENA_KEEP_FINISHED_DAYS). */
  keepFinishedDays: number;
  /** Take the client address from X-Forwarded-For / X-Real-IP (only behind a proxy that sets them: ARENA_TRUST_PROXY=1). */
  trustProxy: boolean;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxRooms: 100,
  roomLoadMs: 100,
  processLoadMs: 600,
  tickBudgetMs: 16,
  createsPerMinute: 120,
  roomsPerAddress: 64,
  connectionsPerAddress: 300,
  maxConnections: 5000,
  messagesPerSecond: 600,
  spectatorsPerRoom: 150,
  emptyRoomSeconds: 60,
  restoredEmptyRoomSeconds: 600,
  keepFinishedDays: 7,
  trustProxy: false,
};

const ENV: Record<keyof Limits, string> = {
  maxRooms: 'ARENA_MAX_ROOMS',
  roomLoadMs: 'ARENA_ROOM_LOAD_MS',
  processLoadMs: 'ARENA_PROCESS_LOAD_MS',
  tickBudgetMs: 'ARENA_TICK_BUDGET_MS',
  createsPerMinute: 'ARENA_CREATES_PER_MINUTE',
  roomsPerAddress: 'ARENA_ROOMS_PER_ADDRESS',
  connectionsPerAddress: 'ARENA_CONNECTIONS_PER_ADDRESS',
  maxConnections: 'ARENA_MAX_CONNECTIONS',
  messagesPerSecond: 'ARENA_MESSAGES_PER_SECOND',
  spectatorsPerRoom: 'ARENA_SPECTATORS_PER_ROOM',
  emptyRoomSeconds: 'ARENA_EMPTY_ROOM_SECONDS',
  restoredEmptyRoomSeconds: 'ARENA_RESTORED_EMPTY_ROOM_SECONDS',
  keepFinishedDays: 'ARENA_KEEP_FINISHED_DAYS',
  trustProxy: 'ARENA_TRUST_PROXY',
};

export const limitEnvName = (key: keyof Limits): string => ENV[key];

/** The limits an environment sets; a value that is not a positive number is refused at boot, not guessed at. */
export function readLimits(env: Record<string, string | undefined>): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV) as (keyof Limits)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    if (key === 'trustProxy') {
      out.trustProxy = raw === '1' || raw === 'true';
      continue;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${ENV[key]} must be a positive number, not ${JSON.stringify(raw)}`);
    (out as unknown as Record<string, number>)[key] = n;
  }
  return out;
}

let current: Limits = readLimits(process.env);

/** This process's limits (from the environment unless a test or the boot set others). */
export const limits = (): Limits => current;
export const useLimits = (next: Partial<Limits>): void => {
  current = { ...current, ...next };
};
