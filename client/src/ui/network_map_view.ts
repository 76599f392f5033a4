// Draws the network map that lib/network_map.ts lays out: one Graphics for the nodes, one for the
// pulsing prune markers, and a small pool of labels for the nodes big enough to carry one.
// (A render-texture cache was tried: without a GPU its full-canvas quad costs more than the circles.)
import type { GameObjects, Scene } from 'phaser';
import { percent } from '../lib/format.ts';
import { subnetColour } from '../lib/subnet_colour.ts';
import { h } from './dom.ts';
import { type Box, freeSlots, layoutNetwork, mapInWords, type MapNode, type MapSubnet, nodeAt } from '../lib/network_map.ts';

const RING = 0x38bdf8;
const PRUNE = 0xf59e0b;
const FREE = 0x334155;
const LABEL_MIN_RADIUS = 13;

export class NetworkMapView {
  nodes: MapNode[] = [];
  private free: { x: number; y: number; radius: number }[] = [];
  private readonly body: GameObjects.Graphics;
  private readonly marks: GameObjects.Graphics;
  private readonly labels: GameObjects.Text[] = [];
  private selected: number | null = null;
  /** The map's text alternative: a list a screen reader reads (the scene places it beside the canvas). */
  readonly text = h('ol', { class: 'sr-only', testid: 'map-text', 'aria-label': 'Subnets, as the map shows them' });
  /** When the list was last written: a full network's 128 lines every patch would cost frames for nobody. */
  private textAt = -Infinity;

  /** `quiet`: a decoration (the lobby's backdrop) — dim and without labels. */
  constructor(
    private readonly scene: Scene,
    onSelect?: (netuid: number) => void,
    private readonly quiet = false,
  ) {
    this.body = scene.add.graphics().setAlpha(quiet ? 0.35 : 1);
    this.marks = scene.add.graphics();
    // Prune candidates pulse so the eye finds them on a full 128-subnet map.
    scene.tweens.add({ targets: this.marks, alpha: { from: 1, to: 0.25 }, duration: 700, yoyo: true, repeat: -1 });
    if (onSelect)
      scene.input.on('pointerdown', (p: { x: number; y: number }) => {
        const hit = nodeAt(this.nodes, p.x, p.y);
        if (hit) onSelect(hit.netuid);
      });
  }

  select(netuid: number | null): void {
    this.selected = netuid;
    this.draw();
  }

  update(subnets: readonly MapSubnet[], box: Box | null, slots: number): void {
    this.nodes = box ? layoutNetwork(subnets, box, slots) : [];
    this.free = box && !this.quiet ? freeSlots(subnets, box, slots) : [];
    const now = performance.now();
    if (!this.quiet && (now - this.textAt > 2000 || this.text.childElementCount !== subnets.length)) {
      this.textAt = now;
      this.text.replaceChildren(...mapInWords(subnets).map((line) => h('li', {}, line)));
    }
    this.draw();
  }

  private draw(): void {
    const g = this.body;
    g.clear();
    this.marks.clear();
    // Free slots: a faint outline where the next subnet registration would land.
    g.lineStyle(1, FREE, 0.8);
    for (const f of this.free) g.strokeCircle(f.x, f.y, f.radius);
    let used = 0;
    for (const n of this.nodes) {
      g.fillStyle(n.fill, n.immune ? 0.65 : 0.9);
      g.fillCircle(n.x, n.y, n.radius);
      if (n.ring > 0) {
        g.lineStyle(Math.max(2, n.radius * 0.18), RING, 0.95);
        g.beginPath();
        g.arc(n.x, n.y, n.radius + Math.max(3, n.radius * 0.2), -Math.PI / 2, -Math.PI / 2 + n.ring * Math.PI * 2, false);
        g.strokePath();
      }
      if (n.netuid === this.selected) {
        g.lineStyle(2, 0xffffff, 1);
        g.strokeCircle(n.x, n.y, n.radius + Math.max(6, n.radius * 0.35));
      }
      if (n.prune) {
        this.marks.lineStyle(3, PRUNE, 1);
        this.marks.strokeCircle(n.x, n.y, n.radius + Math.max(9, n.radius * 0.45));
      }
      if (!this.quiet && (n.radius >= LABEL_MIN_RADIUS || n.netuid === this.selected)) this.label(used++, n);
    }
    for (let i = used; i < this.labels.length; i++) this.labels[i].setVisible(false);
  }

  private label(i: number, n: MapNode): void {
    let t = this.labels[i];
    if (!t) {
      t = this.scene.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '12px', color: '#e2e8f0', align: 'center' }).setOrigin(0.5);
      this.labels.push(t);
    }
    const text = `${n.label}\n${n.flow > 0 ? '▲ ' : n.flow < 0 ? '▼ ' : ''}${percent(n.share, 1)}`;
    if (t.text !== text) t.setText(text);
    // The label wears the subnet's colour: the same key as every chart's.
    t.setPosition(n.x, n.y).setVisible(true).setFontSize(Math.max(10, Math.min(20, n.radius * 0.45))).setColor(subnetColour(n.netuid)).setStroke('#0b1020', 4);
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.marks);
    this.body.destroy();
    this.marks.destroy();
    this.labels.forEach((t) => t.destroy());
  }
}

export type { Box };

/** How to read the map, in the corner of its hole (HTML, so it stays sharp and costs no frames). */
export function mapLegend(): HTMLElement {
  return h(
    'div',
    { class: 'legend' },
    'size: pool τ · ',
    h('span', { class: 'good' }, '▲ inflow'),
    ' / ',
    h('span', { class: 'bad' }, '▼ outflow'),
    ' · ',
    h('span', { style: 'color:var(--accent)' }, 'ring: emission share'),
    ' · ',
    h('span', { class: 'warn' }, 'orange: next to be pruned'),
    ' · ○ free slot',
  );
}
