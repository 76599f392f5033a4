import { describe, expect, it } from 'vitest';
import { playerId } from '../../shared/game/index.ts';
import type { World } from '../../shared/game/world.ts';
import { newGame } from './helpers.ts';

/** Each UID's true quality worked out from nothing: an incumbent miner's fixed one, a player miner's own, else 0. */
function reference(w: World, netuid: number): number[] {
  const s = w.chain.subnet(netuid as never);
  if (!s) return [];
  return s.neurons.map((n) => {
    for (const inc of w.g.incumbents) if (n.hotkey in inc.minerQuality) return inc.minerQuality[n.hotkey];
    const p = w.g.players.find((x) => x.hotkey === n.hotkey);
    return p?.role === 'miner' ? p.quality : 0;
  });
}

describe('true qualities', () => {
  it('follow every UID that changes hands, block after block', () => {
    const game = newGame('workshop', {}, 5);
    const w = (game as unknown as { w: World }).w;
    const hotkeysSeen = new Map<string, string>();
    let changedHands = 0;
    // UIDs start changing hands once the slots fill, some 2,400 blocks in; 4,000 blocks see dozens.
    for (let b = 0; b < 4000; b++) {
      // Miners keep arriving, so full subnets replace UIDs, and change their effort (and quality).
      if (b % 40 === 0) game.join(playerId(`m${b}`), { name: `m${b}`, role: 'miner' });
      if (b % 40 === 20) for (const p of game.players()) if (p.role === 'miner') game.act(p.id, { type: 'set_effort', effort: (b % 7) / 7 });
      game.step();
      for (const netuid of game.subnetIds()) {
        expect(game.trueQualities(netuid)).toEqual(reference(w, netuid));
        w.chain.subnet(netuid)!.neurons.forEach((n, j) => {
          const key = `${netuid}/${j}`;
          if (hotkeysSeen.has(key) && hotkeysSeen.get(key) !== n.hotkey) changedHands++;
          hotkeysSeen.set(key, n.hotkey);
        });
      }
    }
    // The run did replace UIDs (or it would not test the caching).
    expect(changedHands).toBeGreaterThan(10);
  });
});
