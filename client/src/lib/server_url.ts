/** The game server's WebSocket endpoint: the same host that served this page (the server serves the client). */
export function serverUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** The HTTP origin of the same server, for the export endpoints. */
export const httpOrigin = (location: Pick<Location, 'protocol' | 'host'>): string => `${location.protocol}//${location.host}`;
