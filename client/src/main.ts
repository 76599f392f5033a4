// The one game config: Phaser draws the network into #stage; every input lives in the #ui overlay.
import { AUTO, Game, Scale } from 'phaser';
import { Boot } from './scenes/Boot.ts';
import { Facilitator } from './scenes/Facilitator.ts';
import { Lobby } from './scenes/Lobby.ts';
import { Play } from './scenes/Play.ts';
import { Preloader } from './scenes/Preloader.ts';
import { Spectator } from './scenes/Spectator.ts';
import { publishDebug } from './net/debug_hook.ts';
import { stepOnDemand } from './ui/frames.ts';

publishDebug({ scene: 'Boot' });

new Game({
  type: AUTO,
  parent: 'stage',
  backgroundColor: '#0b1020',
  // The canvas starts at the window's size; each scene then fits #stage to what it draws (ui/stage.ts):
  // the map's hole in the overlay's layout, or the whole window for the lobby's backdrop.
  scale: { mode: Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  // Nothing moves on its own between patches except small highlights; 60 fps is plenty and a
  // projector laptop stays cool.
  fps: { target: 60 },
  callbacks: { postBoot: stepOnDemand },
  scene: [Boot, Preloader, Lobby, Play, Spectator, Facilitator],
});
