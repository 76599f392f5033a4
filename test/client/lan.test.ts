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
