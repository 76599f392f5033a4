// `npm start`: one Colyseus server with the arena room, the built client, exports and health.
// Games are kept in the embedded database (ARENA_DB, default data/arena.sqlite); the games this
// process was running when it stopped come back under their codes as soon as it listens.
import { matchMaker } from '@colyseus/core';
import { listen } from '@colyseus/tools';
import { appConfig } from './app.config.ts';
import { ROOM_NAME } from './http.ts';
import { RESTORE_SECRET, useGameStore } from './persistence/archive.ts';
import { GameStore } from './persistence/store.ts';

const store = GameStore.open();
useGameStore(store);
const port = Number(process.env.PORT || 2567);
await listen(appConfig({ monitorPassword: process.env.MONITOR_PASSWORD || undefined }), port);

for (const game of store.games('running', Number.MAX_SAFE_INTEGER)) {
  try {
    await matchMaker.createRoom(ROOM_NAME, { restore: game.code, restoreSecret: RESTORE_SECRET });
    console.log(`restored game ${game.code}`);
  } catch (e) {
    console.error(`could not restore game ${game.code}:`, e);
  }
}
