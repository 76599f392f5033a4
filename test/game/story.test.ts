// The room's story lives in the game's state: a restore (a server restart, a fork) tells the same
// story as the game that was never stopped, and a pruned subnet is told by the name it had.
import { describe, expect, it } from 'vitest';
import { coldkey, hotkey, netuid, tao } from '../../shared/engine/index.ts';
import { Game, newStory, noteStory } from '../../shared/game/index.ts';
import { newGame, run } from './helpers.ts';

describe('the story', () => {
  it('is in the snapshot: a restored game tells what happened before it was stopped, and goes on the same', () => {
    const game = newGame('workshop', {}, 5);
    run(game, 100);
    expect(game.trigger({ type: 'market_shock', fraction: 0.3 }).ok).toBe(true);
    expect(game.trigger({ type: 'inflow_surge', netuid: 1, tao: tao(50), blocks: 10 }).ok).toBe(true);
    run(game, 20);
    const told = game.story.filter((e) => e.type === 'event').map((e) => e.type === 'event' && e.event);
    expect(told).toEqual(['market_shock', 'inflow_surge']);
    const restored = Game.restore(JSON.parse(JSON.stringify(game.snapshot())));
    expect(restored.story).toEqual(game.story);
    for (const g of [game, restored]) g.trigger({ type: 'halving_now' });
    run(game, 10);
    run(restored, 10);
    expect(restored.story).toEqual(game.story);
  });

  it('tells a game restored from a snapshot older than the story from the restore on', () => {
    const game = newGame('workshop', {}, 5);
    game.trigger({ type: 'market_shock', fraction: 0.1 });
    const snap = game.snapshot() as { game: Record<string, unknown> };
    delete (snap.game as { story?: unknown }).story;
    const restored = Game.restore(snap);
    expect(restored.story).toEqual([]);
    restored.trigger({ type: 'halving_now' });
    expect(restored.story.map((e) => e.type)).toEqual(['event']);
  });

  it('names a pruned subnet as it was called before the prune, even when its netuid is re-registered in the same step', () => {
    const story = newStory({ 3: { name: 'Data', product: '' } });
    const owner = coldkey('o');
    noteStory(story, [{ type: 'subnet_named', block: 5, netuid: netuid(3), name: 'Old Data', product: '' }]);
    noteStory(story, [
      { type: 'subnet_pruned', block: 9, netuid: netuid(3), owner, refunded: tao(12), recycled: 0n },
      { type: 'subnet_registered', block: 9, netuid: netuid(3), owner, hotkey: hotkey('h'), lockCost: tao(100) },
    ]);
    expect(story.events).toEqual([
      { type: 'pruned', block: 9, netuid: 3, name: 'Old Data', refunded: 12 },
      { type: 'registered', block: 9, netuid: 3, owner: 'o' },
    ]);
    expect(story.names[3]).toBe('SN3');
  });
});
