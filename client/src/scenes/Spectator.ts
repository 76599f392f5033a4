import { Scene } from 'phaser';
import type { ArenaState, SubnetState } from '../../../shared/protocol/schema.ts';
import type { DebriefView, ResultsView, SeriesView } from '../../../shared/protocol/index.ts';
import { subnetsByNetuid, toMapSubnet } from '../lib/arena.ts';
import { headline, spotlightAt, topShare } from '../lib/dominance.ts';
import { duration, percent, subnetTitle, taoText } from '../lib/format.ts';
import { subnetColour } from '../lib/subnet_colour.ts';
import type { Connection } from '../net/connection.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { h, holeRect, mount, setText } from '../ui/dom.ts';
import { debriefPage } from '../ui/debrief_view.ts';
import { eventFeed } from '../ui/event_feed.ts';
import { finalView } from '../ui/final_view.ts';
import { joinTarget } from '../ui/join_target.ts';
import { leaderboardTable } from '../ui/leaderboard.ts';
import { lineChart } from '../ui/line_chart.ts';
import { drawOnDemand } from '../ui/frames.ts';
import { NetworkMapView } from '../ui/network_map_view.ts';
import { qrCode } from '../ui/qr_code.ts';
import { fitStage } from '../ui/stage.ts';
import { statusBar } from '../ui/status_bar.ts';

/** Up to this many subnets, every one is charted; past it, the largest emission takers. */
const CHARTED = 8;
const SPOTLIGHT_SECONDS = 8;
const SPOT_FACTS = ['Product', 'Emission share', 'Pool', 'Price', 'Net flow', 'Owner'];

/** A headline figure: a small caption over a large value, readable from the back of a room. */
const figure = (caption: string, testid: string) => {
  const value = h('b', { testid }, '—');
  return { root: h('div', { class: 'figure' }, h('span', {}, caption), value), value };
};

// Spectator: the big screen for a projector — join code and QR, map, headline figures, charts
// keyed by subnet, leaderboard, feed, spotlight; at the end the standings, the race, the story.
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
    const leader = figure('Largest emission share', 'leader');
    const flowLeader = figure('Strongest net inflow', 'flow-leader');
    const halving = figure('Next halving', 'halving');
    const emission = figure('Emission', 'emission');
    const share = lineChart('Emission share', 'share-chart', { axes: { unit: '%' } });
    const flow = lineChart('Net TAO flow (Taoflow EMA)', 'flow-chart', { axes: { unit: 'τ/blk' } });
    const board = leaderboardTable('leaderboard', { max: 10 });
    const feed = eventFeed('events', 10);
    const spotTitle = h('h3', {});
    const spotFacts = SPOT_FACTS.map(() => h('dd', {}));
    const spotlight = h('div', { class: 'panel spotlight', testid: 'spotlight' }, h('h2', {}, 'Spotlight'), spotTitle, h('dl', { class: 'kv' }, ...SPOT_FACTS.flatMap((k, i) => [h('dt', {}, k), spotFacts[i]])));
    const joinSmall = h('div', { class: 'join-small', testid: 'join-small' });
    const joinCard = h('div', { class: 'join-card', testid: 'join-card', hidden: true });
    joinTarget(conn.code, ({ url }) => {
      joinSmall.replaceChildren(qrCode(url, 'qr-small'), h('div', {}, h('span', {}, 'join'), h('b', { class: 'code', testid: 'code' }, conn.code)));
      joinCard.replaceChildren(h('div', { class: 'join-text' }, h('span', {}, 'Scan or open'), h('b', {}, url), h('span', {}, 'code'), h('b', { class: 'code' }, conn.code)), qrCode(url, 'qr-big'));
    });
    const end = finalView();
    // The debrief page the facilitator puts on the big screen, over the end view.
    const debriefScreen = h('div', { class: 'panel debrief-screen', testid: 'debrief-screen', hidden: true });
    let debriefData: DebriefView | null = null;
    let debriefShown: number | null = null;
    const showDebrief = () => {
      const page = debriefShown === null ? undefined : debriefData?.pages[debriefShown];
      debriefScreen.hidden = !page;
      if (page) debriefScreen.replaceChildren(debriefPage(page, debriefShown!, debriefData!.pages.length));
    };
    let spotlit: number | null = null;
    let charted: SeriesView | null = null;
    let results: ResultsView | null = null;
    const screen = mount(
      h(
        'div',
        { class: 'screen spectate', testid: 'spectator' },
        h('div', { class: 'panel head' }, h('span', { class: 'title' }, 'Subnet Arena'), joinSmall, h('div', { class: 'figure' }, h('span', {}, 'Block'), h('b', {}, status.block, ' ', status.phase)), leader.root, flowLeader.root, halving.root, emission.root, h('span', { class: 'grow' }), status.badge),
        h('div', { class: 'hole map', 'data-hole': 'map' }, joinCard),
        h('div', { class: 'side' }, h('div', { class: 'panel board' }, h('h2', {}, 'Leaderboard'), board.root), h('div', { class: 'panel' }, h('h2', {}, 'Events'), feed.root), spotlight),
        h('div', { class: 'panel price' }, share.root),
        h('div', { class: 'panel flow' }, flow.root),
        end.root,
        debriefScreen,
      ),
    );

    const map = new NetworkMapView(this);
    map.attach(screen.querySelector<HTMLElement>('[data-hole=map]')!);
    drawOnDemand(true);
    this.render = () => {
      const s = this.state;
      if (!s?.clock) return;
      status.setClock(s.clock);
      const phase = s.clock.phase;
      const over = phase === 'ended';
      screen.classList.toggle('ended', over);
      joinCard.hidden = phase !== 'lobby';
      const subnets = subnetsByNetuid<SubnetState>(s.subnets);
      map.update(
        subnets.map((x) => toMapSubnet(x, s.clock.block)),
        over ? null : fitStage(this, holeRect(screen, 'map')),
        s.subnetLimit,
      );
      const head = headline(subnets);
      setText(leader.value, head.leader ? `${subnetTitle(head.leader.netuid, head.leader.name)} · ${percent(head.leaderShare, 0)}` : '—');
      leader.value.style.color = head.leader ? subnetColour(head.leader.netuid) : '';
      setText(flowLeader.value, head.flowLeader ? `${subnetTitle(head.flowLeader.netuid, head.flowLeader.name)} · +${head.flowLeader.flowEma.toFixed(2)} τ/block` : 'no subnet has net inflow');
      flowLeader.value.style.color = head.flowLeader ? subnetColour(head.flowLeader.netuid) : '';
      // A game that ended has no next halving to wait for, nor an emission rate: the head keeps the figures that still mean something, uncut.
      halving.root.hidden = over;
      emission.root.hidden = over;
      setText(halving.value, s.clock.halvingIn > 0 ? `in ${duration(s.clock.halvingIn / (s.clock.blocksPerSecond * s.clock.speed))}` : '—');
      halving.value.title = `${s.clock.halvingIn.toLocaleString('en-US')} blocks`;
      setText(emission.value, `${s.clock.blockEmission} τ/block`);
      board.update(s.players);
      feed.update(s.events);
      // The spotlight tours the leaders while the game runs, and rests once it is over.
      const top = topShare(subnets, 10);
      const dwell = Math.max(1, Math.round(SPOTLIGHT_SECONDS * s.clock.blocksPerSecond * s.clock.speed));
      const spot = over ? null : spotlightAt(top.leaders, s.clock.block, dwell);
      spotlight.hidden = over;
      if (spot) {
        if (spot.netuid !== spotlit) map.select(spot.netuid);
        spotlit = spot.netuid;
        setText(spotTitle, subnetTitle(spot.netuid, spot.name));
        spotTitle.style.color = subnetColour(spot.netuid);
        const facts = [spot.product || '—', percent(spot.emissionShare), taoText(spot.taoIn), `${spot.price.toFixed(5)} τ/α`, `${spot.flowEma.toFixed(4)} τ/block`, spot.ownerName || 'incumbent (not a player)'];
        spotFacts.forEach((el, i) => setText(el, facts[i]));
      }
      if (this.series !== charted && this.series) {
        // Charts change with the series (every few seconds), not with every state patch.
        charted = this.series;
        const shown = (subnets.length <= CHARTED ? subnets : top.leaders.slice(0, 5)).filter((x) => this.series!.subnets[String(x.netuid)]);
        const cols = (key: 'emissionShare' | 'flowEma') =>
          shown.map((x) => {
            const c = this.series!.subnets[String(x.netuid)];
            return { label: subnetTitle(x.netuid, x.name), colour: subnetColour(x.netuid), values: key === 'emissionShare' ? c.emissionShare.map((v) => v * 100) : c.flowEma };
          });
        share.update(cols('emissionShare'), undefined, { x: this.series.block });
        flow.update(cols('flowEma'), undefined, { x: this.series.block });
      }
      publishDebug({ block: s.clock.block, phase, pools: Object.fromEntries(subnets.map((x) => [x.netuid, x.taoIn])), spotlight: spot?.netuid ?? null });
    };

    const offs = [
      conn.onState((state) => ((this.state = state), (this.dirty = true))),
      conn.onStatus((st) => (status.setStatus(st), publishDebug({ connection: st }))),
      conn.on('series', (v) => {
        this.series = v;
        this.dirty = true;
        // The results message can land before the patch that ends the phase: the race takes the
        // series on the results' word, not the phase's.
        if (results) end.series(v);
      }),
      conn.on('results', (r) => {
        results = r;
        end.results(r);
        conn.send('get_series', { maxPoints: 200 });
        conn.send('get_debrief', {});
      }),
      conn.on('debrief', (d) => {
        debriefData = d;
        end.story(d.story);
        showDebrief();
      }),
      conn.on('debrief_page', ({ page }) => {
        debriefShown = page;
        if (page !== null && !debriefData) conn.send('get_debrief', {});
        showDebrief();
      }),
    ];
    conn.send('get_series', { maxPoints: 200 });
    const poll = this.time.addEvent({ delay: 3000, loop: true, callback: () => results === null && conn.send('get_series', { maxPoints: 200 }) });
    const onResize = () => (this.dirty = true);
    window.addEventListener('resize', onResize);
    this.events.once('shutdown', () => {
      offs.forEach((off) => off());
      poll.remove();
      map.destroy();
      drawOnDemand(false);
      end.destroy();
      window.removeEventListener('resize', onResize);
    });
  }

  update(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.render();
  }
}
