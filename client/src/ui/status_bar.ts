// Connection state, the join code and the clock: the same strip on every in-game screen.
import type { ClockState } from '../../../shared/protocol/schema.ts';
import { clockLine } from '../lib/arena.ts';
import type { ConnectionState } from '../lib/reconnect.ts';
import { h, setText } from './dom.ts';

const STATUS_TEXT: Record<ConnectionState, string> = { connecting: 'connecting…', online: 'online', reconnecting: 'reconnecting…', offline: 'offline' };
const PHASE_TEXT: Record<string, string> = { lobby: 'waiting to start', running: 'running', paused: 'paused', ended: 'game over' };

export interface StatusBar {
  badge: HTMLElement;
  block: HTMLElement;
  phase: HTMLElement;
  clock: HTMLElement;
  setStatus(s: ConnectionState): void;
  setClock(c: ClockState): void;
}

export function statusBar(): StatusBar {
  const badge = h('span', { class: 'badge connecting', testid: 'connection' }, STATUS_TEXT.connecting);
  const block = h('b', { testid: 'block', class: 'num' }, '0');
  const phase = h('span', { class: 'badge', testid: 'phase' }, '');
  const clock = h('span', { class: 'muted', testid: 'clock' });
  return {
    badge,
    block,
    phase,
    clock,
    setStatus(s) {
      badge.className = `badge ${s}`;
      badge.dataset.state = s;
      setText(badge, STATUS_TEXT[s]);
    },
    setClock(c) {
      setText(block, String(c.block));
      phase.dataset.phase = c.phase;
      setText(phase, PHASE_TEXT[c.phase] ?? c.phase);
      setText(clock, clockLine(c));
    },
  };
}
