import { Scene } from 'phaser';
import type { ArenaState, PlayerState, SubnetState } from '../../../shared/protocol/schema.ts';
import { CONTROL_TYPES, CONTROLS, MAX_ANNOUNCEMENT, MAX_SPEED, PLAYER_ROLES, SCENARIO_EVENTS } from '../../../shared/protocol/index.ts';
import { leaderboard, subnetsByNetuid } from '../lib/arena.ts';
import { signed, subnetTitle, taoText } from '../lib/format.ts';
import { headcount, removal } from '../lib/roster.ts';
import { joinLink } from '../lib/join_link.ts';
import { httpOrigin } from '../lib/server_url.ts';
import type { Connection } from '../net/connection.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { liveSelect } from '../ui/action_form.ts';
import { debriefPanel } from '../ui/debrief_panel.ts';
import { h, mount, setText } from '../ui/dom.ts';
import { eventFeed } from '../ui/event_feed.ts';
import { joinTarget } from '../ui/join_target.ts';
import { qrCode } from '../ui/qr_code.ts';
import { fitStage } from '../ui/stage.ts';
import { statusBar } from '../ui/status_bar.ts';

// Facilitator: the join code big with its QR code, the room's controls, players and bots,
// exports, and the end-of-game summary for the debrief.
export class Facilitator extends Scene {
  private conn!: Connection;
  private state: ArenaState | null = null;
  private dirty = true;
  private render!: () => void;

  constructor() {
    super('Facilitator');
  }

  init(data: { connection: Connection }): void {
    this.conn = data.connection;
    this.state = null;
  }

  create(): void {
    const conn = this.conn;
    publishDebug({ scene: 'Facilitator', code: conn.code, role: 'facilitator' });
    // Nothing is drawn behind the panels here: an empty canvas costs frames for nothing.
    fitStage(this, new DOMRect(0, 0, 1, 1));
    const origin = httpOrigin(window.location);
    const joinBox = h('div', { class: 'stack', style: 'justify-items:center;gap:12px' });
    const lanNote = h('p', { class: 'warn-box', testid: 'lan-warning', hidden: true });
    joinTarget(conn.code, ({ url, warning }) => {
      joinBox.replaceChildren(qrCode(url, 'qr'), h('div', { class: 'url', testid: 'join-url' }, url));
      lanNote.hidden = warning === null;
      lanNote.textContent = warning ?? '';
    });
    const status = statusBar();
    const message = h('p', { class: 'error', testid: 'control-error', role: 'alert' });
    const control = (type: Parameters<Connection['control']>[0], payload: object = {}) => {
      message.textContent = conn.control(type, payload as never) ? '' : 'Not connected.';
    };

    // Room controls
    const start = h('button', { class: 'primary', testid: 'start', onclick: () => control('start') }, 'Start');
    const pause = h('button', { testid: 'pause', onclick: () => control('pause') }, 'Pause');
    const resume = h('button', { class: 'primary', testid: 'resume', onclick: () => control('resume') }, 'Resume');
    const speed = h('input', { type: 'range', min: '-2', max: String(Math.log2(MAX_SPEED)), step: '0.5', value: '0', testid: 'speed' });
    const speedText = h('span', { class: 'num' }, '×1');
    speed.addEventListener('input', () => (speedText.textContent = `×${+(2 ** Number(speed.value)).toFixed(2)}`));
    speed.addEventListener('change', () => control('set_speed', { speed: +(2 ** Number(speed.value)).toFixed(2) }));
    // The practice round ends here, not with End game (a game that has ended cannot be reset); shown only during a practice.
    const realGame = h(
      'button',
      { testid: 'start-real-game', onclick: () => confirm('End the practice? Every kit is restored and the real game starts from block 0; everyone keeps their seat.') && control('start_real_game') },
      CONTROLS.start_real_game.label,
    );
    const end = h('button', { class: 'danger', testid: 'end', onclick: () => confirm('End the game for everyone?') && control('end_game') }, 'End game');

    // Scenario events
    const shock = h('input', { inputMode: 'decimal', value: '30', style: 'width:80px', testid: 'shock' });
    const surgeNet = liveSelect('surge-subnet');
    const surgeAmount = h('input', { inputMode: 'decimal', value: '2740', style: 'width:90px', testid: 'surge-amount' });
    const surgeBlocks = h('input', { inputMode: 'numeric', value: '150', style: 'width:80px', testid: 'surge-blocks' });
    const events = h(
      'div',
      { class: 'stack' },
      h('div', { class: 'row' }, h('button', { testid: 'event-halving', onclick: () => control('trigger_event', { event: { type: 'halving_now' } }) }, SCENARIO_EVENTS.halving_now.label), h('span', { class: 'help' }, SCENARIO_EVENTS.halving_now.help)),
      h('div', { class: 'row' }, h('button', { testid: 'event-shock', onclick: () => control('trigger_event', { event: { type: 'market_shock', fraction: Number(shock.value) / 100 } }) }, SCENARIO_EVENTS.market_shock.label), shock, h('span', { class: 'help' }, SCENARIO_EVENTS.market_shock.help)),
      h('div', { class: 'row' }, h('button', { testid: 'event-surge', onclick: () => control('trigger_event', { event: { type: 'inflow_surge', netuid: Number(surgeNet.el.value), tao: surgeAmount.value.trim(), blocks: Number(surgeBlocks.value) } }) }, SCENARIO_EVENTS.inflow_surge.label), surgeNet.el, surgeAmount, 'τ over', surgeBlocks, 'blocks'),
    );

    // Bots
    const botRole = h('select', {}, ...PLAYER_ROLES.map((r) => h('option', { value: r }, r)));
    const botCount = h('input', { inputMode: 'numeric', value: '1', style: 'width:60px' });
    const addBots = h('button', { testid: 'add-bots', onclick: () => control('add_bots', { role: botRole.value, count: Number(botCount.value) || 1 }) }, 'Add bots');

    // Words for every screen, with or without a pause while people read them.
    const tellText = h('input', { testid: 'announce-text', maxLength: MAX_ANNOUNCEMENT, placeholder: 'A message for every screen in the room' });
    const tell = (pause: boolean) => tellText.value.trim() && control('announce', { text: tellText.value.trim(), pause });
    const announce = h('div', { class: 'tell' }, tellText, h('button', { testid: 'announce', onclick: () => tell(false) }, 'Send to every screen'), h('button', { testid: 'announce-pause', onclick: () => tell(true) }, 'Pause and show'));

    // The roster: people and bots counted; tick seats and remove them in one go.
    const headline = h('span', { class: 'headcount grow', testid: 'headcount' });
    const picked = new Set<string>();
    let roster: PlayerState[] = [];
    const removeSelected = h('button', { testid: 'remove-selected', disabled: true }, 'Remove selected');
    const pickBots = h('button', { testid: 'select-bots' }, 'Select all bots');
    const refreshPicks = () => {
      removeSelected.disabled = picked.size === 0;
      removeSelected.textContent = picked.size > 0 ? `Remove ${picked.size} selected` : 'Remove selected';
      playersKey = '';
      this.dirty = true;
    };
    pickBots.addEventListener('click', () => {
      for (const p of roster) if (p.bot && !p.removed) picked.add(p.id);
      refreshPicks();
    });
    removeSelected.addEventListener('click', () => {
      const gone = roster.filter((p) => picked.has(p.id) && !p.removed);
      const people = gone.filter((p) => !p.bot).length;
      if (gone.length === 0 || (people > 0 && !confirm(`Remove ${gone.length} seats (${people} of them people)? Their wallets stay on the board.`))) return;
      for (const p of gone) control(...removal(p));
      picked.clear();
      refreshPicks();
    });

    // Exports
    // The token goes in a header, not the address (which proxies log and browsers keep in history).
    const exportLink = (file: string) => {
      const href = `${origin}/api/games/${conn.code}/${file}`;
      const download = async () => {
        const res = await fetch(href, { headers: { authorization: `Bearer ${conn.facilitatorToken ?? ''}` } });
        if (!res.ok) return void alert(`Export failed (${res.status})`);
        const save = h('a', { href: URL.createObjectURL(await res.blob()), download: `${conn.code}-${file}` });
        save.click();
        setTimeout(() => URL.revokeObjectURL(save.href), 10_000);
      };
      return h('a', { href, style: 'color:var(--accent)', onclick: (e: Event) => (e.preventDefault(), void download()) }, file);
    };

    const players = h('tbody', {});
    let playersKey = '';
    const feed = eventFeed('events', 12);
    const summary = debriefPanel((page) => control('show_debrief', { page }));
    const screenEl = mount(
      h(
        'div',
        { class: 'screen facilitate', testid: 'facilitator' },
        h(
          'div',
          { class: 'panel join' },
          h('h2', {}, 'Join at'),
          h('div', { class: 'code', testid: 'fac-code' }, conn.code),
          lanNote,
          joinBox,
          h('a', { href: joinLink(origin, conn.code, true), target: '_blank', style: 'color:var(--accent)', testid: 'big-screen-link' }, 'Open the big screen'),
        ),
        h(
          'div',
          { class: 'panel controls stack' },
          h('div', { class: 'row' }, status.badge, h('span', {}, 'Block ', status.block), status.phase, status.clock),
          h('div', { class: 'row' }, start, pause, resume, h('label', { class: 'row' }, 'Speed', speed, speedText), h('span', { class: 'grow' }), realGame, end),
          h('h2', {}, 'Events'),
          events,
          h('h2', {}, 'Tell the room'),
          announce,
          h('div', { class: 'row' }, h('h2', { style: 'margin:0' }, 'Export'), exportLink('results.csv'), exportLink('results.json'), exportLink('series.csv'), exportLink('series.json')),
          message,
        ),
        h(
          'div',
          { class: 'panel players stack' },
          h('div', { class: 'row' }, h('h2', { style: 'margin:0' }, 'Players'), headline, botRole, botCount, addBots),
          h('div', { class: 'row' }, pickBots, removeSelected),
          h('table', { testid: 'players' }, h('thead', {}, h('tr', {}, ...['', '#', 'Name', 'Role', 'Net worth', 'Change', ''].map((c) => h('th', {}, c)))), players),
          h('h2', {}, 'Recent events'),
          feed.root,
        ),
        summary.root,
      ),
    );

    this.render = () => {
      const s = this.state;
      if (!s?.clock) return;
      status.setClock(s.clock);
      const phase = s.clock.phase;
      start.hidden = phase !== 'lobby';
      pause.hidden = phase !== 'running';
      resume.hidden = phase !== 'paused';
      end.hidden = phase === 'ended';
      realGame.hidden = phase === 'ended' || !s.clock.practice;
      events.hidden = phase === 'ended';
      surgeNet.setOptions(subnetsByNetuid<SubnetState>(s.subnets).map((x) => [String(x.netuid), subnetTitle(x.netuid, x.name)]));
      screenEl.classList.toggle('ended', phase === 'ended');
      const rows = leaderboard<PlayerState>(s.players, true);
      roster = rows;
      const count = headcount(rows);
      setText(headline, `${count.people} ${count.people === 1 ? 'person' : 'people'} · ${count.bots} bots${count.away > 0 ? ` · ${count.away} away` : ''}${count.removed > 0 ? ` · ${count.removed} removed` : ''}`);
      const key = rows.map((p) => `${p.id}:${p.rank}:${p.netWorth}:${p.removed}:${p.connected}`).join('|');
      if (key !== playersKey) {
        playersKey = key;
        players.replaceChildren(
          ...rows.map((p) =>
            h(
              'tr',
              { style: p.removed ? 'opacity:0.5' : undefined },
              h('td', { class: 'pick' }, p.removed ? null : h('input', { type: 'checkbox', checked: picked.has(p.id), 'aria-label': `select ${p.name}`, onchange: (e: Event) => ((e.target as HTMLInputElement).checked ? picked.add(p.id) : picked.delete(p.id), refreshPicks()) })),
              h('td', { class: 'num' }, p.rank),
              h('td', {}, p.name, p.bot ? h('span', { class: 'badge', style: 'margin-left:6px' }, 'bot') : null, !p.bot && !p.connected ? h('span', { class: 'muted' }, ' (away)') : null),
              h('td', { class: 'muted' }, p.role),
              h('td', { class: 'num' }, taoText(p.netWorth)),
              h('td', { class: `num ${Number(p.change) >= 0 ? 'good' : 'bad'}` }, signed(p.change)),
              h('td', {}, p.removed ? 'removed' : h('button', { onclick: () => (p.bot || confirm(`Remove ${p.name}? Their wallet stays on the board.`)) && control(...removal(p)) }, 'Remove')),
            ),
          ),
        );
      }
      feed.update(s.events);
      publishDebug({ block: s.clock.block, phase });
    };

    const offs = [
      conn.onState((st) => ((this.state = st), (this.dirty = true))),
      conn.onStatus((st) => (status.setStatus(st), publishDebug({ connection: st }))),
      // A refused control (wrong token, bad event settings) is answered here, under the controls.
      conn.on('error', (e) => {
        if ((CONTROL_TYPES as readonly string[]).includes(e.action)) message.textContent = e.message;
      }),
      conn.on('results', (r) => {
        summary.results(r);
        conn.send('get_series', { maxPoints: 200 });
        conn.send('get_debrief', {});
      }),
      conn.on('series', (v) => summary.series(v)),
      conn.on('debrief', (d) => summary.debrief(d)),
    ];
    const onResize = () => (this.dirty = true);
    window.addEventListener('resize', onResize);
    this.events.once('shutdown', () => {
      offs.forEach((off) => off());
      window.removeEventListener('resize', onResize);
    });
  }

  update(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.render();
  }
}
