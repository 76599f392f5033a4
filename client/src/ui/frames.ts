// Frames drawn on demand. Without a GPU, every frame Phaser renders costs the whole canvas (clear,
// draw, composite) whether or not anything moved: on a 1080p projector that, not the map's own
// drawing, was where the frames went. The play and big screens change only when a patch or a
// pointer changes what they show, so there Phaser renders only when asked; updates, input and
// timers still run every frame.
import type { Game } from 'phaser';

let onDemand = false;
let wanted = true;

/** Called once the game has booted (config `callbacks.postBoot`), before its loop starts. */
export function stepOnDemand(game: Game): void {
  const step = game.step.bind(game);
  const idle = game.headlessStep.bind(game);
  game.step = (time: number, delta: number) => {
    if (!onDemand || wanted) {
      step(time, delta);
      wanted = false;
    } else idle(time, delta);
  };
  // A resized canvas comes back blank: it needs a frame even if nothing on it changed.
  game.scale.on('resize', wantFrame);
}

/** A scene that draws only on change turns this on when it starts and off when it shuts down. */
export function drawOnDemand(on: boolean): void {
  onDemand = on;
  wanted = true;
}

/** Something on the canvas changed: render the next frame. */
export function wantFrame(): void {
  wanted = true;
}
