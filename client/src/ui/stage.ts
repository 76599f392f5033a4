// The Phaser canvas covers only what it draws: the map's hole in the layout, or the whole window
// for the lobby's backdrop. Without a GPU every canvas pixel costs every frame, so a canvas the
// size of the map instead of the window is what keeps a 1080p projector screen smooth.
import type { Scene } from 'phaser';
import type { Box } from '../lib/map_layout.ts';
import { wantFrame } from './frames.ts';

export function fitStage(scene: Scene, rect: DOMRect | null): Box | null {
  const stage = document.getElementById('stage')!;
  const r = rect ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
  const style = `left:${Math.round(r.left)}px;top:${Math.round(r.top)}px;width:${Math.round(r.width)}px;height:${Math.round(r.height)}px`;
  if (stage.getAttribute('style') !== style) {
    stage.setAttribute('style', style);
    scene.scale.getParentBounds();
    scene.scale.refresh();
    wantFrame();
  }
  return { x: 0, y: 0, width: Math.round(r.width), height: Math.round(r.height) };
}
