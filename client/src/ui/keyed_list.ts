// A list that keeps one <li> per key across updates: a line is rewritten only when its words
// changed and moved only when the order changed. A screen reader in the middle of the list keeps
// its place, and the page does no work for the lines that stayed the same.
import { h } from './dom.ts';

export interface KeyedLine {
  key: string;
  text: string;
}

export class KeyedList {
  private readonly items = new Map<string, HTMLLIElement>();

  constructor(readonly root: HTMLOListElement | HTMLUListElement) {}

  update(lines: readonly KeyedLine[]): void {
    const keys = new Set(lines.map((l) => l.key));
    for (const [key, li] of this.items)
      if (!keys.has(key)) {
        li.remove();
        this.items.delete(key);
      }
    // Walk the wanted order beside the present one: an item already in its place is passed, one out
    // of place is moved there; an unchanged order moves nothing.
    let at = this.root.firstElementChild;
    for (const { key, text } of lines) {
      let li = this.items.get(key);
      if (!li) this.items.set(key, (li = h('li', {}, text)));
      else if (li.textContent !== text) li.textContent = text;
      if (li === at) at = at.nextElementSibling;
      else this.root.insertBefore(li, at);
    }
  }
}
