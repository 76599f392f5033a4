import type { ServerOptions } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';

/**
 * Options that let several server processes share rooms: with REDIS_URL set, room listings go
 * through the Redis driver and seat reservations through Redis presence, so a room created on one
 * process can be joined by code through any other. PUBLIC_ADDRESS (host:port of this process, as
 * clients reach it) makes a client that matched through another process connect here directly;
 * behind a load balancer with sticky sessions it may be left unset. Without REDIS_URL: one process,
 * in-memory presence, nothing to install.
 */
export function scaleOptions(env: NodeJS.ProcessEnv = process.env): Pick<ServerOptions, 'presence' | 'driver' | 'publicAddress'> {
  const url = env.REDIS_URL;
  if (!url) return {};
  return { presence: new RedisPresence(url), driver: new RedisDriver(url), publicAddress: env.PUBLIC_ADDRESS || undefined };
}
