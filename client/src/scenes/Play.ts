import { Scene } from 'phaser';
import type { ArenaState, SubnetState } from '../../../shared/protocol/schema.ts';
import type { SeriesView } from '../../../shared/protocol/index.ts';
import { subnetsByNetuid, toMapSubnet } from '../lib/arena.ts';
import { forgetSession } from '../lib/session_store.ts';
import type { Connection } from '../net/connection.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { type ActionsPanel, actionsPanel, type PlayData } from '../ui/actions_panel.ts';
import { h, holeRect, mount, setText } from '../ui/dom.ts';
import { eventFeed } from '../ui/event_feed.ts';
import { leaderboardTable } from '../ui/leaderboard.ts';
import { mapLegend, NetworkMapView } from '../ui/network_map_view.ts';
import { fitStage } from '../ui/stage.ts';
import { statusBar } from '../ui/status_bar.ts';
import { subnetPanel } from '../ui/subnet_panel.ts';
import { tabbed } from '../ui/tabs.ts';
import { walletBar } from '../ui/wallet_bar.ts';

const SERIES_POINTS = 120;
const SERIES_EVERY_MS = 3000;

// Play: the map of the network, the wallet, the clock, the role's actions, a subnet in detail.
export class Play extends Scene {
  private conn!: Connection;
  private view: PlayData = { state: null, wallet: null, detail: null, observations: null, selected: null };
  private series: SeriesView | null = null;
  private dirty = true;
  private picked = false;
  private actions!: ActionsPanel;
  private screen!: HTMLElement;
  private map!: NetworkMapView;
  private render!: () => void;

  constructor() {
    super('Play');
  }

  init(data: { connection: Connection }): void {
    this.conn = data.connection;
    this.view = { state: null, wallet: null, detail: null, observations: null, selected: null };
    this.series = null;
    this.picked = false;
  }

  create(): void {
    const conn = this.conn;
    publishDebug({ scene: 'Play', code: conn.code, role: conn.role });
    const status = statusBar();
    const wallet = walletBar();
    const actions = (this.actions = actionsPanel(conn, () => this.view));
    const subnet = subnetPanel();
    const board = leaderboardTable('leaderboard', { me: () => conn.welcome?.playerId ?? null });
    const feed = eventFeed('events', 40);
    const ticker = h('div', { class: 'panel ticker', testid: 'ticker' }, 'Welcome to the arena.');
    const side = tabbed(
      [
        { key: 'act', label: 'Act', el: actions.root },
        { key: 'subnet', label: 'Subnet', el: subnet.root },
        { key: 'board', label: 'Board', el: board.root },
        { key: 'feed', label: 'Events', el: feed.root },
      ],
      (key) => key === 'subnet' && this.requestSeries(),
    );
    const epoch = h('span', { class: 'badge', testid: 'epoch' });
    const leave = h('button', { testid: 'leave', onclick: () => void this.leave() }, 'Leave');
    this.screen = mount(
      h(
        'div',
        { class: 'screen play', testid: 'play' },
        h('div', { class: 'panel top' }, status.badge, h('span', {}, 'Game ', h('b', { testid: 'code' }, conn.code)), h('span', { class: 'badge', testid: 'role' }, conn.role), h('span', {}, 'Block ', status.block), status.phase, epoch, status.clock, h('span', { class: 'grow' }), leave),
        wallet.root,
        h('div', { class: 'hole map', 'data-hole': 'map' }, mapLegend()),
        h('div', { class: 'panel side' }, side.root),
        ticker,
      ),
    );

    this.map = new NetworkMapView(this, (netuid) => this.pick(netuid));
    // Keyboard: arrows step through the subnets on the map when no input has the focus.
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || !this.view.state) return;
      const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
      if (!step) return;
      const ids = subnetsByNetuid<SubnetState>(this.view.state.subnets).map((x) => x.netuid);
      const at = ids.indexOf(this.view.selected ?? ids[0]);
      this.pick(ids[(at + step + ids.length) % ids.length]);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    this.render = () => {
      const s = this.view.state;
      if (!s?.clock) return;
      status.setClock(s.clock);
      const subnets = subnetsByNetuid<SubnetState>(s.subnets);
      this.map.update(
        subnets.map((x) => toMapSubnet(x, s.clock.block)),
        fitStage(this, holeRect(this.screen, 'map')),
        s.subnetLimit,
      );
      // Until the player picks one, look at their own subnet (owner) or the one their UID is in.
      const own = this.view.wallet?.subnets[0] ?? this.view.wallet?.neurons[0]?.netuid;
      if (!this.picked && subnets.length && (this.view.selected === null || (own !== undefined && own !== this.view.selected))) this.select(own ?? subnets[0].netuid);
      const watched = subnets.find((x) => x.netuid === this.view.selected);
      // Each subnet runs its epoch on its own schedule (offset by netuid): the clock shows the watched one's.
      setText(epoch, watched ? `SN${watched.netuid} epoch in ${watched.nextEpochIn}` : `tempo ${s.clock.tempo}`);
      subnet.update(watched, s.clock.block, this.view.detail, this.series);
      board.update(s.players);
      const latest = feed.update(s.events);
      if (latest) setText(ticker, `#${latest.block} ${latest.text}`);
      actions.refresh();
      wallet.update(this.view.wallet);
      publishDebug({ block: s.clock.block, phase: s.clock.phase, balance: this.view.wallet?.balance, netWorth: this.view.wallet?.netWorth, pools: Object.fromEntries(subnets.map((x) => [x.netuid, x.taoIn])), positions: this.view.wallet?.positions.map((p) => ({ netuid: p.netuid, alpha: p.alpha })) });
    };

    const offs = [
      conn.onState((state: ArenaState) => ((this.view.state = state), (this.dirty = true))),
      conn.onStatus((st) => {
        status.setStatus(st);
        publishDebug({ connection: st });
        // A new socket after a reconnect: the server forgot what this client was watching.
        if (st === 'online' && this.view.selected !== null) conn.send('watch_subnet', { netuid: this.view.selected });
      }),
      conn.on('wallet', (w) => ((this.view.wallet = w), (this.dirty = true))),
      conn.on('subnet_detail', (d) => ((this.view.detail = d), (this.dirty = true))),
      conn.on('observations', (o) => ((this.view.observations = o), (this.dirty = true))),
      conn.on('series', (s) => ((this.series = s), (this.dirty = true))),
    ];
    const poll = this.time.addEvent({ delay: SERIES_EVERY_MS, loop: true, callback: () => side.current() === 'subnet' && this.requestSeries() });
    const onResize = () => (this.dirty = true);
    this.scale.on('resize', onResize);
    window.addEventListener('resize', onResize);
    this.events.once('shutdown', () => {
      offs.forEach((off) => off());
      poll.remove();
      actions.dispose();
      this.map.destroy();
      this.scale.off('resize', onResize);
      window.removeEventListener('resize', onResize);
      window.removeEventListener('keydown', onKey);
    });
  }

  update(): void {
    // State patches and messages only mark the screen dirty; it is drawn at most once a frame.
    if (!this.dirty) return;
    this.dirty = false;
    this.render();
  }

  /** The player chose a subnet (map, keyboard): stop following their own. */
  private pick(netuid: number): void {
    this.picked = true;
    this.select(netuid);
    this.actions.select(netuid);
  }

  private select(netuid: number): void {
    if (this.view.selected === netuid) return;
    this.view.selected = netuid;
    this.view.detail = null;
    this.map.select(netuid);
    this.conn.send('watch_subnet', { netuid });
    this.dirty = true;
  }

  private requestSeries(): void {
    this.conn.send('get_series', { maxPoints: SERIES_POINTS });
  }

  private async leave(): Promise<void> {
    await this.conn.leave();
    forgetSession(localStorage, this.conn.code);
    history.replaceState(null, '', window.location.pathname);
    this.scene.start('Lobby');
  }
}
