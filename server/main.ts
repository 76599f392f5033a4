// `npm start`: one Colyseus server with the arena room, the built client, exports and health.
import { listen } from '@colyseus/tools';
import { appConfig } from './app.config.ts';

const port = Number(process.env.PORT || 2567);
await listen(appConfig({ monitorPassword: process.env.MONITOR_PASSWORD || undefined }), port);
