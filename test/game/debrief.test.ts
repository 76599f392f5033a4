import { describe, expect, it } from 'vitest';
import { debrief, type DebriefInput, newStory, noteStory } from '../../shared/game/index.ts';
import type { SeriesData } from '../../shared/game/index.ts';

/** A made-up game: SN1 steady, SN2 whose flow turns up at block 200 and whose share climbs after it, SN3 starved then pruned at 700. */
function game(): DebriefInput {
  const series: SeriesData = { blocks: [], subnets: [], epochs: [], worth: [] };
  for (let b = 0; b <= 1000; b += 50) {
    const emission = b < 500 ? 1 : 0.5;
    series.blocks.push([b, 0, emission, 0, 3, 1, 0.5]);
    const flow2 = b < 200 ? -0.1 : 0.5;
    const share2 = b < 250 ? 0.1 : Math.min(0.7, 0.1 + (b - 250) / 500);
    series.subnets.push([b, 1, 1, 1, 0.2, 1 - share2 - 0.05, 5000, 5000]);
    series.subnets.push([b, 2, 2, 2, flow2, share2, 3000, 1500]);
    if (b < 700) series.subnets.push([b, 3, 0.1, 0.1, -0.2, 0.05, 4000, 40000]);
    series.epochs.push([b, 1, 10, 0, 0, 4, 0, 0, 0, b < 500 ? 1 : 0.5]);
    series.worth.push([b, 0, 1000 + b], [b, 1, 500 - b / 10]);
  }
  const log = newStory({ 3: { name: 'SN3', product: '' } });
  noteStory(log, [{ type: 'subnet_pruned', block: 700, netuid: 3 as never, owner: 'x' as never, refunded: 1234n * 10n ** 9n, recycled: 0n }]);
  noteStory(log, [{ type: 'scenario_event', block: 600, event: { type: 'market_shock', fraction: 0.3 } }]);
  return {
    startBlock: 0,
    block: 1000,
    blocksPerSecond: 5,
    tempo: 50,
    immunity: 300,
    series,
    players: [
      { id: 'a', name: 'Ann', role: 'staker', bot: false, startWorth: 1000, change: 1000, emissionIncome: 300, priceGains: 700 },
      { id: 'b', name: 'Whale', role: 'validator', bot: true, startWorth: 500, change: -100, emissionIncome: 20, priceGains: -120 },
    ],
    names: { 1: 'SN1 Inference', 2: 'SN2 Training', 3: 'SN3 Data' },
    story: log.events,
    validators: [
      { name: 'Vera', bot: false, netuid: 1, trust: 0.4, dividendShare: 0.05, stakeShare: 0.25, subnetDividends: 4 },
      { name: 'Honest', bot: true, netuid: 1, trust: 1, dividendShare: 0.95, stakeShare: 0.75, subnetDividends: 4 },
    ],
  };
}

describe("the debrief from the room's own game", () => {
  const d = debrief(game());
  const page = (topic: string) => d.pages.find((p) => p.topic === topic)!;

  it('names the subnet the flywheel lifted and when its flow turned, before its share', () => {
    const text = page('flywheel').answer.join(' ');
    expect(text).toMatch(/SN2 Training climbed from 10 % to 70 %/);
    expect(text).toMatch(/turned up at block 200/);
    expect(page('flywheel').chart.marks[0].block).toBe(200);
  });

  it('finds the halving and what it did to emission income', () => {
    const text = page('halving').answer.join(' ');
    expect(text).toMatch(/At block 500 TAO emission halved \(1 → 0.5 τ a block\)/);
    expect(text).toMatch(/-50 %/);
  });

  it('explains the pruning by the EMA price, not the pool', () => {
    const text = page('pruning').answer.join(' ');
    expect(text).toMatch(/At block 700 SN3 was pruned/);
    expect(text).toMatch(/0.100 τ\/α/);
    expect(text).toMatch(/SN2 Training had less TAO/);
    expect(text).toMatch(/1,234 τ/);
  });

  it("says whose weights were clipped and what it cost", () => {
    const text = page('clipping').answer.join(' ');
    expect(text).toMatch(/Vera on SN1 Inference: 60 % of its weight was clipped/);
    expect(text).toMatch(/about 0.8 τ less an epoch/);
    expect(text).not.toMatch(/Honest/);
  });

  it('splits emission income from price gains per role, and tells the story', () => {
    expect(page('income').answer.join(' ')).toMatch(/stakers \(1\): \+300 τ from emission, \+700 τ from price/);
    expect(page('income').chart.series.map((s) => s.values[0])).toEqual([20, -120, 300, 700]);
    expect(d.story[0]).toMatch(/Ann finished first as a staker/);
    expect(d.story.join(' ')).toMatch(/market shock at block 600/);
  });

  it('every page has a chart with data', () => {
    for (const p of d.pages) expect(p.chart.series.length, p.topic).toBeGreaterThan(0);
  });
});
