import { Scene } from 'phaser';
import type { ArenaState, SubnetState } from '../../../shared/protocol/schema.ts';
import type { SeriesView } from '../../../shared/protocol/index.ts';
import { subnetsByNetuid, toMapSubnet } from '../lib/arena.ts';
import { spotlightAt, topShare } from '../lib/dominance.ts';
import { blocksAway, percent, subnetTitle, taoText } from '../lib/format.ts';
import type { Connection } from '../net/connection.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { h, holeRect, mount, setText } from '../ui/dom.ts';
import { eventFeed } from '../ui/event_feed.ts';
import { leaderboardTable } from '../ui/leaderboard.ts';
import { lineChart } from '../ui/line_chart.ts';
import { mapLegend, NetworkMapView } from '../ui/network_map_view.ts';
import { fitStage } from '../ui/stage.ts';
import { statusBar } from '../ui/status_bar.ts';

const CHARTED = 5;
const SPOTLIGHT_SECONDS = 8;
const SPOT_FACTS = ['Product', 'Emission share', 'Pool', 'Price', 'Net flow', 'Owner'];

/** Each series relative to its first value, so subnets of any price share one chart. */
const relative = (values: number[]) => values.map((v) => (values[0] ? v / values[0] : v));

// Spectator: the big screen for a projector — map, dominance, charts, leaderboard, feed, spotlight.
export class Spectator extends Scene {
  private conn!: Connection;
  private state: ArenaState | null = null;
  private series: SeriesView | null = null;
  private dirty = true;
  private render!: () => void;

  constructor() {
    super('Spectator');
  }

  init(data: { connection: Connection }): void {
    this.conn = data.connection;
    this.state = null;
    this.series = null;
  }

  create(): void {
    const conn = this.conn;
    publishDebug({ scene: 'Spectator', code: conn.code, role: 'spectator' });
    const status = statusBar();
    const dominance = h('span', { class: 'big', testid: 'top10' }, '—');
    const halving = h('span', { class: 'muted' });
    const price = lineChart('Price (× start) — top subnets', 'price-chart');
    const flow = lineChart('Net flow EMA (τ/block)', 'flow-chart');
    const board = leaderboardTable('leaderboard', { max: 12 });
    const feed = eventFeed('events', 14);
    const spotTitle = h('h3', {});
    const spotFacts = SPOT_FACTS.map(() => h('dd', {}));
    const spotlight = h('div', { class: 'panel spotlight', testid: 'spotlight' }, h('h2', {}, 'Spotlight'), spotTitle, h('dl', { class: 'kv' }, ...SPOT_FACTS.flatMap((k, i) => [h('dt', {}, k), spotFacts[i]])));
    let spotlit: number | null = null;
    let charted: SeriesView | null = null;
    const screen = mount(
      h(
        'div',
        { class: 'screen spectate', testid: 'spectator' },
        h(
          'div',
          { class: 'panel head' },
          h('span', { class: 'big' }, 'Subnet Arena'),
          h('span', {}, 'code ', h('b', { class: 'big', testid: 'code' }, conn.code)),
          h('span', {}, 'block ', h('span', { class: 'big' }, status.block)),
          status.phase,
          h('span', {}, 'top-10 share of emission ', dominance),
          halving,
          h('span', { class: 'grow' }),
          status.badge,
        ),
        h('div', { class: 'hole map', 'data-hole': 'map' }, mapLegend()),
        h('div', { class: 'side' }, h('div', { class: 'panel' }, h('h2', {}, 'Leaderboard'), board.root), h('div', { class: 'panel' }, h('h2', {}, 'Events'), feed.root), spotlight),
        h('div', { class: 'panel price' }, price.root),
        h('div', { class: 'panel flow' }, flow.root),
      ),
    );
    price.root.style.height = '100%';
    flow.root.style.height = '100%';

    const map = new NetworkMapView(this);
    this.render = () => {
      const s = this.state;
      if (!s?.clock) return;
      status.setClock(s.clock);
      const subnets = subnetsByNetuid<SubnetState>(s.subnets);
      map.update(
        subnets.map((x) => toMapSubnet(x, s.clock.block)),
        fitStage(this, holeRect(screen, 'map')),
        s.subnetLimit,
      );
      const top = topShare(subnets, 10);
      setText(dominance, percent(top.share, 1));
      setText(halving, `${s.clock.halvingIn > 0 ? `halving in ${blocksAway(s.clock.halvingIn, s.clock.blocksPerSecond * s.clock.speed)} · ` : ''}${s.clock.blockEmission} τ/block`);
      board.update(s.players);
      feed.update(s.events);
      const dwell = Math.max(1, Math.round(SPOTLIGHT_SECONDS * s.clock.blocksPerSecond * s.clock.speed));
      const spot = spotlightAt(top.leaders, s.clock.block, dwell);
      if (spot) {
        if (spot.netuid !== spotlit) map.select(spot.netuid);
        spotlit = spot.netuid;
        setText(spotTitle, subnetTitle(spot.netuid, spot.name));
        const facts = [spot.product || '—', percent(spot.emissionShare), taoText(spot.taoIn), `${spot.price.toFixed(5)} τ/α`, `${spot.flowEma.toFixed(4)} τ/block`, spot.ownerName || 'incumbent (not a player)'];
        spotFacts.forEach((el, i) => setText(el, facts[i]));
      }
      if (this.series !== charted) {
        // Charts change with the series (every few seconds), not with every state patch.
        charted = this.series;
        const shown = top.leaders.slice(0, CHARTED);
        const cols = (key: 'price' | 'flowEma') =>
          shown.flatMap((x) => {
            const c = this.series?.subnets[String(x.netuid)];
            return c ? [{ label: `SN${x.netuid}`, values: key === 'price' ? relative(c.price) : c.flowEma }] : [];
          });
        price.update(cols('price'));
        flow.update(cols('flowEma'));
      }
      publishDebug({ block: s.clock.block, phase: s.clock.phase, pools: Object.fromEntries(subnets.map((x) => [x.netuid, x.taoIn])) });
    };

    const offs = [
      conn.onState((state) => ((this.state = state), (this.dirty = true))),
      conn.onStatus((st) => (status.setStatus(st), publishDebug({ connection: st }))),
      conn.on('series', (v) => ((this.series = v), (this.dirty = true))),
    ];
    conn.send('get_series', { maxPoints: 200 });
    const poll = this.time.addEvent({ delay: 3000, loop: true, callback: () => conn.send('get_series', { maxPoints: 200 }) });
    const onResize = () => (this.dirty = true);
    window.addEventListener('resize', onResize);
    this.events.once('shutdown', () => {
      offs.forEach((off) => off());
      poll.remove();
      map.destroy();
      window.removeEventListener('resize', onResize);
    });
  }

  update(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.render();
  }
}
