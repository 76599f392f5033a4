import { Scene } from 'phaser';
import { publishDebug } from '../net/debug_hook.ts';

// Preloader: a progress bar while the assets load, then the lobby.
export class Preloader extends Scene {
  constructor() {
    super('Preloader');
  }

  init(): void {
    publishDebug({ scene: 'Preloader' });
    const { width, height } = this.scale;
    const barWidth = Math.min(420, width * 0.7);
    const x = (width - barWidth) / 2;
    const y = height / 2;
    this.add.text(width / 2, y - 36, 'Subnet Arena', { fontFamily: 'system-ui, sans-serif', fontSize: '24px', color: '#e2e8f0' }).setOrigin(0.5);
    this.add.rectangle(width / 2, y, barWidth + 4, 18).setStrokeStyle(1, 0x38bdf8);
    const bar = this.add.rectangle(x + 2, y, 1, 12, 0x38bdf8).setOrigin(0, 0.5);
    const label = this.add.text(width / 2, y + 26, 'loading…', { fontFamily: 'system-ui, sans-serif', fontSize: '13px', color: '#8a98b3' }).setOrigin(0.5);
    this.load.on('progress', (p: number) => {
      bar.width = Math.max(1, (barWidth - 4) * p);
      label.setText(`loading… ${Math.round(p * 100)} %`);
    });
  }

  preload(): void {
    this.load.setPath('./');
    this.load.svg('logo', 'logo.svg', { width: 160, height: 160 });
  }

  create(): void {
    this.scene.start('Lobby');
  }
}
