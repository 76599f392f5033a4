import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../shared/bots/index.ts';
import { auditConservation, Chain, chainParams, coldkey, hotkey, netuid, tao } from '../../shared/engine/index.ts';
import { networkView } from '../../shared/game/view.ts';
import type { GameEvent, Role } from '../../shared/game/index.ts';
import { Game } from '../../shared/game/index.ts';
import { scenario } from './helpers.ts';

const everyStrategy = (Object.entries(STRATEGIES) as [Role, Record<string, unknown>][]).flatMap(([role, s]) => Object.keys(s).map((strategy) => ({ role, strategy })));

describe('every bot strategy plays a whole workshop game', () => {
  // One game with a seat for every strategy of every role, and a second seed with two of each.
  it.each([
    { seed: 1, seats: everyStrategy },
    // Owners twice over would recycle enough locks to push the halving past the middle third.
    { seed: 'second', seats: [...everyStrategy, ...everyStrategy.filter((s) => s.role !== 'owner')] },
  ])('seed $seed: conservation exact, no bot move refused, every bot acted', ({ seed, seats }) => {
    // The market shock every workshop has (docs/WORKSHOP.md, minute ~22): the preset's own market only buys.
    const game = Game.create(scenario('workshop', { bots: seats, schedule: [{ block: 5700, event: { type: 'market_shock', fraction: 0.3 } }] }), seed);
    const acted = new Set<string>();
    const kinds = new Set<string>();
    let halvingAt: number | null = null;
    let overAt: number | null = null;
    const note = (events: GameEvent[]) => {
      for (const e of events) {
        kinds.add(e.type);
        if (e.type === 'halving') halvingAt = e.block;
        if (e.type === 'game_over') overAt = e.block;
        if ('coldkey' in e && typeof e.coldkey === 'string') acted.add(e.coldkey);
        if (e.type === 'effort_set') acted.add(`p/${e.player}`);
        if (e.type === 'weights_set') acted.add(game.chain.subnet(e.netuid)!.neurons[e.uid].hotkey);
      }
    };
    while (!game.over) {
      note(game.step());
      if (game.block % 1000 === 0) expect(auditConservation(game.chain.state)).toEqual([]);
    }
    expect(auditConservation(game.chain.state)).toEqual([]);
    expect(game.botRefusals).toEqual([]);
    expect(overAt).toBe(game.endBlock);
    // The scheduled halving (by issuance) lands in the middle third of the game.
    expect(halvingAt).not.toBeNull();
    expect(halvingAt!).toBeGreaterThan(game.endBlock / 3);
    expect(halvingAt!).toBeLessThan((2 * game.endBlock) / 3);
    for (const kind of ['staked', 'unstaked', 'weights_set', 'effort_set', 'revenue', 'compute_paid', 'subnet_named']) expect(kinds, kind).toContain(kind);
    for (const owner of game.players().filter((p) => p.role === 'owner')) expect(game.subnetInfo(owner.home!)?.owner).toBe(owner.coldkey);
    // Every bot made at least one move the chain or the game accepted.
    const bots = game.players();
    expect(bots).toHaveLength(seats.length);
    for (const p of bots) expect(acted.has(p.coldkey) || acted.has(p.hotkey) || acted.has(`p/${p.id}`), `${p.name} never acted`).toBe(true);
    const board = game.leaderboard();
    expect(board.every((r) => r.bot)).toBe(true);
    for (const r of board) expect(r.change).toBe(r.emissionIncome + r.priceGains + r.business);
  });
});

describe('bots on the full network', () => {
  it('every strategy plays two tempos of the march-2026 network with conservation exact and no move refused', () => {
    const game = Game.create(scenario('march-2026', { bots: everyStrategy }), 3);
    const tempo = game.chain.state.params.tempo;
    for (let b = 0; b < 2 * tempo + 10; b++) game.step();
    expect(auditConservation(game.chain.state)).toEqual([]);
    expect(game.botRefusals).toEqual([]);
    // Miners and validators found a UID in full 256-UID subnets (replacing the weakest).
    for (const p of game.players().filter((x) => x.role === 'miner' || x.role === 'validator')) expect(game.subnetInfo(p.home!)!.neurons.some((n) => n.player === p.id), p.name).toBe(true);
    // Owners replaced the weakest subnets: slots were full (a later owner may prune an earlier one's).
    const owners = game.players().filter((p) => p.role === 'owner');
    expect(owners.some((o) => game.subnetInfo(o.home!)?.ownerPlayer === o.id)).toBe(true);
    expect(game.subnetIds()).toHaveLength(128);
  });
});

describe('the buy-back owner burns miner emission with its self-weight', () => {
  it('weighs only its own UID once it holds a permit, and the chain keeps that weight (run_epoch.rs:695-700)', () => {
    const game = Game.create(scenario('workshop', { bots: [{ role: 'owner', strategy: 'buyback' }], durationBlocks: 3000 }), 5);
    const owner = game.players().find((p) => p.role === 'owner')!;
    let selfWeighted = false;
    while (!game.over && !selfWeighted) {
      for (const e of game.step()) {
        if (e.type !== 'weights_set' || e.netuid !== owner.home) continue;
        const s = game.chain.subnet(e.netuid)!;
        if (s.neurons[e.uid].hotkey !== s.ownerHotkey) continue;
        const row = s.weights.get(e.uid)!;
        expect(row[e.uid]).toBe(65_535);
        expect(row.filter((w) => w > 0)).toHaveLength(1);
        selfWeighted = true;
      }
    }
    expect(selfWeighted).toBe(true);
    expect(game.botRefusals).toEqual([]);
    expect(auditConservation(game.chain.state)).toEqual([]);
  });
});

describe("the bots' view of neuron registration", () => {
  it('says closed once the interval has had its 3 × target registrations, as the chain then refuses (registration.rs:261)', () => {
    const chain = Chain.create({ params: chainParams(), seed: 1, initialIssuance: tao(1_000_000), subnets: [{ owner: coldkey('o'), ownerHotkey: hotkey('o-hk'), taoIn: tao(1000), alphaIn: tao(1000) }] });
    const open = () => networkView(chain, {}, {})[0]!.registrationOpen;
    const register = (n: number) => {
      chain.apply({ type: 'create_wallet', coldkey: coldkey(`m${n}`), balance: tao(10) });
      return chain.apply({ type: 'register_neuron', coldkey: coldkey(`m${n}`), hotkey: hotkey(`m${n}-hk`), netuid: netuid(1) });
    };
    const cap = chain.state.params.maxRegistrationsPerIntervalFactor * chain.state.params.targetRegistrationsPerInterval;
    for (let n = 0; n < cap; n++) {
      expect(open(), `before registration ${n + 1}`).toBe(true);
      expect(register(n).ok).toBe(true);
      chain.step();
    }
    expect(open()).toBe(false);
    const refused = register(cap);
    expect(refused.ok ? null : refused.error.code).toBe('TOO_MANY_REGISTRATIONS');
  });
});
