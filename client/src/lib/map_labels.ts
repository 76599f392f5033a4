// How large the map's labels are and how much room they take, estimated from the font size as
// Phaser draws them (bold system-ui, a dark stroke): what the layout sizes names and captions by.

/** Bold labels: the longest name must fit its cell at this many px per character and em. */
const CHAR_EM = 0.66;

/** The dark stroke around a label's letters, px: what keeps it legible over nodes and frames. */
export const labelStroke = (size: number): number => Math.max(3, Math.round(size / 6));
/** A node's label is two lines, the name then flow and share: each line 1.3 em of font and the stroke, the second pulled up by the stroke (as drawn). */
export const labelHeight = (size: number): number => 2.6 * size + labelStroke(size);
/** Width of a node's label (the share line is 8 characters) in bold, estimated. */
export const labelWidth = (label: string, size: number): number => Math.max(8, label.length) * size * CHAR_EM + 2 * labelStroke(size);
/** A caption's width (one line) in bold, estimated. */
export const textWidth = (text: string, size: number): number => text.length * size * CHAR_EM + 2 * labelStroke(size);
/** The largest two-line label whose height fits `height`. */
export const sizeForHeight = (height: number): number => Math.min((height - 3) / 2.6, height / (2.6 + 1 / 6));
/** The largest label whose width fits `width` with `chars` characters. */
export const sizeForWidth = (width: number, chars: number): number => Math.min((width - 6) / (chars * CHAR_EM), width / (chars * CHAR_EM + 1 / 3));
/** The size, whole px and at most `size`, at which a one-line `text` fits `width`. */
export const fit = (text: string, width: number, size: number): number => Math.floor(Math.min(size, sizeForWidth(width, text.length)));
