// Tabs for a panel that shows one pane at a time (the play screen's side panel, a phone's whole view).
import { h } from './dom.ts';

export function tabbed(panes: { key: string; label: string; el: HTMLElement }[], onShow?: (key: string) => void): { root: HTMLElement; show(key: string): void; current(): string } {
  let current = panes[0].key;
  const bar = h('div', { class: 'tabs', role: 'tablist' });
  const body = h('div', {});
  const show = (key: string) => {
    current = key;
    for (const p of panes) p.el.hidden = p.key !== key;
    bar.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.key === key)));
    onShow?.(key);
  };
  for (const p of panes) {
    const b = h('button', { type: 'button', role: 'tab', testid: `tab-${p.key}`, onclick: () => show(p.key) }, p.label);
    b.dataset.key = p.key;
    bar.append(b);
    body.append(p.el);
  }
  show(current);
  return { root: h('div', {}, bar, body), show, current: () => current };
}
