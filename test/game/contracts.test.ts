import { describe, expect, it } from 'vitest';
import { tao } from '../../shared/engine/index.ts';
import { parseScenarioEvent, playerId } from '../../shared/game/index.ts';
import { ACTION_TYPES, joinOptionsChecker, parseClientMessage, SCENARIO_EVENTS, toGameActions } from '../../shared/protocol/index.ts';
import { newGame } from './helpers.ts';

// Each contract is declared once; these check that the wire, the game and a scenario's schedule
// really do read it the same way.
describe('one declaration per contract', () => {
  it('a name the game takes is a name the wire takes, and the other way round', () => {
    for (const [name, ok] of [
      ['A'.repeat(32), true],
      ['A'.repeat(33), false],
      ["Ada O'Neil-2.0", true],
      ['Ada!', false],
      ['  ', false],
    ] as const) {
      const game = newGame('workshop', { bots: [] }, 2);
      expect({ name, wire: joinOptionsChecker({ name }, 'options').ok }).toEqual({ name, wire: ok });
      expect({ name, game: game.join(playerId('a'), { name, role: 'staker' }).ok }).toEqual({ name, game: ok });
    }
  });

  it("a subnet name the game refuses is refused on the wire at once, saying whose name it is", () => {
    const r = parseClientMessage('name_subnet', { name: 'Olga <script>' });
    expect(r.ok ? null : [r.code, /subnet name/.test(r.message)]).toEqual(['INVALID_PAYLOAD', true]);
  });

  it('a scenario event the facilitator may send is one a schedule may hold, with the same limits', () => {
    const samples: unknown[] = [
      { type: 'halving_now' },
      { type: 'halving_now', extra: 1 },
      { type: 'market_shock', fraction: 0.0001 },
      { type: 'market_shock', fraction: 0 },
      { type: 'market_shock', fraction: 1.5 },
      { type: 'inflow_surge', netuid: 4096, tao: '10', blocks: 5 },
      { type: 'inflow_surge', netuid: 4097, tao: '10', blocks: 5 },
      { type: 'inflow_surge', netuid: 3, tao: '-1', blocks: 5 },
      { type: 'meteor' },
    ];
    for (const event of samples) {
      const wire = parseClientMessage('trigger_event', { token: 't', event });
      const schedule = parseScenarioEvent(event);
      expect({ event, wire: wire.ok }).toEqual({ event, wire: !('code' in schedule) });
    }
    expect(Object.keys(SCENARIO_EVENTS).sort()).toEqual(['halving_now', 'inflow_surge', 'market_shock']);
  });

  it('every action on the wire becomes game actions the game knows', () => {
    const game = newGame('workshop', { bots: [] }, 2);
    const payloads: Record<string, unknown> = {
      stake: { netuid: 1, amount: '1' },
      unstake: { netuid: 1, amount: '1' },
      move_stake: { fromNetuid: 1, toNetuid: 2, amount: '1' },
      register_subnet: { name: 'Mine', product: 'Maps' },
      name_subnet: { name: 'Mine' },
      register_neuron: { netuid: 1 },
      set_weights: { netuid: 1, uids: [0], weights: [1] },
      set_take: { take: 0.1 },
      set_effort: { effort: 0.5 },
      buy_back: { amount: '1' },
      transfer: { to: 'p1', amount: '1' },
    };
    expect(Object.keys(payloads).sort()).toEqual([...ACTION_TYPES].sort());
    for (const type of ACTION_TYPES) {
      const parsed = parseClientMessage(type, payloads[type]);
      if (!parsed.ok || parsed.value.kind !== 'action') throw new Error(`${type} did not parse`);
      const actions = toGameActions(parsed.value.request, game.chain);
      if ('code' in actions) throw new Error(`${type}: ${actions.message}`);
      expect(actions.map((a) => a.type)).toEqual(type === 'register_subnet' ? ['register_subnet', 'name_subnet'] : [type]);
    }
    expect(toGameActions({ type: 'set_take', take: 0.18 }, game.chain)).toEqual([{ type: 'set_take', takeU16: 11_796 }]);
    expect(toGameActions({ type: 'stake', netuid: 99, amount: tao(1) }, game.chain)).toMatchObject({ code: 'SUBNET_NOT_FOUND' });
  });

  it("an action outside the player's role is refused by the game, whoever sends it", () => {
    const game = newGame('workshop', { bots: [] }, 2);
    expect(game.join(playerId('s'), { name: 'S', role: 'staker' }).ok).toBe(true);
    const r = game.act(playerId('s'), { type: 'set_effort', effort: 1 });
    expect(r.ok ? null : r.error.code).toBe('WRONG_ROLE');
  });
});
