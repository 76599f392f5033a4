import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { StoredGame } from '../../server/persistence/store.ts';
import { GameStore } from '../../server/persistence/store.ts';

const record = (code: string): Omit<StoredGame, 'reached'> => ({ code, preset: 'workshop', scenario: '{"preset":"workshop"}', seed: '7', createdAt: 1, status: 'running', meta: '{}' });
const open: GameStore[] = [];
const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'arena-store-')), 'arena.sqlite');
const storeAt = (path: string) => {
  const s = GameStore.open(path);
  open.push(s);
  return s;
};
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('GameStore', () => {
  it('keeps games, their log in order and the latest snapshot across a reopen', () => {
    const path = tmpDb();
    const a = storeAt(path);
    a.createGame(record('ABC234'));
    a.append('ABC234', [
      { seq: 0, block: 0, entry: '{"join":"p1"}' },
      { seq: 1, block: 3, entry: '{"stake":"1"}' },
    ]);
    a.saveSnapshot('ABC234', 1, 3, 1, '{"block":3}');
    a.append('ABC234', [{ seq: 2, block: 5, entry: '{"unstake":"1"}' }]);
    a.saveSnapshot('ABC234', 1, 6, 2, '{"block":6}');
    a.close();
    open.pop();

    const b = storeAt(path);
    expect(b.games('running').map((g) => g.code)).toEqual(['ABC234']);
    expect(b.logAfter('ABC234').map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(b.logAfter('ABC234', 1).map((e) => e.entry)).toEqual(['{"unstake":"1"}']);
    expect(b.lastSeq('ABC234')).toBe(2);
    expect(b.latestSnapshot('ABC234')).toEqual({ block: 6, seq: 2, state: '{"block":6}' });
    // Older snapshots of a running game are pruned.
    expect(b.latestSnapshot('ABC234', 5)).toBeNull();
  });

  it('keeps a snapshot only of the game running under the code: not of one since replaced, nor of a finished one', () => {
    const s = storeAt(':memory:');
    const practice = s.createGame(record('REP234'));
    const real = s.createGame({ ...record('REP234'), createdAt: practice }, [], true);
    // Created in the same millisecond, the real game still gets a creation time of its own.
    expect(real).toBeGreaterThan(practice);
    expect(s.saveSnapshot('REP234', practice, 300, 4, '{"practice":true}')).toBe(false);
    expect(s.latestSnapshot('REP234')).toBeNull();
    expect(s.saveSnapshot('REP234', real, 300, 2, '{"real":true}')).toBe(true);
    expect(s.latestSnapshot('REP234')?.state).toBe('{"real":true}');
    s.finish('REP234', 99, '{}');
    expect(s.saveSnapshot('REP234', real, 600, 3, '{"late":true}')).toBe(false);
    expect(s.latestSnapshot('REP234')?.block).toBe(300);
  });

  it('refuses a duplicate log position rather than silently reordering the game', () => {
    const s = storeAt(':memory:');
    s.createGame(record('XYZ789'));
    s.append('XYZ789', [{ seq: 0, block: 0, entry: 'a' }]);
    expect(() => s.append('XYZ789', [{ seq: 1, block: 0, entry: 'b' }, { seq: 0, block: 0, entry: 'c' }])).toThrow();
    // The failed batch wrote nothing.
    expect(s.logAfter('XYZ789').map((e) => e.entry)).toEqual(['a']);
  });

  it('marks how far a game has run, never moving the mark back', () => {
    const s = storeAt(':memory:');
    s.createGame(record('CLK234'));
    expect(s.game('CLK234')?.reached).toBe(0);
    s.markReached('CLK234', 40);
    s.markReached('CLK234', 30);
    expect(s.game('CLK234')?.reached).toBe(40);
  });

  it('opens a database written before the clock mark existed, adding the column', () => {
    const path = tmpDb();
    const old = new Database(path);
    old.exec("CREATE TABLE games (code TEXT PRIMARY KEY, preset TEXT NOT NULL, scenario TEXT NOT NULL, seed TEXT NOT NULL, created_at INTEGER NOT NULL, status TEXT NOT NULL, meta TEXT NOT NULL, finished_at INTEGER, results TEXT)");
    old.exec("INSERT INTO games (code, preset, scenario, seed, created_at, status, meta) VALUES ('OLD234', 'workshop', '{}', '1', 1, 'running', '{}')");
    old.close();
    const s = storeAt(path);
    expect(s.game('OLD234')?.reached).toBe(0);
    s.markReached('OLD234', 20);
    expect(s.game('OLD234')?.reached).toBe(20);
  });

  it('marks a game finished with its results, and lists it among finished games', () => {
    const s = storeAt(':memory:');
    s.createGame(record('FIN234'));
    s.finish('FIN234', 99, '{"leaderboard":[]}');
    expect(s.game('FIN234')?.status).toBe('finished');
    expect(s.games('finished').map((g) => g.code)).toEqual(['FIN234']);
    expect(s.games('running')).toEqual([]);
    expect(s.results('FIN234')).toBe('{"leaderboard":[]}');
  });

  it('loses nothing that was acknowledged when the writing process is killed with SIGKILL', async () => {
    const path = tmpDb();
    // A child process appends entries one by one and prints each seq after the write returns
    // (its acknowledgement); it is killed mid-stream.
    const script = `
      import { writeSync } from 'node:fs';
      import { GameStore } from ${JSON.stringify(join(process.cwd(), 'server/persistence/store.ts'))};
      const s = GameStore.open(${JSON.stringify(path)});
      s.createGame({ code: 'KIL234', preset: 'workshop', scenario: '{}', seed: '1', createdAt: 1, status: 'running', meta: '{}' });
      for (let seq = 0; seq < 1e6; seq++) {
        s.append('KIL234', [{ seq, block: seq, entry: 'x'.repeat(200) }]);
        writeSync(1, seq + '\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = -1;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise((r) => child.on('exit', r));
    // The writer never stops by itself: whatever happens to this test, it must not outlive it.
    onTestFinished(() => void child.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => (acked >= 200 ? resolve() : reject(new Error(`writer exited early:\n${stderr}`))));
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const l of lines) acked = Number(l);
        if (acked >= 200 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await exited;
    const s = storeAt(path);
    expect(s.lastSeq('KIL234')).toBeGreaterThanOrEqual(acked);
    expect(s.logAfter('KIL234').length).toBe(s.lastSeq('KIL234') + 1);
  });
});
