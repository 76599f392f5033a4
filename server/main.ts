// `npm start`: one Colyseus server with the arena room, the built client, exports and health.
// Games are kept in the embedded database (ARENA_DB, default data/arena.sqlite), checked when it
// opens; the games this process was running when it stopped come back under their codes in the
// background once it listens, the ones with people in them first.
import { matchMaker } from '@colyseus/core';
import { listen } from '@colyseus/tools';
import { appConfig } from './app.config.ts';
import { ROOM_NAME } from './http.ts';
import { limits } from './limits.ts';
import { RESTORE_SECRET, useGameStore } from './persistence/archive.ts';
import { maintain, openGameStore, restoreGames } from './persistence/recovery.ts';
import { DEFAULT_DB_PATH } from './persistence/store.ts';

const store = openGameStore(process.env.ARENA_DB ?? DEFAULT_DB_PATH);
useGameStore(store);
const port = Number(process.env.PORT || 2567);
await listen(appConfig({ monitorPassword: process.env.MONITOR_PASSWORD || undefined, monitorUser: process.env.MONITOR_USER || undefined }), port);
maintain(store, limits().keepFinishedDays);
void restoreGames(store, (code) => matchMaker.createRoom(ROOM_NAME, { restore: code, restoreSecret: RESTORE_SECRET }), limits().maxRooms);
