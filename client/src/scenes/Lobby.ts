import { type GameObjects, Scene } from 'phaser';
import { PRESETS } from '../../../shared/game/presets.ts';
import type { GameListing, JoinRole } from '../../../shared/protocol/index.ts';
import { readLink } from '../lib/join_link.ts';
import { presetHelp } from '../lib/preset_help.ts';
import { httpOrigin } from '../lib/server_url.ts';
import { lastName, pageStore, rememberName } from '../lib/session_store.ts';
import { Connection } from '../net/connection.ts';
import { publishDebug } from '../net/debug_hook.ts';
import { watchAnnouncements } from '../ui/announcement_banner.ts';
import { mount } from '../ui/dom.ts';
import { lobbyScreen, type LobbyScreen } from '../ui/lobby_screen.ts';
import { NetworkMapView } from '../ui/network_map_view.ts';
import { fitStage } from '../ui/stage.ts';

/** The screen a session opens on: the creator runs the room, spectators watch, players play. */
export function sceneFor(c: Connection): 'Facilitator' | 'Spectator' | 'Play' {
  if (c.facilitatorToken && c.role === 'spectator') return 'Facilitator';
  return c.role === 'spectator' ? 'Spectator' : 'Play';
}

// Lobby: create, join by code (or ?code= link), browse public games, quick play.
export class Lobby extends Scene {
  private ui!: LobbyScreen;
  private backdrop?: NetworkMapView;
  private logo?: GameObjects.Image;

  constructor() {
    super('Lobby');
  }

  create(): void {
    publishDebug({ scene: 'Lobby', code: undefined, role: undefined, block: undefined });
    this.drawBackdrop();
    this.scale.on('resize', this.drawBackdrop, this);
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.drawBackdrop, this);
      this.backdrop?.destroy();
      this.backdrop = undefined;
      this.logo = undefined;
    });

    const link = readLink(window.location.search);
    const presets = Object.values(PRESETS).map((p) => ({
      name: p.name,
      help: presetHelp({ name: p.name, subnets: p.subnets.length, slots: p.chain.subnetLimit, blocksPerSecond: p.game.blocksPerSecond, durationBlocks: p.game.durationBlocks, tempo: p.chain.tempo }),
    }));
    this.ui = lobbyScreen(presets, { code: link.code, name: lastName(localStorage) ?? '' }, {
      join: (code, name, role) => this.enter(() => Connection.join(code, { name, role })),
      create: (options) => this.enter(() => Connection.create(options)),
      quickPlay: (name, role) => this.enter(() => this.quickPlay(name, role)),
      refreshGames: () => void this.loadGames().then((g) => this.ui.setGames(g)),
    });
    mount(this.ui.root);
    publishDebug({ interactiveAt: performance.now() });

    // The projector's &watch link opens the big screen straight away, even in the facilitator's own
    // browser (its saved seat is left alone); a link with a code this browser played before resumes
    // by itself (a refresh mid-game).
    if (link.code) {
      const stored = Connection.stored(link.code);
      if (link.watch) this.enter(() => Connection.join(link.code!, { name: 'Big screen', role: 'spectator' }, pageStore()));
      else if (stored) this.enter(() => Connection.join(link.code!, { name: stored.name, role: stored.role as JoinRole }));
    }
  }

  private async enter(connect: () => Promise<Connection>): Promise<void> {
    this.ui.setError(null);
    this.ui.setBusy('connecting…');
    try {
      const connection = await connect();
      // The big screen's own name is not a person's: keep the one the lobby remembers.
      if (connection.role !== 'spectator' || connection.facilitatorToken) rememberName(localStorage, connection.welcome?.name ?? '');
      const url = new URL(window.location.href);
      url.search = `?code=${connection.code}${connection.role === 'spectator' && !connection.facilitatorToken ? '&watch' : ''}`;
      history.replaceState(null, '', url);
      // The facilitator wrote the message; a banner over its controls would only be in the way.
      if (sceneFor(connection) !== 'Facilitator') watchAnnouncements(connection);
      this.scene.start(sceneFor(connection), { connection });
    } catch (e) {
      this.ui.setBusy(null);
      this.ui.setError(joinErrorText(e));
    }
  }

  private async loadGames(): Promise<GameListing[] | null> {
    try {
      const res = await fetch(`${httpOrigin(window.location)}/api/games`);
      return res.ok ? ((await res.json()) as GameListing[]) : null;
    } catch {
      return null;
    }
  }

  /** The server picks a public game with a free seat, or opens one that bots keep full. */
  private async quickPlay(name: string, role: JoinRole): Promise<Connection> {
    const res = await fetch(`${httpOrigin(window.location)}/api/quickplay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const body = (await res.json()) as { code?: string; message?: string };
    if (!res.ok || !body.code) throw new Error(body.message ?? 'quick play is not available');
    return Connection.join(body.code, { name, role });
  }

  /** A quiet, made-up network behind the card: the game's look before the game. */
  private drawBackdrop(): void {
    this.backdrop ??= new NetworkMapView(this, undefined, true);
    const box = fitStage(this, null)!;
    const fake = Array.from({ length: 32 }, (_, i) => ({
      netuid: i + 1,
      name: '',
      poolTao: 1000 / (i + 1),
      netFlow: Math.sin(i * 2.3),
      emissionShare: 1 / (i + 2),
      pruneCandidate: false,
      immune: false,
    }));
    this.backdrop.update(fake, box, 32);
    // The logo sits in the corner where a wide screen leaves room beside the card.
    this.logo ??= this.add.image(0, 0, 'logo').setOrigin(0, 0).setDisplaySize(72, 72);
    this.logo.setPosition(16, 16).setVisible(box.width >= 900);
  }
}

function joinErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/not found|no rooms found|locked/i.test(message)) return 'No game with that code is open. Check the code on the big screen.';
  if (/fetch|network|ECONNREFUSED/i.test(message)) return 'The game server cannot be reached.';
  return message || 'Could not join.';
}
