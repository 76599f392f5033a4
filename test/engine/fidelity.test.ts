import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../../shared/engine/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface Row {
  mechanism: string;
  chain: string;
  era: string;
  engine: string[];
  tests: string[];
  fidelity: string;
}

/** The rows of README's "Fidelity" table, its cells split and the backticked names pulled out. */
function fidelityTable(): Row[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('### Fidelity\n');
  if (at < 0) throw new Error('README has no "### Fidelity" section');
  const section = readme.slice(at).split(/\n#{2,3} /)[0];
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return lines.slice(2).map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 6) throw new Error(`a Fidelity row has ${cells.length} cells, not 6: ${line}`);
    const [mechanism, chain, era, engine, tests, fidelity] = cells;
    return { mechanism, chain, era, engine: ticked(engine), tests: ticked(tests), fidelity };
  });
}

/** `dir/file.rs::function` citations of a chain cell, each as its file's name and the function. */
function citations(chain: string): { file: string; fn: string }[] {
  return [...chain.matchAll(/`([\w/]+\.rs)::(\w+)`/g)].map((m) => ({ file: basename(m[1]), fn: m[2] }));
}

describe("README's Fidelity table", () => {
  const rows = fidelityTable();

  it('has one row per mechanism the engine models, in the order of MECHANISMS', () => {
    expect(rows.map((r) => r.mechanism)).toEqual(MECHANISMS.map((m) => m.mechanism));
  });

  it.each(MECHANISMS.map((m, i) => [m.mechanism, i] as const))('%s: names the engine modules that model it, and they exist', (_name, i) => {
    expect(rows[i].engine).toEqual(MECHANISMS[i].modules.map(String));
    for (const m of rows[i].engine) expect(existsSync(join(ROOT, 'shared', 'engine', m)), m).toBe(true);
  });

  it.each(rows.map((r) => [r.mechanism, r] as const))('%s: its tests exist and cite every chain function the row follows', (_name, row) => {
    expect(row.tests.length).toBeGreaterThan(0);
    const sources = row.tests.map((t) => {
      expect(existsSync(join(ROOT, t)), t).toBe(true);
      return readFileSync(join(ROOT, t), 'utf8');
    });
    const cited = citations(row.chain);
    expect(cited.length, 'the chain cell names no file::function').toBeGreaterThan(0);
    for (const c of cited) expect(sources.some((src) => src.includes(c.fn) || src.includes(`${c.file}:`)), `${c.file}::${c.fn} is cited by none of ${row.tests.join(', ')}`).toBe(true);
  });

  it.each(rows.map((r) => [r.mechanism, r] as const))('%s: says which era and whether it matches or departs (and why)', (_name, row) => {
    expect(row.era.length).toBeGreaterThan(0);
    expect(row.fidelity).toMatch(/^(matches|departs)/);
    for (const why of row.fidelity.split(/departs: /).slice(1)) expect(why.trim().length, 'a departure without its reason').toBeGreaterThan(20);
  });
});
