import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { monitor } from '@colyseus/monitor';
import { matchMaker } from '@colyseus/core';
import express from 'express';
import type { GameListing } from '../shared/protocol/index.ts';
import { resultsCsv, seriesCsv } from './export_csv.ts';
import { games } from './game_registry.ts';
import { lanRoute } from './lan.ts';
import { storedExports } from './persistence/archive.ts';
import { sameToken } from './secrets.ts';

export const ROOM_NAME = 'arena';
const started = Date.now();

/** Public games with their listing, from the matchmaker (so every process's rooms appear once Redis is on). */
export async function publicGames(): Promise<GameListing[]> {
  const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
  return rooms
    .map((r) => ({ code: r.roomId, ...(r.metadata as Omit<GameListing, 'code'>) }))
    .filter((g) => g.phase !== 'ended' && typeof g.preset === 'string');
}

/** A public game with a free seat, or a new public one (no facilitator; bots hold the seats). */
export async function quickPlay(preset: string | undefined): Promise<string> {
  const open = (await publicGames()).filter((g) => g.freeSeats > 0 && (preset === undefined || g.preset === preset));
  open.sort((a, b) => b.players - a.players || a.code.localeCompare(b.code));
  if (open.length > 0) return open[0].code;
  const room = await matchMaker.createRoom(ROOM_NAME, { public: true, quickplay: true, ...(preset ? { preset } : {}) });
  return room.roomId;
}

/** Basic auth for the monitor; the user name is ignored, the password is the secret. */
function basicAuth(password: string): express.RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString().split(':').slice(1).join(':') : undefined;
    if (sameToken(given, password)) return next();
    res.set('WWW-Authenticate', 'Basic realm="Subnet Arena monitor"').status(401).send('password required');
  };
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Subnet Arena</title>
<body style="font-family:sans-serif;background:#111;color:#eee;padding:2em">
<h1>Subnet Arena</h1><p>The server is running, but the browser client is not built yet.</p>
<p>Run <code>npm run build</code> (it writes <code>client/dist</code>), then reload. Bots and programs can already play: see <code>docs/PROTOCOL.md</code>.</p></body>`;

/** Routes beside the game: health, public games and quick play, exports, monitor, the built client. */
export function initializeExpress(app: express.Express, opts: { clientDir?: string; monitorPassword?: string } = {}): void {
  app.use('/api', express.json({ limit: '4kb' }));

  app.get('/health', (_req, res) => {
    res.json({ ok: true, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });

  app.get('/api/lan', lanRoute);

  app.get('/api/games', async (_req, res) => {
    res.json(await publicGames());
  });

  app.post('/api/quickplay', async (req, res) => {
    const preset = typeof req.body?.preset === 'string' ? req.body.preset : undefined;
    try {
      res.json({ code: await quickPlay(preset) });
    } catch (e) {
      res.status(400).json({ code: 'INVALID_OPTIONS', message: e instanceof Error ? e.message : String(e) });
    }
  });

  // Exports need the facilitator token: as ?token= (a link the facilitator can click) or a Bearer header.
  app.get('/api/games/:code/:file', (req, res) => {
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const token = typeof req.query.token === 'string' ? req.query.token : bearer;
    const code = String(req.params.code).toUpperCase();
    const game = games.authorised(code, token) ?? storedExports(code, token);
    if (!game) return void res.status(403).json({ code: 'NOT_FACILITATOR', message: 'unknown game or wrong facilitator token' });
    const file = String(req.params.file);
    const attach = (name: string) => res.set('Content-Disposition', `attachment; filename="${game.code}-${name}"`);
    if (file === 'results.json') return void res.json(game.results());
    if (file === 'series.json') return void res.json(game.series());
    if (file === 'results.csv') return void attach(file).type('text/csv').send(resultsCsv(game.results()));
    if (file === 'series.csv') return void attach(file).type('text/csv').send(seriesCsv(game.series()));
    res.status(404).json({ code: 'NOT_FOUND', message: 'exports are results.json, results.csv, series.json, series.csv' });
  });

  if (opts.monitorPassword) app.use('/colyseus', basicAuth(opts.monitorPassword), monitor());

  const clientDir = opts.clientDir ?? resolve(import.meta.dirname, '../client/dist');
  if (existsSync(resolve(clientDir, 'index.html'))) {
    app.use(express.static(clientDir));
  } else {
    app.get('/', (_req, res) => void res.type('html').send(NOT_BUILT));
  }
}
