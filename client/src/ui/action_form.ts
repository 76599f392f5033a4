// One action's form: sends with a ref, and shows the server's answer to that ref in place —
// the error where the action was taken, or the block it was applied at.
import type { ActionPayloads } from '../../../shared/protocol/index.ts';
import type { Connection } from '../net/connection.ts';
import { refusalWords } from '../lib/refusal_words.ts';
import { h } from './dom.ts';
import { notify } from './toast.ts';

export type Submission = { [T in keyof ActionPayloads]: [T, ActionPayloads[T]] }[keyof ActionPayloads];

export interface ActionFormSpec {
  key: string;
  title: string;
  help?: string;
  fields: (Node | null)[];
  submitLabel: string;
  /** A preview line, recomputed on input and on every state change; a warning when the action would be refused. */
  preview?: () => string | { warn: string };
  /** The message to send, or a reason (shown as the error) why not. */
  build(): Submission | string;
}

export interface ActionForm {
  root: HTMLElement;
  refresh(): void;
  /** Forgets what was sent and refused: those belonged to a game that is over (a practice round). */
  clear(): void;
  dispose(): void;
}

export function actionForm(conn: Connection, spec: ActionFormSpec): ActionForm {
  const preview = h('p', { class: 'preview', testid: `${spec.key}-preview` });
  const error = h('p', { class: 'error', testid: `${spec.key}-error`, role: 'alert' });
  const status = h('p', { class: 'preview', testid: `${spec.key}-status` });
  const refresh = () => {
    if (!spec.preview) return;
    const p = spec.preview();
    const text = typeof p === 'string' ? p : `⚠ ${p.warn}`;
    if (preview.textContent !== text) preview.textContent = text;
    preview.classList.toggle('warn', typeof p !== 'string');
  };
  const refuse = (text: string) => {
    error.textContent = text;
    notify(root, text, 'bad');
  };
  const root = h(
    'form',
    {
      class: 'form',
      testid: `${spec.key}-form`,
      oninput: refresh,
      onchange: refresh,
      onsubmit: (e: Event) => {
        e.preventDefault();
        error.textContent = '';
        const built = spec.build();
        if (typeof built === 'string') return refuse(built);
        const [type, payload] = built;
        if (!conn.send(type, { ...payload, ref: spec.key } as never)) return refuse('Not connected — it will work again once reconnected.');
        status.textContent = 'sent — applies at the next block';
      },
    },
    h('h3', {}, spec.title),
    spec.help ? h('p', { class: 'help' }, spec.help) : null,
    ...spec.fields,
    preview,
    h('button', { class: 'primary', type: 'submit', testid: `${spec.key}-submit` }, spec.submitLabel),
    status,
    error,
  );
  const offError = conn.on('error', (e) => {
    if (e.ref !== spec.key) return;
    refuse(refusalWords(e));
    status.textContent = '';
  });
  const offAck = conn.on('ack', (a) => {
    if (a.ref !== spec.key) return;
    error.textContent = '';
    status.textContent = `applied at block ${a.block.toLocaleString('en-US')}`;
    notify(root, `${spec.title}: applied at block ${a.block.toLocaleString('en-US')}`, 'good');
  });
  refresh();
  return {
    root,
    refresh,
    clear() {
      status.textContent = '';
      error.textContent = '';
    },
    dispose() {
      offError();
      offAck();
    },
  };
}

/** A <select> whose options follow a changing list without losing the person's choice. */
export function liveSelect(testid: string): { el: HTMLSelectElement; setOptions(options: [string, string][]): void } {
  const el = h('select', { testid });
  let key = '';
  return {
    el,
    setOptions(options) {
      const next = options.map((o) => o.join('=')).join('|');
      if (next === key) return;
      key = next;
      const keep = el.value;
      el.replaceChildren(...options.map(([value, label]) => h('option', { value }, label)));
      if (options.some(([v]) => v === keep)) el.value = keep;
    },
  };
}
