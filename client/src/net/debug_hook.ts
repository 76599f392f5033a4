// A read-only window onto the client for browser tests and curious people: `window.__arena`.
// Tests read it instead of pixels, so they do not depend on how fast a 2-core CI draws.

interface DebugBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ArenaDebug {
  scene: string;
  code?: string;
  role?: string;
  connection?: string;
  block?: number;
  phase?: string;
  /** Frames the renderer has drawn (the frame-rate script divides it by time). */
  frames?: number;
  /** When the first interactive frame was drawn (performance.now(), ms since navigation). */
  interactiveAt?: number;
  balance?: string;
  netWorth?: string;
  /** Pool TAO per netuid, as synced. */
  pools?: Record<number, string>;
  positions?: { netuid: number; alpha: string }[];
  lastError?: { code: string; message: string; action: string } | null;
  /** The big screen's spotlit subnet (null once the game is over: the tour stops). */
  spotlight?: number | null;
  /**
   * The network map as drawn, in canvas px: grouped or one grid, the part shown, its captions (a
   * caption that `opens` a part is a tap target), each node with its label's size (0: unlabeled) and
   * its tap target (`hit`, null: tapped with its group), how far its rings reach from its centre,
   * and every label's box as drawn.
   */
  map?: {
    grouped: boolean;
    focus: 'all' | 'tail';
    captions: { text: string; size: number; box: DebugBox; opens: 'all' | 'tail' | null }[];
    nodes: { netuid: number; label: string; x: number; y: number; radius: number; reach: number; prune: boolean; labelSize: number; hit: DebugBox | null }[];
    labels: ({ text: string } & DebugBox)[];
  };
  /** Alerts shown to this player, oldest first. */
  alerts?: string[];
}

declare global {
  interface Window {
    __arena?: ArenaDebug;
  }
}

export function publishDebug(patch: Partial<ArenaDebug>): void {
  window.__arena = { ...(window.__arena ?? { scene: 'Boot' }), ...patch };
}
