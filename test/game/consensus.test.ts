import { describe, expect, it } from 'vitest';
import { netuid } from '../../shared/engine/index.ts';
import { Game, playerId } from '../../shared/game/index.ts';
import { run, scenario } from './helpers.ts';

describe('validators against consensus', () => {
  it('a colluding validator is clipped: less trust and fewer dividends than an honest one with less stake', () => {
    const game = Game.create(scenario('workshop', { bots: [] }), 21);
    const sn = netuid(1);
    // Same kit (a UID and self-stake), same subnet; the cartel joins first, so it buys its stake cheaper and holds more.
    const colluding = game.join(playerId('cartel'), { name: 'Cartel', role: 'validator', bot: 'colluding', netuid: sn });
    const honest = game.join(playerId('honest'), { name: 'Honest', role: 'validator', bot: 'honest', netuid: sn });
    if (!honest.ok || !colluding.ok) throw new Error('bots could not join');
    run(game, game.chain.state.params.tempo * 12);
    const info = game.subnetInfo(sn)!;
    const [h, c] = [honest, colluding].map((b) => info.neurons.find((n) => n.player === b.player.id)!);
    expect(h.validatorPermit && c.validatorPermit).toBe(true);
    expect(c.stake).toBeGreaterThan(h.stake);
    expect(c.validatorTrust).toBeLessThan(h.validatorTrust);
    expect(c.dividends).toBeLessThan(h.dividends);
    expect(game.botRefusals).toEqual([]);
  });
});
