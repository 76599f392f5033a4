import { Scene } from 'phaser';
import { publishDebug } from '../net/debug_hook.ts';

// Boot: nothing to load yet; hand over to the preloader, which has something to show.
export class Boot extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    publishDebug({ scene: 'Boot' });
    this.scene.start('Preloader');
  }
}
