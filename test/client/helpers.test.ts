import { describe, expect, it } from 'vitest';
import { clockLine, leaderboard, recentEvents, toMapSubnet, valuesOf } from '../../client/src/lib/arena.ts';
import { extentOf, linePath } from '../../client/src/lib/chart.ts';
import { spotlightAt, topShare } from '../../client/src/lib/dominance.ts';
import { amount, blocksAway, percent, signed, subnetTitle } from '../../client/src/lib/format.ts';
import { joinLink, normaliseCode, readLink } from '../../client/src/lib/join_link.ts';
import { presetHelp } from '../../client/src/lib/preset_help.ts';
import { backoffDelay, shouldReconnect } from '../../client/src/lib/reconnect.ts';
import { serverUrl } from '../../client/src/lib/server_url.ts';
import { forgetSession, loadSession, saveSession } from '../../client/src/lib/session_store.ts';

describe('format', () => {
  it('shows money from decimal strings without losing dust', () => {
    expect(amount('12345.678912345', 'τ')).toBe('12,345.68 τ');
    expect(amount('0.000123456')).toBe('0.0001235');
    expect(amount('0')).toBe('0');
    expect(signed('0.000000054')).toBe('+0.000000054 τ');
    expect(amount('0.000000001')).toBe('0.000000001');
    expect(amount('abc')).toBe('—');
    expect(signed('-2.5')).toBe('-2.50 τ');
    expect(signed('3')).toBe('+3.00 τ');
  });
  it('keeps small shares readable', () => {
    expect(percent(0.004)).toBe('0.40 %');
    expect(percent(0.56)).toBe('56.0 %');
    expect(percent(Number.NaN)).toBe('—');
  });
  it('turns blocks into time at the room pace', () => {
    expect(blocksAway(50, 5)).toBe('50 blocks · 10 s');
    expect(blocksAway(7200, 1 / 12)).toBe('7,200 blocks · 24 h');
    expect(blocksAway(10_300_000, 1 / 12)).toBe('10,300,000 blocks · 1,431 d');
    expect(blocksAway(900, 5)).toBe('900 blocks · 3 min');
    expect(blocksAway(-1, 5)).toBe('—');
  });
});

describe('subnet titles', () => {
  it('do not repeat a netuid that is also the name', () => {
    expect(subnetTitle(64, 'Chutes')).toBe('SN64 Chutes');
    expect(subnetTitle(7, 'SN7')).toBe('SN7');
    expect(subnetTitle(7, '')).toBe('SN7');
  });
});

describe('join links and codes', () => {
  it('normalises what people type and refuses look-alikes', () => {
    expect(normaliseCode(' ab c-23x ')).toBe('ABC23X');
    expect(normaliseCode('ABC10X')).toBeNull(); // 1 and 0 are not in the alphabet
    expect(normaliseCode('ABC')).toBeNull();
  });
  it('reads ?code= and ?watch, and builds the link a QR code carries', () => {
    expect(readLink('?code=abc23x&watch')).toEqual({ code: 'ABC23X', watch: true });
    expect(readLink('?code=nope')).toEqual({ code: null, watch: false });
    const link = joinLink('http://10.0.0.5:2567/', 'ABC23X');
    expect(link).toBe('http://10.0.0.5:2567/?code=ABC23X');
    expect(readLink(new URL(link).search).code).toBe('ABC23X');
    expect(joinLink('http://h', 'ABC23X', true)).toBe('http://h/?code=ABC23X&watch');
  });
  it('derives the WebSocket endpoint from the page location', () => {
    expect(serverUrl({ protocol: 'http:', host: 'localhost:2567' })).toBe('ws://localhost:2567');
    expect(serverUrl({ protocol: 'https:', host: 'arena.example' })).toBe('wss://arena.example');
  });
});

describe('reconnection', () => {
  it('backs off exponentially to a cap', () => {
    const delays = Array.from({ length: 8 }, (_, i) => backoffDelay(i));
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[3]).toBeGreaterThan(delays[2]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8000 * 1.1);
  });
  it('does not retry a leave on purpose, and gives up after the last attempt', () => {
    expect(shouldReconnect(1006, 0)).toBe(true);
    expect(shouldReconnect(4000, 0)).toBe(false);
    expect(shouldReconnect(1000, 0)).toBe(false);
    expect(shouldReconnect(1006, 12)).toBe(false);
  });
  it('stores sessions per code and survives junk in storage', () => {
    const map = new Map<string, string>();
    const store = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    saveSession(store, { code: 'ABC23X', name: 'Ann', role: 'staker', playerToken: 't' });
    expect(loadSession(store, 'ABC23X')?.playerToken).toBe('t');
    map.set('arena:session:XYZ234', '{not json');
    expect(loadSession(store, 'XYZ234')).toBeNull();
    forgetSession(store, 'ABC23X');
    expect(loadSession(store, 'ABC23X')).toBeNull();
  });
});

describe('charts', () => {
  it('draws a path across the box, top = max, and breaks at gaps', () => {
    expect(linePath([0, 10], 100, 50)).toBe('M0.0 50.0L100.0 0.0');
    expect(linePath([1, Number.NaN, 3], 100, 10, { min: 0, max: 4 })).toBe('M0.0 7.5M100.0 2.5');
    expect(linePath([], 100, 10)).toBe('');
  });
  it('pads a flat series so it is drawn mid-box, not on an edge', () => {
    const e = extentOf([{ label: '', values: [2, 2] }]);
    expect(e.min).toBeLessThan(2);
    expect(e.max).toBeGreaterThan(2);
  });
});

describe('dominance and spotlight', () => {
  const subnets = Array.from({ length: 20 }, (_, i) => ({ netuid: i + 1, emissionShare: i < 10 ? 0.056 : 0.044 }));
  it('top-10 share as the seed quotes it', () => {
    const t = topShare(subnets, 10);
    expect(t.share).toBeCloseTo(0.56, 10);
    expect(t.leaders.map((l) => l.netuid)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it('cycles the spotlight through the leaders every dwell blocks', () => {
    const leaders = topShare(subnets, 3).leaders;
    expect([0, 9, 10, 25, 30].map((b) => spotlightAt(leaders, b, 10)?.netuid)).toEqual([1, 1, 2, 3, 1]);
    expect(spotlightAt([], 5, 10)).toBeNull();
  });
});

describe('reading the room state', () => {
  const player = (id: string, rank: number, over = {}) => ({ id, name: id, role: 'staker', bot: false, connected: true, removed: false, netWorth: '10', change: '0', changePct: 0, rank, emissionIncome: '0', priceGains: '0', ...over });
  it('orders the leaderboard by rank and hides removed players', () => {
    const rows = leaderboard({ b: player('b', 2), a: player('a', 1), gone: player('gone', 3, { removed: true }) });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
  });
  it('reads Map-like collections and records alike', () => {
    expect(valuesOf(new Map([['1', 1]]))).toEqual([1]);
    expect(valuesOf({ x: 2 })).toEqual([2]);
    expect(valuesOf(undefined)).toEqual([]);
  });
  it('gives the newest events first', () => {
    const events = [1, 2, 3].map((block) => ({ block, kind: 'k', text: `e${block}` }));
    expect(recentEvents(events, 2).map((e) => e.block)).toEqual([3, 2]);
  });
  it('maps a synced subnet to the map, immunity from the block', () => {
    const s = { netuid: 3, name: 'Data', taoIn: '600.5', alphaIn: '1', price: 1, emaPrice: 1, flowEma: -0.1, emissionShare: 0.2, immuneUntil: 100, pruneCandidate: false, ownerName: '', burn: '1', neurons: 3 };
    expect(toMapSubnet(s, 99)).toMatchObject({ netuid: 3, poolTao: 600.5, netFlow: -0.1, immune: true });
    expect(toMapSubnet(s, 100).immune).toBe(false);
  });
  it('writes one clock line a player can time an action with', () => {
    expect(clockLine({ block: 1200, phase: 'running', tempo: 45, halvingIn: 3300, speed: 2, blocksPerSecond: 5, endBlock: 9000 })).toBe('block 1,200 · ends in 7,800 · halving in 3,300 · ×2');
    expect(clockLine({ block: 1, phase: 'running', tempo: 360, halvingIn: 0, speed: Math.fround(90.51), blocksPerSecond: 1 / 12, endBlock: 0 })).toBe('block 1 · ×90.51');
  });
  it('describes a preset from its facts', () => {
    expect(presetHelp({ name: 'x', subnets: 3, slots: 6, blocksPerSecond: 5, durationBlocks: 9000, tempo: 45 })).toBe('3 subnets, 6 slots, tempo 45, 5 blocks/s, about 30 min at speed 1');
  });
});
