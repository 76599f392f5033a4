import { describe, expect, it } from 'vitest';
import { fit, labelHeight, labelWidth, sizeForHeight, sizeForWidth, textWidth } from '../../client/src/lib/map_labels.ts';

describe('label sizes', () => {
  // Give or take a pixel: the stroke is drawn in whole px, the sizes assume a sixth of the font.
  it('gives the largest label that fits a height or a width, and no larger', () => {
    for (const room of [30, 44, 90]) {
      const size = sizeForHeight(room);
      expect(labelHeight(size)).toBeLessThanOrEqual(room + 1);
      expect(labelHeight(size + 1)).toBeGreaterThan(room);
    }
    for (const [width, name] of [[80, 'Nineteen'], [150, 'Gradients']] as const) {
      const size = sizeForWidth(width, name.length);
      expect(labelWidth(name, size)).toBeLessThanOrEqual(width + 1);
      expect(labelWidth(name, size + 1)).toBeGreaterThan(width);
    }
  });
  it('keeps a short name as wide as its share line (8 characters)', () => {
    expect(labelWidth('IOTA', 14)).toBe(labelWidth('Nineteen', 14));
  });
  it('fits a caption in whole px, never above the size asked', () => {
    const text = '118 others · 44 % · tap to see them ›';
    expect(fit(text, 2000, 20)).toBe(20);
    const size = fit(text, 300, 20);
    expect(Number.isInteger(size)).toBe(true);
    expect(textWidth(text, size)).toBeLessThanOrEqual(300);
  });
});
