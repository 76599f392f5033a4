import { createHash, timingSafeEqual } from 'node:crypto';
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
import { admission, clientAddress, TICKET_OPTION } from './admission.ts';
import { buildScenario, isScenarioError, scenarioLoadMs } from '../shared/game/overrides.ts';
import { logRefusal } from './refusal.ts';

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
export async function quickPlay(preset: string | undefined, address: string): Promise<string> {
  const open = (await publicGames()).filter((g) => g.freeSeats > 0 && (preset === undefined || g.preset === preset));
  open.sort((a, b) => b.players - a.players || a.code.localeCompare(b.code));
  if (open.length > 0) return open[0].code;
  // A new game counts against its asker's address like any create.
  const scenario = buildScenario(preset ?? 'workshop');
  if (isScenarioError(scenario)) throw new QuickPlayRefused('INVALID_OPTIONS', scenario.message);
  const admitted = admission.admitCreate(address, scenarioLoadMs(scenario), Date.now());
  if ('code' in admitted) throw new QuickPlayRefused(admitted.code, admitted.message);
  const room = await matchMaker.createRoom(ROOM_NAME, { public: true, quickplay: true, ...(preset ? { preset } : {}), [TICKET_OPTION]: admitted.ticket });
  return room.roomId;
}

class QuickPlayRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Basic auth for the monitor: user name and password both checked, each compared as a SHA-256
 * digest in constant time, so neither the length nor the first wrong character shows in the timing.
 */
export function basicAuth(user: string, password: string): express.RequestHandler {
  const expected = { user: sha256(user), password: sha256(password) };
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString() : '';
    const colon = decoded.indexOf(':');
    const [givenUser, givenPassword] = colon < 0 ? ['', ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
    // Both compared every time: a wrong user name takes as long as a wrong password.
    const userOk = timingSafeEqual(sha256(givenUser), expected.user);
    const passwordOk = timingSafeEqual(sha256(givenPassword), expected.password);
    if (colon >= 0 && userOk && passwordOk) return next();
    res.set('WWW-Authenticate', 'Basic realm="Subnet Arena monitor"').status(401).send('user name and password required');
  };
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Subnet Arena</title>
<body style="font-family:sans-serif;background:#111;color:#eee;padding:2em">
<h1>Subnet Arena</h1><p>The server is running, but the browser client is not built yet.</p>
<p>Run <code>npm run build</code> (it writes <code>client/dist</code>), then reload. Bots and programs can already play: see <code>docs/PROTOCOL.md</code>.</p></body>`;

/** Routes beside the game: health, public games and quick play, exports, monitor, the built client. */
export function initializeExpress(app: express.Express, opts: { clientDir?: string; monitorPassword?: string; monitorUser?: string } = {}): void {
  app.use('/api', express.json({ limit: '4kb' }));

  app.get('/health', (_req, res) => {
    const { rooms, loadMs, connections } = admission.load();
    res.json({ ok: true, rooms, connections, loadMs, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });

  app.get('/api/lan', lanRoute);

  app.get('/api/games', async (_req, res) => {
    res.json(await publicGames());
  });

  app.post('/api/quickplay', async (req, res) => {
    const preset = typeof req.body?.preset === 'string' ? req.body.preset : undefined;
    const address = clientAddress({ req, headers: req.headers });
    try {
      res.json({ code: await quickPlay(preset, address) });
    } catch (e) {
      const code = e instanceof QuickPlayRefused ? e.code : 'INVALID_OPTIONS';
      const message = e instanceof Error ? e.message : String(e);
      logRefusal('quick play', address, `${code}: ${message}`);
      res.status(code === 'RATE_LIMITED' ? 429 : code === 'OVER_CAPACITY' ? 503 : 400).json({ code, message });
    }
  });

  // Exports need the facilitator token in an `Authorization: Bearer` header, never in the address:
  // a URL ends up in proxy logs, browser history and Referer headers.
  app.get('/api/games/:code/:file', (req, res) => {
    const token = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const code = String(req.params.code).toUpperCase();
    const game = games.authorised(code, token) ?? storedExports(code, token);
    if (!game) return void res.status(403).json({ code: 'NOT_FACILITATOR', message: 'unknown game or wrong facilitator token' });
    const file = String(req.params.file);
    const attach = (name: string) => res.set('Content-Disposition', `attachment; filename="${game.code}-${name}"`);
    if (file === 'results.json') return void res.json(game.results());
    if (file === 'series.json') return void res.json(game.series());
    if (file === 'results.csv') return void attach(file).type('text/csv').send(resultsCsv(game.results()));
    if (file === 'series.csv') return void attach(file).type('text/csv').send(seriesCsv(game.series(), game.results()));
    res.status(404).json({ code: 'NOT_FOUND', message: 'exports are results.json, results.csv, series.json, series.csv' });
  });

  if (opts.monitorPassword) app.use('/colyseus', basicAuth(opts.monitorUser ?? 'admin', opts.monitorPassword), monitor());

  const clientDir = opts.clientDir ?? resolve(import.meta.dirname, '../client/dist');
  if (existsSync(resolve(clientDir, 'index.html'))) {
    app.use(express.static(clientDir));
  } else {
    app.get('/', (_req, res) => void res.type('html').send(NOT_BUILT));
  }
}
