// A subnet keeps its colour for the whole game, on every chart and on the map: the key is the
// netuid, never the rank, so a change of leader does not repaint the room's memory of who is who.

const PALETTE = ['#38bdf8', '#22c55e', '#f59e0b', '#a78bfa', '#f472b6', '#2dd4bf', '#facc15', '#fb923c', '#60a5fa', '#e879f9', '#a3e635', '#f87171'];

export const subnetColour = (netuid: number): string => PALETTE[(((netuid - 1) % PALETTE.length) + PALETTE.length) % PALETTE.length];

/** Colours for things that are not subnets (players in a race): by their place in a fixed list. */
export const seriesColour = (i: number): string => PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
