// A damaged database fails loudly and gives back what it can: each way a file was found damaged
// (issue 11) is done to a copy of a database left by a killed writer, then the copy is opened as
// the server opens it. Either the game comes back, or the file is moved aside with a message and
// the server still starts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameHost } from '../../server/game_host.ts';
import { loadGame } from '../../server/persistence/archive.ts';
import { openGameStore, rebuildGame, restoreOrder } from '../../server/persistence/recovery.ts';
import type { GameStore } from '../../server/persistence/store.ts';
import { ROOT } from '../support/server_process.ts';
import { serverProcesses } from './processes.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'arena-damage-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
// Registered after the folders' cleanup, so the servers on them are killed first.
const start = serverProcesses();

/** Runs the writer to its SIGKILL; returns the folder of the database it left and the codes it wrote. */
function writeGames(count: number): { dir: string; codes: string[] } {
  const dir = tmp();
  let out = '';
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'test/persistence/write_games.ts', join(dir, 'arena.sqlite'), String(count)], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  return { dir, codes: (JSON.parse(out.trim().split('\n')[0]) as { codes: string[] }).codes };
}

let pristine: { dir: string; codes: string[] };
/** The game as the undamaged database gives it back. */
let whole: GameHost;

beforeAll(() => {
  pristine = writeGames(1);
  expect(statSync(join(pristine.dir, 'arena.sqlite-wal')).size).toBeGreaterThan(0);
  const store = openCopy(() => undefined).store;
  whole = rebuildGame(pristine.codes[0], loadGame(store, pristine.codes[0])!);
  store.close();
});

/** A copy of the killed writer's files (database, log, shared memory), damaged by `damage`, opened as the server opens it. */
function openCopy(damage: (db: string) => void): { store: GameStore; said: string[]; dir: string } {
  const dir = tmp();
  for (const f of readdirSync(pristine.dir)) copyFileSync(join(pristine.dir, f), join(dir, f));
  const db = join(dir, 'arena.sqlite');
  damage(db);
  const said: string[] = [];
  return { store: openGameStore(db, (line) => void said.push(line), new Date(0)), said, dir };
}

/** Every running game rebuilt as a restore would; their hosts by code. */
function restored(store: GameStore, said: string[]): Map<string, GameHost> {
  const out = new Map<string, GameHost>();
  for (const g of store.games('running')) out.set(g.code, rebuildGame(g.code, loadGame(store, g.code)!, (l) => void said.push(l)));
  return out;
}

const garbage = (n: number) => Buffer.alloc(n, 0xa5);
const wal = (db: string) => `${db}-wal`;

describe('a damaged database', () => {
  it('undamaged, gives the whole game back: its player, its stake and its last clock mark', () => {
    expect(whole.record().log.some((e) => e.kind === 'act')).toBe(true);
    expect(whole.block).toBeGreaterThanOrEqual(320);
  });

  it('garbage in the log header: said loudly, the evidence kept, the game back as of its creation checkpoint', () => {
    const { store, said, dir } = openCopy((db) => {
      const fd = readFileSync(wal(db));
      garbage(32).copy(fd, 0);
      writeFileSync(wal(db), fd);
    });
    expect(said.join('\n')).toMatch(/DATABASE LOG DAMAGED: the write-ahead log of .* has no valid header \(copied to .*damaged-.*-wal\)/);
    expect(readdirSync(dir).some((f) => f.endsWith('-wal') && f.includes('damaged'))).toBe(true);
    expect([...restored(store, said).keys()]).toEqual(pristine.codes);
    store.close();
  });

  it('a deleted log: the game back as of its creation checkpoint', () => {
    const { store, said } = openCopy((db) => rmSync(wal(db)));
    const games = restored(store, said);
    expect([...games.keys()]).toEqual(pristine.codes);
    store.close();
  });

  it('an empty database file beside its log: moved aside with a message; the server opens a fresh database', () => {
    const { store, said, dir } = openCopy((db) => truncateSync(db, 0));
    expect(said.join('\n')).toMatch(/DATABASE DAMAGED: .* is empty but its write-ahead log is not; both were moved to .*damaged-/);
    expect(readdirSync(dir).filter((f) => f.includes('damaged')).length).toBeGreaterThanOrEqual(2);
    expect(store.games('running')).toEqual([]);
    store.close();
  });

  it('garbage in the middle of the log: the game back, as far as the log is sound', () => {
    const { store, said } = openCopy((db) => {
      const bytes = readFileSync(wal(db));
      garbage(4096).copy(bytes, Math.floor(bytes.length / 2));
      writeFileSync(wal(db), bytes);
    });
    const game = restored(store, said).get(pristine.codes[0]);
    expect(game).toBeDefined();
    expect(game!.block).toBeLessThanOrEqual(whole.block);
    store.close();
  });

  it('the log cut in half: the game back, as far as the log goes', () => {
    const { store, said } = openCopy((db) => truncateSync(wal(db), Math.floor(statSync(wal(db)).size / 2)));
    expect(restored(store, said).get(pristine.codes[0])).toBeDefined();
    store.close();
  });

  it('a truncated database file (after a checkpoint): moved aside with a message instead of a crash', () => {
    const { store, said, dir } = openCopy((db) => {
      const d = new Database(db);
      d.pragma('wal_checkpoint(TRUNCATE)');
      d.close();
      truncateSync(db, Math.floor(statSync(db).size / 2));
    });
    expect(said.join('\n')).toMatch(/DATABASE DAMAGED: .* failed its integrity check .*moved to .*damaged-/);
    expect(readdirSync(dir).some((f) => f.includes('damaged'))).toBe(true);
    expect(store.games('running')).toEqual([]);
    store.close();
  });

  it('a damaged snapshot row: the game is replayed from its log, to the same state', () => {
    // Gzipped as written (cut off, not gzip, gzip of broken JSON), or text as snapshots once were.
    const damages: ((stored: Buffer) => string | Buffer)[] = [(z) => z.subarray(0, z.length >> 1), () => Buffer.from('not gzip at all'), () => gzipSync('{broken json'), () => '{"not":"a snapshot"}', () => '{broken json'];
    for (const damage of damages) {
      const { store, said } = openCopy((db) => {
        const d = new Database(db);
        const { state } = d.prepare('SELECT state FROM snapshots').get() as { state: Buffer };
        expect(Buffer.isBuffer(state)).toBe(true);
        expect(d.prepare('UPDATE snapshots SET state = ?').run(damage(state)).changes).toBe(1);
        d.close();
      });
      const game = restored(store, said).get(pristine.codes[0])!;
      expect(said.join('\n')).toMatch(/its snapshot at block 300 (does not load|is not readable)/);
      expect(JSON.stringify(game.game.snapshot())).toBe(JSON.stringify(whole.game.snapshot()));
      store.close();
    }
  });
});

describe('a server on a damaged database', () => {
  it('starts, says so, and answers /health (no crash loop)', async () => {
    const { store, dir } = openCopy(() => undefined);
    store.close();
    const db = join(dir, 'arena.sqlite');
    truncateSync(db, Math.floor(statSync(db).size / 2));
    const server = await start(db);
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({ ok: true, rooms: 0 });
    expect(server.log()).toMatch(/DATABASE DAMAGED/);
    expect(existsSync(db)).toBe(true);
  });

  it('restores many games in the background, the ones with people in them first, then the newest', async () => {
    const many = writeGames(6);
    const server = await start(join(many.dir, 'arena.sqlite'));
    while ((await (await fetch(`${server.url}/health`)).json()).rooms < 6) await new Promise((r) => setTimeout(r, 50));
    const order = [...server.log().matchAll(/restored game (\w+)/g)].map((m) => m[1]);
    // Odd games have a player; among each kind the newest first.
    expect(order).toEqual(['GAMEFY', 'GAMEDY', 'GAMEBY', 'GAMEEX', 'GAMECX', 'GAMEAX']);
    expect(restoreOrder([]).length).toBe(0);
  });
});
