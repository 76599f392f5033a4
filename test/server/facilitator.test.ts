import { Client } from 'colyseus.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArenaRoom } from '../../server/arena_room.ts';
import type { GameListing } from '../../shared/protocol/index.ts';
import type { Joined } from './harness.ts';
import { act, control, create, join, serverForFile, until } from './harness.ts';

const overrides = { blocksPerSecond: 40 };
const { server, port: PORT } = await serverForFile();

const http = (path: string, init?: RequestInit) => fetch(`http://localhost:${PORT}${path}`, init);

describe('facilitator controls', () => {
  let fac: Joined;
  let player: Joined;
  let code: string;

  beforeAll(async () => {
    fac = await create(server, { preset: 'workshop', seed: 7, overrides, name: 'Fac', autostart: false });
    code = fac.room.roomId;
    player = await join(server, code, { name: 'Pia', role: 'staker' });
  });

  it('autostart false waits in the lobby; actions wait for the start; start runs the blocks', async () => {
    expect(fac.room.state.clock.phase).toBe('lobby');
    expect(await act(player, 'stake', { netuid: 1, amount: '1' })).toMatchObject({ ok: false, code: 'NOT_STARTED' });
    expect(await act(player, 'start', { token: 'guess' })).toMatchObject({ ok: false, code: 'NOT_FACILITATOR' });
    expect(fac.room.state.clock.block).toBe(0);
    expect(await control(fac, 'start')).toMatchObject({ ok: true });
    await until(player.room, (s) => s.clock.phase === 'running' && s.clock.block > 3);
  });

  it('every control is refused without the token, and with a wrong one', async () => {
    for (const [type, payload] of [
      ['pause', {}],
      ['resume', {}],
      ['set_speed', { speed: 2 }],
      ['trigger_event', { event: { type: 'halving_now' } }],
      ['remove_player', { playerId: player.welcome.playerId }],
      ['add_bots', { role: 'miner', count: 1 }],
      ['remove_bot', { playerId: 'bot-1' }],
      ['end_game', {}],
    ] as const) {
      expect(await act(player, type, { ...payload, token: 'not-the-token' })).toMatchObject({ ok: false, code: 'NOT_FACILITATOR' });
      expect(await act(player, type, payload)).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    }
    expect(fac.room.state.clock.phase).toBe('running');
    expect(player.room.state.players.get(player.welcome.playerId!)!.removed).toBe(false);
  });

  it('pause stops the clock and resume restarts it; speed changes the rate', async () => {
    expect(await control(fac, 'pause')).toMatchObject({ ok: true });
    await until(fac.room, (s) => s.clock.phase === 'paused');
    const room = server.getRoomById(code) as ArenaRoom;
    const block = room.state.clock.block;
    // Queued while paused: applied at the first block after resume.
    const pending = act(player, 'stake', { netuid: 1, amount: '2' });
    await room.waitForNextSimulationTick();
    await room.waitForNextSimulationTick();
    expect(room.state.clock.block).toBe(block);
    expect(await control(fac, 'set_speed', { speed: 3 })).toMatchObject({ ok: true });
    expect(await control(fac, 'resume')).toMatchObject({ ok: true });
    expect(await pending).toMatchObject({ ok: true, block });
    await until(fac.room, (s) => s.clock.block > block + 3 && s.clock.speed === 3);
  });

  it('trigger events: halving now, a market shock, an inflow surge', async () => {
    const emission = fac.room.state.clock.blockEmission;
    expect(await control(fac, 'trigger_event', { event: { type: 'halving_now' } })).toMatchObject({ ok: true });
    await until(fac.room, (s) => Number(s.clock.blockEmission) === Number(emission) / 2);
    const price = fac.room.state.subnets.get('2')!.price;
    expect(await control(fac, 'trigger_event', { event: { type: 'market_shock', fraction: 0.5 } })).toMatchObject({ ok: true });
    await until(fac.room, (s) => s.subnets.get('2')!.price < price * 0.9);
    const pool = Number(fac.room.state.subnets.get('3')!.taoIn);
    expect(await control(fac, 'trigger_event', { event: { type: 'inflow_surge', netuid: 3, tao: '2740', blocks: 20 } })).toMatchObject({ ok: true });
    await until(fac.room, (s) => Number(s.subnets.get('3')!.taoIn) > pool + 2000);
    expect([...fac.room.state.events.values()].filter((e) => e.kind === 'scenario_event').length).toBe(3);
    expect(await control(fac, 'trigger_event', { event: { type: 'inflow_surge', netuid: 99, tao: '1', blocks: 2 } })).toMatchObject({ ok: false, code: 'SUBNET_NOT_FOUND' });
  });

  it('add and remove bots', async () => {
    const before = fac.room.state.players.size;
    expect(await control(fac, 'add_bots', { role: 'miner', count: 2, strategy: 'steady' })).toMatchObject({ ok: true });
    await until(fac.room, (s) => s.players.size === before + 2);
    const bot = [...fac.room.state.players.values()].filter((p) => p.bot && p.role === 'miner').at(-1)!;
    expect(await control(fac, 'remove_bot', { playerId: bot.id })).toMatchObject({ ok: true });
    await until(fac.room, (s) => s.players.get(bot.id)!.removed);
    expect(await control(fac, 'remove_bot', { playerId: player.welcome.playerId })).toMatchObject({ ok: false, code: 'UNKNOWN_PLAYER' });
    expect(await control(fac, 'add_bots', { role: 'miner', count: 1, strategy: 'nonsense' })).toMatchObject({ ok: false, code: 'UNKNOWN_STRATEGY' });
  });

  it('a removed player cannot act, and keeps its place on the board', async () => {
    const id = player.welcome.playerId!;
    expect(await control(fac, 'remove_player', { playerId: id })).toMatchObject({ ok: true });
    await until(player.room, (s) => s.players.get(id)!.removed);
    expect(await act(player, 'stake', { netuid: 1, amount: '1' })).toMatchObject({ ok: false, code: 'REMOVED' });
    expect(await control(fac, 'remove_player', { playerId: 'p999' })).toMatchObject({ ok: false, code: 'UNKNOWN_PLAYER' });
  });

  it('exports need the facilitator token in a header (never in the address); CSV and JSON', async () => {
    const token = fac.welcome.facilitatorToken!;
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    expect((await http(`/api/games/${code}/results.json`)).status).toBe(403);
    expect((await http(`/api/games/${code}/results.json`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    expect((await http(`/api/games/${code}/results.json?token=${token}`)).status).toBe(403);
    const results = await (await http(`/api/games/${code}/results.json`, bearer)).json();
    expect(results.rows.some((r: { name: string }) => r.name === 'Pia')).toBe(true);
    const csv = await (await http(`/api/games/${code}/results.csv`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(csv.split('\n')[0]).toBe('rank,player_id,name,role,bot,net_worth_tao,change_tao,emission_income_tao,price_gains_tao');
    expect(csv).toContain(',Pia,staker,false,');
    const series = await (await http(`/api/games/${code}/series.json`, bearer)).json();
    expect(series.block.length).toBeGreaterThan(1);
    const seriesCsv = await (await http(`/api/games/${code}/series.csv`, bearer)).text();
    expect(seriesCsv.split('\n')[0]).toMatch(/^block,sn1_price,/);
  });

  it('end game: final results to everyone, then no more actions', async () => {
    const late = await join(server, code, { name: 'Lou', role: 'staker' });
    expect(await control(fac, 'end_game')).toMatchObject({ ok: true });
    const results = await late.inbox.next('results');
    expect(results.rows.map((r) => r.rank)).toEqual(results.rows.map((_, i) => i + 1));
    await until(late.room, (s) => s.clock.phase === 'ended');
    expect(await act(late, 'stake', { netuid: 1, amount: '1' })).toMatchObject({ ok: false, code: 'GAME_OVER' });
    expect(await control(fac, 'pause')).toMatchObject({ ok: false, code: 'GAME_OVER' });
  });
});

describe('spectators', () => {
  it('watch the same state but every action is refused', async () => {
    const fac = await create(server, { preset: 'workshop', seed: 8, overrides, name: 'Fac' });
    const spec = await join(server, fac.room.roomId, { name: 'Screen', role: 'spectator' });
    expect(spec.welcome).toMatchObject({ role: 'spectator', playerId: null });
    await until(spec.room, (s) => s.clock.block > 2 && s.spectators === 2);
    for (const [type, payload] of [
      ['stake', { netuid: 1, amount: '1' }],
      ['unstake', { netuid: 1, amount: '1' }],
      ['move_stake', { fromNetuid: 1, toNetuid: 2, amount: '1' }],
      ['register_subnet', {}],
      ['register_neuron', { netuid: 1 }],
      ['set_weights', { netuid: 1, uids: [1], weights: [1] }],
      ['set_take', { take: 0.1 }],
      ['set_effort', { effort: 1 }],
      ['buy_back', { amount: '1' }],
      ['name_subnet', { name: 'X' }],
      ['transfer', { to: 'bot-1', amount: '1' }],
    ] as const) {
      expect(await act(spec, type, payload)).toMatchObject({ ok: false, code: 'SPECTATOR' });
    }
    expect([...spec.room.state.players.values()].some((p) => p.name === 'Screen')).toBe(false);
    expect(spec.inbox.all('wallet')).toEqual([]);
  });
});

describe('public games and quick play', () => {
  it('a public game is listed with its preset, block, players and free seats; a private one is not', async () => {
    const pub = await create(server, { preset: 'workshop', seed: 9, overrides, public: true, seats: 4 });
    const priv = await create(server, { preset: 'workshop', seed: 10, overrides });
    await join(server, pub.room.roomId, { name: 'Ann', role: 'miner' });
    const waitListed = async (): Promise<GameListing> => {
      for (;;) {
        const games: GameListing[] = await (await http('/api/games')).json();
        const g = games.find((x) => x.code === pub.room.roomId);
        if (g && g.players === 1) return g;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const listed = await waitListed();
    expect(listed).toMatchObject({ preset: 'workshop', players: 1, freeSeats: 3, phase: 'running' });
    expect(listed.block).toBeGreaterThanOrEqual(0);
    const games: GameListing[] = await (await http('/api/games')).json();
    expect(games.some((g) => g.code === priv.room.roomId)).toBe(false);

    // The lobby room lists the same games live.
    const lobby = await new Client(`ws://localhost:${PORT}`).joinOrCreate('lobby');
    const rooms = await new Promise<{ roomId: string; metadata: GameListing }[]>((resolve) => lobby.onMessage('rooms', resolve));
    expect(rooms.find((r) => r.roomId === pub.room.roomId)?.metadata).toMatchObject({ preset: 'workshop', freeSeats: 3 });
    await lobby.leave();
  });

  it('quick play joins a public game with a free seat, or creates one where bots hold the seats', async () => {
    const first = await (await http('/api/quickplay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ preset: 'mainnet' }) })).json();
    expect(first.code).toMatch(/^[A-Z2-9]{6}$/);
    const again = await (await http('/api/quickplay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ preset: 'mainnet' }) })).json();
    expect(again.code).toBe(first.code);
    const j = await join(server, first.code, { name: 'Quinn', role: 'staker' });
    expect(j.welcome.facilitatorToken).toBeUndefined();
    await until(j.room, (s) => s.players.has(j.welcome.playerId!));
    // A person took a seat: one bot of the game's seats made room.
    expect([...j.room.state.players.values()].filter((p) => p.bot && p.removed).length).toBe(1);
    // When the person leaves for good a bot of their role takes the seat, which quick play lists as
    // free again; when they come back by token, a bot makes room once more.
    const watcher = await join(server, first.code, { role: 'spectator' });
    const activeBots = (st: typeof watcher.room.state) => [...st.players.values()].filter((p) => p.bot && !p.removed);
    const seated = activeBots(watcher.room.state).length;
    await j.room.leave();
    await until(watcher.room, (st) => activeBots(st).length === seated + 1 && activeBots(st).some((p) => p.role === 'staker'));
    const listed = async () => ((await (await http('/api/games')).json()) as { code: string; freeSeats: number }[]).find((g) => g.code === first.code)?.freeSeats;
    expect(await listed()).toBeGreaterThan(0);
    const back = await join(server, first.code, { playerToken: j.welcome.playerToken });
    expect(back.welcome.playerId).toBe(j.welcome.playerId);
    await until(watcher.room, (st) => activeBots(st).length === seated && st.players.get(j.welcome.playerId!)!.connected);
    await Promise.all([back.room.leave(), watcher.room.leave()]);
    const bad = await http('/api/quickplay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ preset: 'nope' }) });
    expect(bad.status).toBe(400);
  });

  it('bad create options are refused with a message; health answers', async () => {
    await expect(create(server, { preset: 'nope' })).rejects.toThrow(/INVALID_SCENARIO|unknown preset/);
    await expect(create(server, { preset: 'workshop', overrides: { blocksPerSecond: -1 } })).rejects.toThrow(/blocksPerSecond/);
    await expect(create(server, { preset: 'workshop', name: 'x'.repeat(100) })).rejects.toThrow(/INVALID_OPTIONS/);
    await expect(join(server, 'ZZZZZZ', { name: 'Nobody' })).rejects.toThrow();
    expect(await (await http('/health')).json()).toMatchObject({ ok: true });
    expect((await http('/colyseus')).status).toBe(404);
  });
});
