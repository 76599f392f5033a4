// Draws the network map that lib/map_layout.ts lays out: one Graphics for the nodes and a small
// pool of labels. The canvas is redrawn only when what it shows changed (ui/frames.ts renders on
// demand), and a label's text or style is set only when it changed: each set re-renders its
// texture. The details of a pointed-at or tapped subnet (placed by lib/map_card.ts), the legend and
// the text alternative are HTML in the map's hole.
// (A render-texture cache was tried: without a GPU its full-canvas quad costs more than the circles.)
import type { GameObjects, Scene } from 'phaser';
import { percent } from '../lib/format.ts';
import { cardSpot, keepClear, type Size } from '../lib/map_card.ts';
import { subnetColour } from '../lib/subnet_colour.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { h } from './dom.ts';
import { wantFrame } from './frames.ts';
import { KeyedList } from './keyed_list.ts';
import { type Box, layoutMap, layoutNetwork, type MapFocus, type MapLayout, type MapNode, type MapSubnet, PICKED_LABEL, pruneRingRadius, SELECT_GAP } from '../lib/map_layout.ts';
import { labelStroke } from '../lib/map_labels.ts';
import { targetAt } from '../lib/map_targets.ts';
import { mapInWords, subnetCard } from '../lib/map_words.ts';

const RING = 0x38bdf8;
const PRUNE = 0xf59e0b;
const FREE = 0x334155;
const BUTTON = 0x1e293b;
const INK = '#0b1020';
const CAPTION = '#e2e8f0';
const FONT = 'system-ui, sans-serif';

const EMPTY: MapLayout = { grouped: false, focus: 'all', nodes: [], free: [], captions: [] };

/** A label on the canvas, remembering what it was last given. */
interface Label {
  text: GameObjects.Text;
  style: string;
}

export class NetworkMapView {
  private layout: MapLayout = EMPTY;
  private subnets: readonly MapSubnet[] = [];
  private box: Box | null = null;
  private slots = 0;
  /** The part of a grouped map shown: the whole, or the tail opened by a tap on its strip. */
  private focus: MapFocus = 'all';
  private readonly body: GameObjects.Graphics;
  private readonly labels: Label[] = [];
  private selected: number | null = null;
  private pointed: number | null = null;
  /** What the canvas shows now, as a key: a patch that changes nothing visible draws nothing. */
  private drawn = '';
  /** The map's text alternative: a list a screen reader reads (`attach` places it in the map's hole). */
  readonly text = new KeyedList(h('ol', { class: 'sr-only', testid: 'map-text', 'aria-label': 'Subnets, as the map shows them' }));
  readonly legend = h('div', { class: 'legend', testid: 'map-legend' });
  /** The pointed-at or tapped subnet's details. */
  private readonly card = h('div', { class: 'map-card', testid: 'map-card', hidden: true });
  /** The card's size for its text, measured once per text: a read of the page's layout is not free. */
  private cardSize: Size = { width: 0, height: 0 };
  /** Where the card was placed, and for what: it moves only when its subnet, size or the map did. */
  private cardFor = '';
  private hole: HTMLElement | null = null;
  /** When the list was last written: a full network's 128 lines every patch would cost frames for nobody. */
  private textAt = -Infinity;

  /** `quiet`: a decoration (the lobby's backdrop) — dim and without labels. */
  constructor(
    private readonly scene: Scene,
    onSelect?: (netuid: number) => void,
    private readonly quiet = false,
  ) {
    this.body = scene.add.graphics().setAlpha(quiet ? 0.35 : 1);
    if (quiet) return;
    setLegend(this.legend, false);
    // Desktop: the card follows the pointer. Phone: a tap shows it (and picks the subnet, where picking means something).
    const at = (p: { x: number; y: number }) => targetAt(this.layout, p.x, p.y);
    scene.input.on('pointermove', (p: { x: number; y: number }) => {
      const t = at(p);
      this.point(t && 'netuid' in t ? t.netuid : null);
    });
    scene.input.on('gameout', () => this.point(null));
    scene.input.on('pointerdown', (p: { x: number; y: number }) => {
      const t = at(p);
      if (t && 'opens' in t) return this.open(t.opens);
      this.point(t?.netuid ?? null);
      if (t && onSelect) onSelect(t.netuid);
    });
  }

  /** Puts the legend, the card and the text alternative into the map's hole (before its first layout). */
  attach(hole: HTMLElement): void {
    this.hole = hole;
    hole.append(this.legend, this.card, this.text.root);
  }

  select(netuid: number | null): void {
    this.selected = netuid;
    this.draw();
  }

  update(subnets: readonly MapSubnet[], box: Box | null, slots: number): void {
    this.subnets = subnets;
    this.box = box;
    this.slots = slots;
    this.relayout();
    if (this.quiet) return;
    const now = performance.now();
    if (now - this.textAt > 2000 || this.text.root.childElementCount === 0) {
      this.textAt = now;
      this.text.update(mapInWords(subnets));
    }
  }

  private relayout(): void {
    const { subnets, box, slots } = this;
    const grouped = this.layout.grouped;
    // The backdrop keeps the plain grid, whatever its size: a decoration has no leaders to name.
    this.layout = !box ? EMPTY : this.quiet ? { ...EMPTY, nodes: layoutNetwork(subnets, box, slots) } : layoutMap(subnets, box, { slots, focus: this.focus });
    if (this.quiet) return this.draw();
    // A phone gives a full network's map more room, the opened tail most (style.css): its 118 subnets must be fair targets.
    if (this.layout.grouped !== grouped) {
      setLegend(this.legend, this.layout.grouped);
      this.hole?.classList.toggle('grouped', this.layout.grouped);
    }
    this.hole?.classList.toggle('tail', this.layout.focus === 'tail');
    this.draw();
    this.showCard();
  }

  /** A tap on a group's frame: the tail alone, or the whole map again. */
  private open(focus: MapFocus): void {
    this.focus = focus;
    this.pointed = null;
    this.relayout();
  }

  private point(netuid: number | null): void {
    if (netuid === this.pointed) return;
    this.pointed = netuid;
    this.draw();
    this.showCard();
  }

  private showCard(): void {
    const n = this.layout.nodes.find((x) => x.netuid === this.pointed);
    const card = n ? subnetCard(this.subnets, n.netuid) : null;
    if (this.card.hidden !== !card) this.card.hidden = !card;
    if (!n || !card || !this.box || !this.hole) return;
    const text = [card.title, ...card.lines].join('\n');
    if (this.card.dataset.text !== text) {
      this.card.dataset.text = text;
      this.card.replaceChildren(h('b', { style: `color:${subnetColour(n.netuid)}` }, card.title), ...card.lines.map((l) => h('span', {}, l)));
      this.cardSize = { width: this.card.offsetWidth, height: this.card.offsetHeight };
    }
    const key = `${n.netuid}|${this.cardSize.width}x${this.cardSize.height}|${nodeKey(n)}|${this.box.width}x${this.box.height}`;
    if (key === this.cardFor) return;
    this.cardFor = key;
    // The map's canvas covers the hole from its top-left corner: the hole's coordinates are the map's.
    const hole = this.hole.getBoundingClientRect();
    const screen = { x: -hole.left, y: -hole.top, width: window.innerWidth, height: window.innerHeight };
    const spot = cardSpot(this.cardSize, n, keepClear(this.layout, n), this.box, screen);
    this.card.setAttribute('style', `left:${Math.round(spot.x)}px;top:${Math.round(spot.y)}px`);
  }

  private draw(): void {
    const { nodes, free, captions, grouped, focus } = this.layout;
    const key = `${this.selected}|${this.pointed}|${focus}|${captions.map((c) => c.text).join('|')}|${free.length}|${nodes.map(nodeKey).join(';')}`;
    if (key === this.drawn) return;
    this.drawn = key;
    wantFrame();
    const g = this.body;
    g.clear();
    // The groups' frames, each under its caption; a frame a tap opens is filled, like a button.
    for (const c of captions) {
      if (c.opens) {
        g.fillStyle(BUTTON, 0.85);
        g.fillRoundedRect(c.box.x + 2, c.box.y + 2, c.box.width - 4, c.box.height - 4, 10);
      }
      g.lineStyle(1, c.opens ? RING : FREE, 0.7);
      g.strokeRoundedRect(c.box.x + 2, c.box.y + 2, c.box.width - 4, c.box.height - 4, 10);
    }
    // Free slots: a faint outline where the next subnet registration would land.
    g.lineStyle(1, FREE, 0.8);
    for (const f of free) g.strokeCircle(f.x, f.y, f.radius);
    let used = 0;
    for (const c of captions) this.label(used++, c.text, c.x, c.y, c.size, CAPTION, true, 'center');
    for (const n of nodes) {
      g.fillStyle(n.fill, n.immune ? 0.65 : 0.9);
      g.fillCircle(n.x, n.y, n.radius);
      if (n.ring > 0) {
        g.lineStyle(Math.max(2, n.radius * 0.18), RING, 0.95);
        g.beginPath();
        g.arc(n.x, n.y, n.radius + Math.max(3, n.radius * 0.2), -Math.PI / 2, -Math.PI / 2 + n.ring * Math.PI * 2, false);
        g.strokePath();
      }
      // A dot tapped only with its group (the phone's strip) gets small rings: large ones would cover its caption.
      const dot = !n.hit;
      if (n.netuid === this.selected || n.netuid === this.pointed) {
        g.lineStyle(n.netuid === this.selected && !dot ? 3 : 2, 0xffffff, n.netuid === this.selected ? 1 : 0.7);
        // Outside the emission ring in the grid; close in the grouped map, clear of the leader's label.
        g.strokeCircle(n.x, n.y, n.radius + (dot ? 2 : grouped ? SELECT_GAP : Math.max(6, n.radius * 0.35)));
      }
      if (n.prune) {
        g.lineStyle(dot ? 2 : 3, PRUNE, 1);
        g.strokeCircle(n.x, n.y, pruneRingRadius(n));
      }
      if (this.quiet) continue;
      const text = `${n.label}\n${n.flow > 0 ? '▲ ' : n.flow < 0 ? '▼ ' : ''}${percent(n.share, 1)}`;
      // The label wears the subnet's colour: the same key as every chart's. A tail node carries one
      // only when picked, and only where it can be picked alone (a dot in the phone's strip cannot).
      if (n.labelSize > 0) this.label(used++, text, n.labelX, n.labelY, n.labelSize, subnetColour(n.netuid), grouped, n.labelAlign);
      else if (n.netuid === this.selected && n.hit) this.label(used++, text, n.labelX, n.labelY, PICKED_LABEL, subnetColour(n.netuid), true, 'center');
    }
    for (let i = used; i < this.labels.length; i++) this.labels[i].text.setVisible(false);
    if (!this.quiet) publishDebug({ map: mapDebug(this.layout, this.labels.slice(0, used)) });
  }

  private label(i: number, text: string, x: number, y: number, size: number, colour: string, bold: boolean, align: 'center' | 'left'): void {
    let l = this.labels[i];
    if (!l) {
      l = { text: this.scene.add.text(0, 0, '', { fontFamily: FONT }).setStroke(INK, 4), style: '' };
      this.labels.push(l);
    }
    const style = `${Math.round(size)}|${colour}|${bold}|${align}`;
    if (l.style !== style) {
      l.style = style;
      const stroke = labelStroke(size);
      // The second line pulled up by the stroke: the name and its share read as one label (lib's labelHeight).
      l.text.setStyle({ fontFamily: FONT, fontSize: `${Math.round(size)}px`, fontStyle: bold ? 'bold' : 'normal', color: colour, stroke: INK, strokeThickness: stroke, align });
      l.text.setLineSpacing(-stroke);
      l.text.setOrigin(align === 'left' ? 0 : 0.5, 0.5);
    }
    if (l.text.text !== text) l.text.setText(text);
    l.text.setPosition(Math.round(x), Math.round(y)).setVisible(true);
  }

  destroy(): void {
    this.body.destroy();
    this.labels.forEach((l) => l.text.destroy());
  }
}

/** A node as the canvas draws it, rounded to what the eye can see. */
const nodeKey = (n: MapNode) => `${n.netuid},${Math.round(n.x)},${Math.round(n.y)},${Math.round(n.radius * 2)},${n.fill},${Math.round(n.ring * 60)},${+n.prune}${+n.immune},${Math.round(n.labelSize)},${Math.round(n.labelX)},${Math.round(n.labelY)},${n.label},${n.flow},${(n.share * 100).toFixed(1)},${!n.hit}`;

/** A box to a tenth of a pixel: whole pixels would make neighbouring cells overlap by one. */
const rounded = (b: Box) => {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(b.x), y: r(b.y), width: r(b.width), height: r(b.height) };
};

/** What a browser test reads of the map instead of its pixels: the layout, and where each label was really drawn. */
function mapDebug(layout: MapLayout, labels: readonly Label[]) {
  return {
    grouped: layout.grouped,
    focus: layout.focus,
    captions: layout.captions.map((c) => ({ text: c.text, size: c.size, box: rounded(c.box), opens: c.opens ?? null })),
    nodes: layout.nodes.map((n) => ({ netuid: n.netuid, label: n.label, x: Math.round(n.x), y: Math.round(n.y), radius: Math.round(n.radius), reach: Math.ceil(pruneRingRadius(n) + 1.5), prune: n.prune, labelSize: Math.round(n.labelSize), hit: n.hit && rounded(n.hit) })),
    labels: labels.map((l) => ({ text: l.text.text, ...rounded(l.text.getBounds()) })),
  };
}

/** How to read the map, in the corner of its hole (HTML, so it stays sharp and costs no frames). A phone keeps one line of it (style.css). */
function setLegend(legend: HTMLElement, grouped: boolean): void {
  legend.replaceChildren(
    h('span', { class: 'wide' }, grouped ? 'size: emission share · ' : 'size: pool τ · '),
    h('span', { class: 'good' }, '▲ inflow'),
    ' / ',
    h('span', { class: 'bad' }, '▼ outflow'),
    ' · ',
    grouped ? '' : h('span', { style: 'color:var(--accent)' }, 'ring: emission share'),
    grouped ? '' : ' · ',
    h('span', { class: 'warn' }, 'orange: next to be pruned'),
    h('span', { class: 'wide' }, ' · ○ free slot · point at or tap a subnet for its details'),
  );
}

export type { Box };
