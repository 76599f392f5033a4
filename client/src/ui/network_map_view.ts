// Draws the network map that lib/network_map.ts lays out: one Graphics for the nodes and a small
// pool of labels. The canvas is redrawn only when what it shows changed (ui/frames.ts renders on
// demand), and a label's text or style is set only when it changed: each set re-renders its
// texture. The details of a pointed-at or tapped subnet, the legend and the text alternative are
// HTML in the map's hole.
// (A render-texture cache was tried: without a GPU its full-canvas quad costs more than the circles.)
import type { GameObjects, Scene } from 'phaser';
import { percent } from '../lib/format.ts';
import { subnetColour } from '../lib/subnet_colour.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { h } from './dom.ts';
import { wantFrame } from './frames.ts';
import { KeyedList } from './keyed_list.ts';
import { type Box, layoutMap, layoutNetwork, mapInWords, type MapLayout, type MapNode, type MapSubnet, nodeAt, SELECT_GAP, subnetCard } from '../lib/network_map.ts';

const RING = 0x38bdf8;
const PRUNE = 0xf59e0b;
const FREE = 0x334155;
const INK = '#0b1020';
const CAPTION = '#e2e8f0';
const FONT = 'system-ui, sans-serif';
/** Size of the label a selected tail node gets, which otherwise carries none. */
const PICKED_LABEL = 14;

const EMPTY: MapLayout = { grouped: false, nodes: [], free: [], captions: [] };

/** A label on the canvas, remembering what it was last given. */
interface Label {
  text: GameObjects.Text;
  style: string;
}

export class NetworkMapView {
  private layout: MapLayout = EMPTY;
  private subnets: readonly MapSubnet[] = [];
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
    scene.input.on('pointermove', (p: { x: number; y: number }) => this.point(nodeAt(this.layout.nodes, p.x, p.y)?.netuid ?? null));
    scene.input.on('gameout', () => this.point(null));
    scene.input.on('pointerdown', (p: { x: number; y: number }) => {
      const hit = nodeAt(this.layout.nodes, p.x, p.y);
      this.point(hit?.netuid ?? null);
      if (hit && onSelect) onSelect(hit.netuid);
    });
  }

  /** Puts the legend, the card and the text alternative into the map's hole (before its first layout). */
  attach(hole: HTMLElement): void {
    hole.append(this.legend, this.card, this.text.root);
  }

  select(netuid: number | null): void {
    this.selected = netuid;
    this.draw();
  }

  update(subnets: readonly MapSubnet[], box: Box | null, slots: number): void {
    this.subnets = subnets;
    const grouped = this.layout.grouped;
    // The backdrop keeps the plain grid, whatever its size: a decoration has no leaders to name.
    this.layout = !box ? EMPTY : this.quiet ? { ...EMPTY, nodes: layoutNetwork(subnets, box, slots) } : layoutMap(subnets, box, slots);
    if (this.quiet) return this.draw();
    if (this.layout.grouped !== grouped) setLegend(this.legend, this.layout.grouped);
    const now = performance.now();
    if (now - this.textAt > 2000 || this.text.root.childElementCount === 0) {
      this.textAt = now;
      this.text.update(mapInWords(subnets));
    }
    this.draw();
    this.showCard();
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
    if (!n || !card) return;
    const text = [card.title, ...card.lines].join('\n');
    if (this.card.dataset.text !== text) {
      this.card.dataset.text = text;
      this.card.replaceChildren(h('b', { style: `color:${subnetColour(n.netuid)}` }, card.title), ...card.lines.map((l) => h('span', {}, l)));
    }
    // Beside the node, on the side with more room, so the finger or pointer does not hide it.
    const box = this.scene.scale.gameSize;
    const right = n.x < box.width / 2;
    const style = `${right ? 'left' : 'right'}:${Math.round(right ? n.x + n.radius + 12 : box.width - n.x + n.radius + 12)}px;top:${Math.round(Math.max(4, Math.min(box.height - 120, n.y - 40)))}px`;
    if (this.card.getAttribute('style') !== style) this.card.setAttribute('style', style);
  }

  private draw(): void {
    const { nodes, free, captions, grouped } = this.layout;
    const key = `${this.selected}|${this.pointed}|${captions.map((c) => c.text).join('|')}|${free.length}|${nodes.map(nodeKey).join(';')}`;
    if (key === this.drawn) return;
    this.drawn = key;
    wantFrame();
    const g = this.body;
    g.clear();
    // The groups' frames: the leaders' and the tail's, each under its caption.
    g.lineStyle(1, FREE, 0.7);
    for (const c of captions) g.strokeRoundedRect(c.box.x + 2, c.box.y + 2, c.box.width - 4, c.box.height - 4, 10);
    // Free slots: a faint outline where the next subnet registration would land.
    g.lineStyle(1, FREE, 0.8);
    for (const f of free) g.strokeCircle(f.x, f.y, f.radius);
    let used = 0;
    for (const c of captions) this.label(used++, c.text, c.x, c.y, c.size, CAPTION, true);
    for (const n of nodes) {
      g.fillStyle(n.fill, n.immune ? 0.65 : 0.9);
      g.fillCircle(n.x, n.y, n.radius);
      if (n.ring > 0) {
        g.lineStyle(Math.max(2, n.radius * 0.18), RING, 0.95);
        g.beginPath();
        g.arc(n.x, n.y, n.radius + Math.max(3, n.radius * 0.2), -Math.PI / 2, -Math.PI / 2 + n.ring * Math.PI * 2, false);
        g.strokePath();
      }
      if (n.netuid === this.selected || n.netuid === this.pointed) {
        g.lineStyle(n.netuid === this.selected ? 3 : 2, 0xffffff, n.netuid === this.selected ? 1 : 0.7);
        // Outside the emission ring in the grid; close in the grouped map, clear of the leader's label.
        g.strokeCircle(n.x, n.y, n.radius + (grouped ? SELECT_GAP : Math.max(6, n.radius * 0.35)));
      }
      if (n.prune) {
        g.lineStyle(3, PRUNE, 1);
        g.strokeCircle(n.x, n.y, n.radius + Math.max(7, n.radius * 0.45));
      }
      if (this.quiet) continue;
      const text = `${n.label}\n${n.flow > 0 ? '▲ ' : n.flow < 0 ? '▼ ' : ''}${percent(n.share, 1)}`;
      // The label wears the subnet's colour: the same key as every chart's.
      if (n.labelSize > 0) this.label(used++, text, n.x, n.labelY, n.labelSize, subnetColour(n.netuid), grouped);
      else if (n.netuid === this.selected) {
        // Below a node in the map's upper half, above one in its lower half: clear of the captions and the edge.
        const below = n.y < this.scene.scale.gameSize.height / 2;
        this.label(used++, text, n.x, n.y + (below ? 1 : -1) * (n.radius + 8 + PICKED_LABEL * 1.2), PICKED_LABEL, subnetColour(n.netuid), true);
      }
    }
    for (let i = used; i < this.labels.length; i++) this.labels[i].text.setVisible(false);
    if (!this.quiet) publishDebug({ map: mapDebug(this.layout) });
  }

  private label(i: number, text: string, x: number, y: number, size: number, colour: string, bold: boolean): void {
    let l = this.labels[i];
    if (!l) {
      l = { text: this.scene.add.text(0, 0, '', { fontFamily: FONT, align: 'center' }).setOrigin(0.5).setStroke(INK, 4), style: '' };
      this.labels.push(l);
    }
    const style = `${Math.round(size)}|${colour}|${bold}`;
    if (l.style !== style) {
      l.style = style;
      l.text.setStyle({ fontFamily: FONT, fontSize: `${Math.round(size)}px`, fontStyle: bold ? 'bold' : 'normal', color: colour, stroke: INK, strokeThickness: Math.max(3, Math.round(size / 6)), align: 'center' });
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
const nodeKey = (n: MapNode) => `${n.netuid},${Math.round(n.x)},${Math.round(n.y)},${Math.round(n.radius * 2)},${n.fill},${Math.round(n.ring * 60)},${+n.prune}${+n.immune},${Math.round(n.labelSize)},${Math.round(n.labelY)},${n.label},${n.flow},${(n.share * 100).toFixed(1)}`;

/** What a browser test reads of the map instead of its pixels. */
function mapDebug(layout: MapLayout) {
  return {
    grouped: layout.grouped,
    captions: layout.captions.map((c) => ({ text: c.text, size: c.size })),
    nodes: layout.nodes.map((n) => ({ netuid: n.netuid, label: n.label, x: Math.round(n.x), y: Math.round(n.y), radius: Math.round(n.radius), labelSize: Math.round(n.labelSize) })),
  };
}

/** How to read the map, in the corner of its hole (HTML, so it stays sharp and costs no frames). */
function setLegend(legend: HTMLElement, grouped: boolean): void {
  legend.replaceChildren(
    grouped ? 'size: emission share · ' : 'size: pool τ · ',
    h('span', { class: 'good' }, '▲ inflow'),
    ' / ',
    h('span', { class: 'bad' }, '▼ outflow'),
    ' · ',
    grouped ? '' : h('span', { style: 'color:var(--accent)' }, 'ring: emission share'),
    grouped ? '' : ' · ',
    h('span', { class: 'warn' }, 'orange: next to be pruned'),
    ' · ○ free slot · point at or tap a subnet for its details',
  );
}

export type { Box };
