// Where the room's phones should go: the page's own address, or — when it was opened on
// localhost — the machine's LAN address, which the server reports.
import { joinLink } from '../lib/join_link.ts';
import { isLoopback, roomOrigin } from '../lib/lan.ts';
import { httpOrigin } from '../lib/server_url.ts';

export interface JoinTarget {
  url: string;
  /** Set when the page was opened on a loopback address: what the facilitator should know. */
  warning: string | null;
}

/** Calls `show` with the join target now, and again once the server named its LAN address. */
export function joinTarget(code: string, show: (t: JoinTarget) => void): void {
  const page = window.location;
  const target = (lan: readonly string[]): JoinTarget => {
    const room = roomOrigin(page, lan);
    const url = joinLink(room.origin, code);
    if (!room.loopback) return { url, warning: null };
    return {
      url,
      warning: room.lan
        ? `This page was opened on ${page.hostname}: phones cannot reach that. The QR code and link use this laptop's network address ${room.lan}; open ${room.origin} here too.`
        : `This page was opened on ${page.hostname} and the server reports no network address: phones cannot reach it. Connect this laptop to the room's network and open the page by its address.`,
    };
  };
  show(target([]));
  if (!isLoopback(page.hostname)) return;
  void fetch(`${httpOrigin(page)}/api/lan`)
    .then((r) => (r.ok ? (r.json() as Promise<{ addresses: string[] }>) : { addresses: [] }))
    .then(
      (b) => show(target(Array.isArray(b.addresses) ? b.addresses : [])),
      () => undefined,
    );
}
