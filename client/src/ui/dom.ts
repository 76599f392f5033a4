// A few lines of DOM building so every widget reads as its structure.

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown> & { class?: string; testid?: string; style?: string };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'testid') el.dataset.testid = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k in el && typeof v !== 'string') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** Sets text only when it changed: state patches arrive many times a second. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The overlay root the scenes mount their screen into. */
export const overlay = (): HTMLElement => document.getElementById('ui')!;

/** Mounts a screen into the overlay, replacing whatever screen was there. */
export function mount(screen: HTMLElement): HTMLElement {
  overlay().replaceChildren(screen);
  return screen;
}

/** The page-space rectangle of a layout hole the Phaser scene draws into, above its legend if it has one. */
export function holeRect(screen: HTMLElement, name: string): DOMRect | null {
  const el = screen.querySelector<HTMLElement>(`[data-hole="${name}"]`);
  if (!el || el.offsetParent === null) return null;
  const r = el.getBoundingClientRect();
  const legend = el.querySelector<HTMLElement>('.legend')?.offsetHeight ?? 0;
  return new DOMRect(r.left, r.top, r.width, Math.max(0, r.height - (legend ? legend + 8 : 0)));
}
