import { LobbyRoom } from '@colyseus/core';
import type { ConfigOptions } from '@colyseus/tools';
import config from '@colyseus/tools';
import { Encoder } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ArenaRoom } from './arena_room.ts';
import { initializeExpress, ROOM_NAME } from './http.ts';
import { scaleOptions } from './scale/redis.ts';

/**
 * Largest client message. ws-transport's default (4 KB) is smaller than a full weight vector over
 * 256 UIDs; 64 KB holds the largest valid message many times over. A larger one closes that
 * client's socket (code 1009): the answer to an oversized message.
 */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** A full network's first state (128 subnets, 60 players) is larger than schema's 8 KB default buffer. */
Encoder.BUFFER_SIZE = 256 * 1024;

export interface AppOptions {
  /** Folder of the built client (default client/dist). */
  clientDir?: string;
  /** Password for the Colyseus monitor at /colyseus; no password, no monitor. */
  monitorPassword?: string;
  /** The monitor's user name (MONITOR_USER, default admin). */
  monitorUser?: string;
}

/** The whole server as @colyseus/tools config: `npm start` listens with it, tests boot it. */
export function appConfig(opts: AppOptions = {}): ConfigOptions {
  return config({
    options: { greet: false, ...scaleOptions() },
    initializeTransport: (o) => new WebSocketTransport({ ...o, maxPayload: MAX_PAYLOAD_BYTES }),
    initializeGameServer: (gameServer) => {
      gameServer.define('lobby', LobbyRoom);
      gameServer.define(ROOM_NAME, ArenaRoom).enableRealtimeListing();
    },
    initializeExpress: (app) => initializeExpress(app, opts),
  });
}
