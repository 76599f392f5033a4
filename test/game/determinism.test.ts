import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Game } from '../../shared/game/index.ts';
import { newGame, run } from './helpers.ts';

const snap = (g: Game) => JSON.stringify(g.snapshot());
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('determinism', () => {
  it('the same seed gives byte-identical snapshots; another seed does not', () => {
    const [a, b, c] = [newGame('workshop', undefined, 5), newGame('workshop', undefined, 5), newGame('workshop', undefined, 6)];
    for (const g of [a, b, c]) run(g, 400);
    expect(snap(a)).toBe(snap(b));
    expect(snap(a)).not.toBe(snap(c));
  });

  it('a game restored from a snapshot continues exactly as the original', () => {
    const a = newGame('workshop', undefined, 9);
    run(a, 150);
    a.trigger({ type: 'inflow_surge', netuid: 2, tao: '300', blocks: 40 });
    run(a, 10);
    const b = Game.restore(JSON.parse(snap(a)));
    expect(snap(b)).toBe(snap(a));
    run(a, 250);
    run(b, 250);
    expect(snap(b)).toBe(snap(a));
  });

  it('npm run sim writes byte-identical files for the same arguments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    try {
      const files = ['csv', 'subnets.csv', 'epochs.csv', 'json'];
      const once = (name: string) => {
        execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/sim.ts', '--preset', 'workshop', '--blocks', '300', '--seed', '4', '--out', join(dir, `${name}.csv`)], { stdio: 'pipe', cwd: ROOT });
        return files.map((f) => readFileSync(join(dir, `${name}.${f}`), 'utf8'));
      };
      const [first, second] = [once('a'), once('b')];
      expect(second).toEqual(first);
      expect(first[0].split('\n')[0]).toBe('block,issuance,blockEmission,poolTao,subnets,top10Share,maxShare');
      expect(first[0].trim().split('\n')).toHaveLength(302);
      expect(JSON.parse(first[3]).series.epochs.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
