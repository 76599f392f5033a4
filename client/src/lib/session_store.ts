// What a browser keeps to come back to its game after a refresh or a dropped network.
import type { Welcome } from '../../../shared/protocol/index.ts';

export interface StoredSession {
  code: string;
  name: string;
  role: string;
  /** Colyseus's own token: valid while the room holds the seat (allowReconnection window). */
  reconnectionToken?: string;
  /** The game's token: rejoin by code after the seat window closed, holdings intact. */
  playerToken?: string;
  /** Only the creator has it; it unlocks the facilitator controls. */
  facilitatorToken?: string;
  /** The last welcome: a reconnect after a refresh gets none (who you are, the pool rules). */
  welcome?: Welcome;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const key = (code: string) => `arena:session:${code}`;

export function loadSession(store: KeyValue, code: string): StoredSession | null {
  try {
    const raw = store.getItem(key(code));
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return s && s.code === code && typeof s.name === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(store: KeyValue, session: StoredSession): void {
  store.setItem(key(session.code), JSON.stringify(session));
}

export function forgetSession(store: KeyValue, code: string): void {
  store.removeItem(key(code));
}

/**
 * A store that lives as long as the page: the big screen opened from the facilitator's browser
 * must neither resume the facilitator's saved seat nor overwrite it with its own.
 */
export function pageStore(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
  };
}


export const lastName = (store: KeyValue): string | null => store.getItem('arena:name');
export function rememberName(store: KeyValue, name: string): void {
  if (name) store.setItem('arena:name', name);
}
