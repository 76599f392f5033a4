import { describe, expect, it } from 'vitest';
import { isLoopback, roomOrigin } from '../../client/src/lib/lan.ts';
import { loadSession, pageStore, saveSession } from '../../client/src/lib/session_store.ts';
import { lanAddresses } from '../../server/lan.ts';

describe('the join link carries an address the room can reach', () => {
  it('knows loopback names from real ones', () => {
    for (const h of ['localhost', '127.0.0.1', '::1', '[::1]', 'arena.localhost', '0.0.0.0']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['192.168.1.20', 'arena.example.org', '10.0.0.2']) expect(isLoopback(h), h).toBe(false);
  });

  it('swaps localhost for the first LAN address on the same port, and leaves a real host alone', () => {
    expect(roomOrigin({ protocol: 'http:', hostname: 'localhost', port: '2567' }, ['192.168.1.20'])).toEqual({ origin: 'http://192.168.1.20:2567', loopback: true, lan: '192.168.1.20' });
    expect(roomOrigin({ protocol: 'http:', hostname: 'localhost', port: '2567' }, [])).toEqual({ origin: 'http://localhost:2567', loopback: true, lan: null });
    expect(roomOrigin({ protocol: 'https:', hostname: 'arena.example.org', port: '' }, ['10.0.0.2'])).toEqual({ origin: 'https://arena.example.org', loopback: false, lan: null });
  });

  it('lists external IPv4 addresses, private ranges first', () => {
    const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') => ({ address, internal, family, netmask: '', mac: '', cidr: null }) as never;
    expect(lanAddresses({ lo: [nic('127.0.0.1', true)], eth0: [nic('203.0.113.9'), nic('fe80::1', false, 'IPv6')], wlan0: [nic('192.168.1.20')] })).toEqual(['192.168.1.20', '203.0.113.9']);
  });
});

describe("the big screen's page store", () => {
  it('keeps a session for the page only, apart from the browser storage', () => {
    const store = pageStore();
    saveSession(store, { code: 'ABCDEF', name: 'Big screen', role: 'spectator' });
    expect(loadSession(store, 'ABCDEF')?.name).toBe('Big screen');
    expect(loadSession(pageStore(), 'ABCDEF')).toBeNull();
  });
});

import { headline } from '../../client/src/lib/dominance.ts';
import { tickLabel, ticks } from '../../client/src/lib/chart.ts';
import { subnetColour } from '../../client/src/lib/subnet_colour.ts';

describe('what the big screen leads with', () => {
  const s = (netuid: number, emissionShare: number, flowEma: number) => ({ netuid, emissionShare, flowEma });
  it("names the leader's share of the whole and the flow leader", () => {
    const six = [s(1, 0.3, 0.1), s(2, 0.5, -0.2), s(3, 0.2, 0.3), s(4, 0, -1), s(5, 0, 0), s(6, 0, 0)];
    const h = headline(six);
    expect(h.leader?.netuid).toBe(2);
    expect(h.leaderShare).toBeCloseTo(0.5);
    expect(h.flowLeader?.netuid).toBe(3);
    expect(headline([s(1, 1, -0.1)]).flowLeader).toBeNull();
  });

  it('keeps a colour with its netuid whatever the ranking', () => {
    // The palette wraps by netuid: SN13 wears SN1's colour, wherever either ranks.
    expect(subnetColour(13)).toBe(subnetColour(1));
    expect(new Set([1, 2, 3, 4, 5, 6].map(subnetColour)).size).toBe(6);
  });

  it('puts round ticks across a chart with labels in its unit', () => {
    expect(ticks({ min: 0, max: 1 }, 4)).toEqual([0, 0.5, 1]);
    expect(ticks({ min: 0.1, max: 0.7 }, 4)).toEqual([0.2, 0.4, 0.6]);
    expect(ticks({ min: -0.3, max: 0.5 }, 4)).toContain(0);
    expect(tickLabel(1500, 'τ')).toBe('1.5k τ');
    expect(tickLabel(40, '%')).toBe('40 %');
  });
});
