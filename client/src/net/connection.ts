// One game session over colyseus.js: join, receive, send, and come back after a drop.
// colyseus.js 0.16 never reconnects by itself; this module keeps the tokens and does it.
import { Client, type Room } from 'colyseus.js';
import type { ArenaState } from '../../../shared/protocol/schema.ts';
import type { ActionPayloads, ControlPayloads, CreateOptions, JoinOptions, JoinRole, QueryPayloads, ServerMessages, SubnetDeltaView, SubnetDetailView, Welcome } from '../../../shared/protocol/index.ts';
import { applySubnetDelta } from '../../../shared/protocol/index.ts';
import { backoffDelay, type ConnectionState, shouldReconnect } from '../lib/reconnect.ts';
import { serverUrl } from '../lib/server_url.ts';
import { forgetSession, loadSession, saveSession, type StoredSession } from '../lib/session_store.ts';

type Handler<T> = (message: T) => void;
/** Views that describe a current state (not one-off answers), so a late subscriber still gets them. */
const REPLAYED = new Set(['welcome', 'wallet', 'observations', 'subnet_detail', 'series', 'results']);
/** How long to wait for the server's welcome before showing the screen anyway. */
const WELCOME_WAIT_MS = 5000;
type Sendable = ActionPayloads & ControlPayloads & QueryPayloads;

export class Connection {
  readonly client: Client;
  room: Room<ArenaState> | null = null;
  status: ConnectionState = 'connecting';
  welcome: Welcome | null = null;
  private session: StoredSession;
  private handlers = new Map<string, Set<Handler<never>>>();
  /** The last of each view message, replayed to a screen that subscribes after it arrived. */
  private latest = new Map<string, unknown>();
  private stateListeners = new Set<(state: ArenaState) => void>();
  private statusListeners = new Set<(status: ConnectionState) => void>();
  private closed = false;
  /** The room's state has arrived in full at least once (before that room.state is an empty shell). */
  private hasState = false;
  private onWelcome: (() => void) | null = null;

  private constructor(session: StoredSession, private readonly store: Storage) {
    this.client = new Client(serverUrl(window.location));
    this.session = session;
    this.welcome = session.welcome ?? null;
  }

  get code(): string {
    return this.session.code;
  }
  get role(): JoinRole {
    return (this.welcome?.role ?? this.session.role) as JoinRole;
  }
  get facilitatorToken(): string | undefined {
    return this.session.facilitatorToken;
  }

  /** Creates a game; the creator is its facilitator (a spectator seat unless it picks a role). */
  static async create(options: CreateOptions, store: Storage = localStorage): Promise<Connection> {
    const c = new Connection({ code: '', name: options.name ?? 'Facilitator', role: options.role ?? 'spectator' }, store);
    await c.attach(await c.client.create<ArenaState>('arena', options));
    return c;
  }

  /** Joins by code; a stored session for that code is resumed (same player, same holdings). */
  static async join(code: string, options: { name: string; role: JoinRole }, store: Storage = localStorage): Promise<Connection> {
    const stored = loadSession(store, code);
    const resume = stored && (stored.role === options.role || stored.facilitatorToken) ? stored : null;
    // A player of this game asking for another role gets its own seat back (one kit per browser), not a second one.
    const token = stored?.playerToken && options.role !== 'spectator' ? { playerToken: stored.playerToken } : {};
    const c = new Connection(resume ?? { code, ...options, ...token }, store);
    try {
      await c.attach(await c.enter());
    } catch (e) {
      if (!resume) throw e;
      // The stored seat is gone (the game forgot the token): join afresh rather than fail forever.
      forgetSession(store, code);
      return Connection.join(code, options, store);
    }
    return c;
  }

  /** A stored session for this code, if this browser played it before (offer "resume"). */
  static stored(code: string, store: Storage = localStorage): StoredSession | null {
    return loadSession(store, code);
  }

  /** Seat still held: reconnect with Colyseus's token; otherwise rejoin by code with the player token. */
  private async enter(): Promise<Room<ArenaState>> {
    const s = this.session;
    if (s.reconnectionToken) {
      try {
        return await this.client.reconnect<ArenaState>(s.reconnectionToken);
      } catch {
        // The seat window closed (or the server restarted): fall through to a rejoin by code.
      }
    }
    const options: JoinOptions = { name: s.name, role: s.role as JoinRole, ...(s.playerToken ? { playerToken: s.playerToken } : {}) };
    return this.client.joinById<ArenaState>(s.code, options);
  }

  /** Takes a joined room: listens to it, and resolves once the server said who we are (welcome). */
  private async attach(room: Room<ArenaState>): Promise<void> {
    this.room = room;
    this.hasState = false;
    this.session = { ...this.session, code: room.roomId, reconnectionToken: room.reconnectionToken };
    saveSession(this.store, this.session);
    // A reconnect keeps the welcome it had; a first join waits for it (it carries the tokens).
    const welcomed = this.welcome
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          this.onWelcome = resolve;
          setTimeout(resolve, WELCOME_WAIT_MS);
        });
    room.onMessage('*', (type, message) => this.dispatch(String(type), message));
    room.onStateChange((state) => {
      this.hasState = true;
      this.stateListeners.forEach((l) => l(state));
    });
    room.onLeave((code) => void this.dropped(code));
    await welcomed;
    this.setStatus('online');
  }

  private dispatch(type: string, message: unknown): void {
    if (type === 'subnet_delta') {
      // Screens see whole tables: a delta is applied to the one held and handed on as the new table.
      const delta = message as SubnetDeltaView;
      const held = this.latest.get('subnet_detail') as SubnetDetailView | undefined;
      if (held?.netuid === delta.netuid) this.dispatch('subnet_detail', applySubnetDelta(held, delta));
      return;
    }
    if (type === 'welcome') {
      const w = message as Welcome;
      this.welcome = w;
      this.session = {
        ...this.session,
        code: w.code,
        name: w.name,
        role: w.role,
        playerToken: w.playerToken || this.session.playerToken,
        facilitatorToken: w.facilitatorToken ?? this.session.facilitatorToken,
        welcome: w,
      };
      saveSession(this.store, this.session);
      this.onWelcome?.();
      this.onWelcome = null;
    }
    if (REPLAYED.has(type)) this.latest.set(type, message);
    this.handlers.get(type)?.forEach((h) => (h as Handler<unknown>)(message));
  }

  private async dropped(closeCode: number): Promise<void> {
    this.room = null;
    if (this.closed) return this.setStatus('offline');
    for (let attempt = 0; shouldReconnect(closeCode, attempt); attempt++) {
      this.setStatus('reconnecting');
      await new Promise((r) => setTimeout(r, backoffDelay(attempt)));
      if (this.closed) break;
      try {
        await this.attach(await this.enter());
        return;
      } catch {
        // Server still down or seat gone: keep trying until the attempts run out.
      }
    }
    this.setStatus('offline');
  }

  private setStatus(status: ConnectionState): void {
    this.status = status;
    this.statusListeners.forEach((l) => l(status));
  }

  on<T extends keyof ServerMessages>(type: T, handler: Handler<ServerMessages[T]>): () => void {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler as Handler<never>);
    this.handlers.set(type, set);
    if (this.latest.has(type)) handler(this.latest.get(type) as ServerMessages[T]);
    return () => set.delete(handler as Handler<never>);
  }

  onState(listener: (state: ArenaState) => void): () => void {
    this.stateListeners.add(listener);
    if (this.hasState && this.room) listener(this.room.state);
    return () => this.stateListeners.delete(listener);
  }

  onStatus(listener: (status: ConnectionState) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  /** Sends one message; false when offline (the caller shows that where the action was taken). */
  send<T extends keyof Sendable>(type: T, payload: Sendable[T] & { ref?: string | number }): boolean {
    if (!this.room || this.status !== 'online') return false;
    this.room.send(type, payload);
    return true;
  }

  /** Sends a facilitator control with the stored token. */
  control<T extends keyof ControlPayloads>(type: T, payload: Omit<ControlPayloads[T], 'token'>): boolean {
    const token = this.session.facilitatorToken;
    return token ? this.send(type, { ...payload, token } as Sendable[T]) : false;
  }

  /** Leaves on purpose: no reconnection. */
  async leave(): Promise<void> {
    this.closed = true;
    await this.room?.leave(true);
  }
}
