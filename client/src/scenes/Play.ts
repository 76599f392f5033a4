import { Scene } from 'phaser';
import type { ArenaState, SubnetState } from '../../../shared/protocol/schema.ts';
import type { SeriesView } from '../../../shared/protocol/index.ts';
import { blocksUntilEpoch } from '../../../shared/engine/index.ts';
import { type Look, alertsBetween, newGameBetween, nextPruned } from '../lib/alerts.ts';
import { recentEvents, subnetsByNetuid, toMapSubnet } from '../lib/arena.ts';
import { GOALS } from '../lib/role_guide.ts';
import { standingOf } from '../lib/standing.ts';
import { personalSummary } from '../lib/summary.ts';
import type { Connection } from '../net/connection.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { type ActionsPanel, actionsPanel, type PlayData } from '../ui/actions_panel.ts';
import { h, holeRect, mount, setText } from '../ui/dom.ts';
import { endSummary } from '../ui/end_summary.ts';
import { eventFeed } from '../ui/event_feed.ts';
import { firstRunGuide } from '../ui/first_run_guide.ts';
import { leaderboardTable } from '../ui/leaderboard.ts';
import { drawOnDemand } from '../ui/frames.ts';
import { NetworkMapView } from '../ui/network_map_view.ts';
import { fitStage } from '../ui/stage.ts';
import { statusBar } from '../ui/status_bar.ts';
import { subnetPanel } from '../ui/subnet_panel.ts';
import { tabbed } from '../ui/tabs.ts';
import { NOTICE, type NoticeDetail, toast } from '../ui/toast.ts';
import { walletBar } from '../ui/wallet_bar.ts';

const SERIES_POINTS = 120;
const SERIES_EVERY_MS = 3000;

// Play: the map of the network, the wallet and score, the clock, the role's actions, a subnet in
// detail; a notice in view for every answer and alert; the player's own result at the end.
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
    const me = () => conn.welcome?.playerId ?? null;
    publishDebug({ scene: 'Play', code: conn.code, role: conn.role, lastError: null, alerts: [] });
    const status = statusBar();
    const wallet = walletBar();
    const actions = (this.actions = actionsPanel(conn, () => this.view, (netuid) => this.pick(netuid)));
    const subnet = subnetPanel();
    const board = leaderboardTable('leaderboard', { me });
    const feed = eventFeed('events', 40);
    const notice = toast();
    const guide = firstRunGuide(conn.role, localStorage);
    const ending = endSummary();
    const ticker = h('div', { class: 'panel ticker', testid: 'ticker' }, 'Welcome to the arena.');
    const goal = h(
      'div',
      { class: 'goal', testid: 'goal' },
      h('b', {}, 'Goal: '),
      GOALS[conn.role as keyof typeof GOALS] ?? '',
      ' ',
      h('button', { type: 'button', class: 'link', testid: 'guide-open', onclick: () => guide.open() }, 'How to play'),
    );
    const side = tabbed(
      [
        { key: 'act', label: 'Act', el: h('div', {}, goal, actions.root) },
        { key: 'subnet', label: 'Subnet', el: subnet.root },
        { key: 'board', label: 'Board', el: board.root },
        { key: 'feed', label: 'Events', el: feed.root },
      ],
      (key) => key === 'subnet' && this.requestSeries(),
    );
    const epoch = h('span', { class: 'badge', testid: 'epoch' });
    const result = h('button', { type: 'button', testid: 'result-open', hidden: true, onclick: () => ending.open() }, 'Your result');
    const confirmLeave = h(
      'div',
      { class: 'confirm', testid: 'leave-confirm', hidden: true, role: 'dialog', 'aria-label': 'Leave the game?' },
      h('span', {}, 'Leave? Your wallet and seat stay in the game: enter the code again with the same role to come back.'),
      h('button', { type: 'button', testid: 'leave-cancel', onclick: () => (confirmLeave.hidden = true) }, 'Stay'),
      h('button', { type: 'button', class: 'danger', testid: 'leave-yes', onclick: () => void this.leave() }, 'Leave'),
    );
    const leave = h('button', { testid: 'leave', onclick: () => (confirmLeave.hidden = false) }, 'Leave');
    this.screen = mount(
      h(
        'div',
        { class: 'screen play', testid: 'play' },
        h('div', { class: 'panel top' }, status.badge, h('span', {}, 'Game ', h('b', { testid: 'code' }, conn.code)), h('span', { class: 'badge', testid: 'role' }, conn.role), h('span', {}, 'Block ', status.block), status.phase, epoch, status.clock, h('span', { class: 'grow' }), result, leave, confirmLeave),
        wallet.root,
        h('div', { class: 'hole map', 'data-hole': 'map' }, guide.root),
        h('div', { class: 'panel side' }, side.root),
        ticker,
        notice.root,
        ending.root,
      ),
    );
    this.screen.addEventListener(NOTICE, (e) => {
      const d = (e as CustomEvent<NoticeDetail>).detail;
      notice.show(d.text, d.kind);
    });
    guide.openIfNew();

    this.map = new NetworkMapView(this, (netuid) => this.pick(netuid));
    this.map.attach(this.screen.querySelector<HTMLElement>('[data-hole=map]')!);
    drawOnDemand(true);
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
    let lastLook: Look | null = null;
    const alerts: string[] = [];
    let ended = false;
    this.render = () => {
      const s = this.view.state;
      if (!s?.clock) return;
      status.setClock(s.clock);
      const subnets = subnetsByNetuid<SubnetState>(s.subnets);
      const full = subnets.length >= s.subnetLimit;
      this.map.update(
        subnets.map((x) => toMapSubnet(x, s.clock.block, full)),
        fitStage(this, holeRect(this.screen, 'map')),
        s.subnetLimit,
      );
      // Until the player picks one, look at their own subnet (owner) or the one their UID is in.
      const own = this.view.wallet?.subnets[0] ?? this.view.wallet?.neurons[0]?.netuid;
      if (!this.picked && subnets.length && (this.view.selected === null || (own !== undefined && own !== this.view.selected))) this.select(own ?? subnets[0].netuid);
      const watched = subnets.find((x) => x.netuid === this.view.selected);
      // Each subnet runs its epoch on its own schedule (offset by netuid): the clock shows the watched one's.
      setText(epoch, watched ? `SN${watched.netuid} epoch in ${blocksUntilEpoch(s.clock.block, watched.netuid, s.clock.tempo)}` : `tempo ${s.clock.tempo}`);
      epoch.hidden = s.clock.phase === 'ended';
      subnet.update(watched, s.clock, this.view.detail, this.series, nextPruned({ subnets, subnetLimit: s.subnetLimit }));
      board.update(s.players);
      const latest = feed.update(s.events);
      if (latest) setText(ticker, `#${latest.block} ${latest.text}`);
      actions.refresh();
      const standing = standingOf(s.players, me());
      wallet.update(this.view.wallet, standing);

      // Alerts: what changed for this player since the last look.
      const w = this.view.wallet;
      if (w) {
        const look: Look = { wallet: w, events: recentEvents(s.events, 30), subnets, subnetLimit: s.subnetLimit };
        if (newGameBetween(lastLook, look)) {
          actions.newGame();
          notice.dispose();
        }
        for (const a of alertsBetween(lastLook, look)) {
          alerts.push(a.text);
          notice.show(a.text, 'alert');
          publishDebug({ alerts: [...alerts] });
        }
        lastLook = look;
      }

      if (s.clock.phase === 'ended' && !ended && w) {
        ended = true;
        actions.close();
        notice.dispose();
        result.hidden = false;
        ending.open();
        this.requestSeries();
      }
      if (ended && w) ending.update(standing, personalSummary(me() ?? '', conn.role, w, this.series));
      publishDebug({ block: s.clock.block, phase: s.clock.phase, balance: w?.balance, netWorth: w?.netWorth, pools: Object.fromEntries(subnets.map((x) => [x.netuid, x.taoIn])), positions: w?.positions.map((p) => ({ netuid: p.netuid, alpha: p.alpha })) });
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
      conn.on('error', (e) => publishDebug({ lastError: { code: String(e.code), message: e.message, action: e.action } })),
    ];
    const poll = this.time.addEvent({ delay: SERIES_EVERY_MS, loop: true, callback: () => side.current() === 'subnet' && this.requestSeries() });
    const onResize = () => (this.dirty = true);
    this.scale.on('resize', onResize);
    window.addEventListener('resize', onResize);
    // The map's hole changes size without the window (a phone's tail opened): lay it out again.
    const holeSize = new ResizeObserver(onResize);
    holeSize.observe(this.screen.querySelector<HTMLElement>('[data-hole=map]')!);
    this.events.once('shutdown', () => {
      offs.forEach((off) => off());
      poll.remove();
      actions.dispose();
      notice.dispose();
      this.map.destroy();
      drawOnDemand(false);
      this.scale.off('resize', onResize);
      window.removeEventListener('resize', onResize);
      holeSize.disconnect();
      window.removeEventListener('keydown', onKey);
    });
  }

  update(): void {
    // State patches and messages only mark the screen dirty; it is drawn at most once a frame.
    if (!this.dirty) return;
    this.dirty = false;
    this.render();
  }

  /** The player chose a subnet (map, keyboard, a form's subnet picker): stop following their own. */
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

  /** Leaving keeps the stored session: the same code and role bring this player back to their seat. */
  private async leave(): Promise<void> {
    await this.conn.leave();
    history.replaceState(null, '', window.location.pathname);
    this.scene.start('Lobby');
  }
}
