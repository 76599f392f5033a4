import { describe, expect, it } from 'vitest';
import { flowColour, INFLOW, largestFlow, mix, NEUTRAL, OUTFLOW } from '../../client/src/lib/flow_colour.ts';

describe('flow colour', () => {
  it('is neutral for zero, non-finite or no flow on the network', () => {
    expect(flowColour(0, 5)).toBe(NEUTRAL);
    expect(flowColour(Number.NaN, 5)).toBe(NEUTRAL);
    expect(flowColour(3, 0)).toBe(NEUTRAL);
  });
  it('reaches full green or red at the largest flow', () => {
    expect(flowColour(5, 5)).toBe(INFLOW);
    expect(flowColour(-5, 5)).toBe(OUTFLOW);
  });
  it('steps the strength in eighths, a quarter of the way at the least', () => {
    expect(flowColour(2.5, 5)).toBe(mix(NEUTRAL, INFLOW, 0.25 + 0.75 * 0.5));
    expect(flowColour(-0.01, 5)).toBe(mix(NEUTRAL, OUTFLOW, 0.25));
  });
  it('measures against the largest flow either way', () => {
    expect(largestFlow([1, -7, 3])).toBe(7);
    expect(largestFlow([])).toBe(0);
  });
});
