// The join link must carry an address the room's phones can reach: not the facilitator's loopback.

/** Whether a page's host name only reaches this machine. */
export const isLoopback = (hostname: string): boolean => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1|0\.0\.0\.0)$/i.test(hostname) || hostname.endsWith('.localhost');

/** The origin players should use: the page's own, or the first LAN address on the page's port. */
export function roomOrigin(page: Pick<Location, 'protocol' | 'hostname' | 'port'>, lan: readonly string[]): { origin: string; loopback: boolean; lan: string | null } {
  const port = page.port ? `:${page.port}` : '';
  const loopback = isLoopback(page.hostname);
  const host = page.hostname.includes(':') && !page.hostname.startsWith('[') ? `[${page.hostname}]` : page.hostname;
  if (!loopback || lan.length === 0) return { origin: `${page.protocol}//${host}${port}`, loopback, lan: null };
  return { origin: `${page.protocol}//${lan[0]}${port}`, loopback, lan: lan[0] };
}
