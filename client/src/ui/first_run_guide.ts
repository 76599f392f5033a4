// The first-run guide: a few cards on the role's goal and first moves, skippable, shown once per
// role in this browser (and again from the goal line's "How to play"). It sits over the map, not
// the forms, so the player can act while reading.
import { GUIDE, type GuideStep, guideSeen, markGuideSeen, SCORE_RULE } from '../lib/role_guide.ts';
import { h, setText } from './dom.ts';

export function firstRunGuide(role: string, store: Storage): { root: HTMLElement; open(): void; openIfNew(): void } {
  const steps: GuideStep[] = [...(GUIDE[role as keyof typeof GUIDE] ?? []), { title: 'How you win', text: SCORE_RULE }];
  let at = 0;
  const count = h('span', { class: 'muted' });
  const title = h('h3', { testid: 'guide-title' });
  const text = h('p', { testid: 'guide-text' });
  const next = h('button', { type: 'button', class: 'primary', testid: 'guide-next', onclick: () => (at + 1 < steps.length ? show(at + 1) : done()) });
  const skip = h('button', { type: 'button', testid: 'guide-skip', onclick: () => done() }, 'Skip');
  const root = h('div', { class: 'coach', testid: 'guide', role: 'dialog', 'aria-label': 'How to play', hidden: true }, h('div', { class: 'panel card' }, count, title, text, h('div', { class: 'row' }, skip, h('span', { class: 'grow' }), next)));
  function show(k: number): void {
    at = k;
    setText(count, `${k + 1} / ${steps.length}`);
    setText(title, steps[k].title);
    setText(text, steps[k].text);
    setText(next, k + 1 < steps.length ? 'Next' : 'Start playing');
    root.hidden = false;
  }
  function done(): void {
    root.hidden = true;
    markGuideSeen(store, role);
  }
  return {
    root,
    open: () => show(0),
    openIfNew: () => (guideSeen(store, role) ? undefined : show(0)),
  };
}
