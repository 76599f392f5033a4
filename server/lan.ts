import { networkInterfaces } from 'node:os';
import type { RequestHandler } from 'express';

/**
 * The machine's IPv4 addresses on its local networks. A facilitator who opened the page on
 * `localhost` would hand out a QR code no phone can reach; the page asks here for the address
 * the room can.
 */
export function lanAddresses(interfaces = networkInterfaces()): string[] {
  const out: string[] = [];
  for (const list of Object.values(interfaces)) for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) out.push(i.address);
  // Private ranges first: a classroom Wi-Fi is one of them; a public address second.
  const rank = (a: string) => (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a) ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b));
}

/** `GET /api/lan` → `{ addresses: string[] }`. */
export const lanRoute: RequestHandler = (_req, res) => void res.json({ addresses: lanAddresses() });
