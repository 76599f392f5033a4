// One notice fixed in view over the play screen: the answer to a tap reaches the player even when
// the form that sent it has scrolled away (a phone shows only part of the Act tab).
import { h, setText } from './dom.ts';

export type NoticeKind = 'bad' | 'good' | 'alert';

/** A form (or anything under the screen) asks for a notice by bubbling this event. */
export const NOTICE = 'arena-notice';
export interface NoticeDetail {
  text: string;
  kind: NoticeKind;
}

export function notify(from: Element, text: string, kind: NoticeKind): void {
  from.dispatchEvent(new CustomEvent<NoticeDetail>(NOTICE, { bubbles: true, detail: { text, kind } }));
}

// Long enough to read a sentence twice; an alert (not an answer to a tap) a while longer.
const SHOWN_MS: Record<NoticeKind, number> = { good: 4000, bad: 12000, alert: 20000 };

export function toast(): { root: HTMLElement; show(text: string, kind: NoticeKind): void; dispose(): void } {
  const text = h('span', { class: 'grow' });
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss' }, '×');
  const root = h('div', { class: 'toast', testid: 'toast', role: 'status', 'aria-live': 'polite', hidden: true }, text, close);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    root.hidden = true;
    clearTimeout(timer);
  };
  close.addEventListener('click', hide);
  return {
    root,
    show(message, kind) {
      clearTimeout(timer);
      setText(text, message);
      root.dataset.kind = kind;
      root.setAttribute('role', kind === 'good' ? 'status' : 'alert');
      root.hidden = false;
      timer = setTimeout(hide, SHOWN_MS[kind]);
    },
    dispose: hide,
  };
}
