// An example external bot: joins a room over the network like any player and plays its role.
//   npm run bot -- --code ABC123 --role staker [--name Flowy] [--url ws://localhost:2567] [--every 10]
// Hackathon teams: copy this file; the contract is docs/PROTOCOL.md.
import { pathToFileURL } from 'node:url';
import { Client } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import type { ActionPayloads, ActionType, JoinRole, ObservationsView, WalletView, Welcome, WireError } from '../../shared/protocol/index.ts';
import { JOIN_ROLES } from '../../shared/protocol/index.ts';
import type { ArenaState, SubnetState } from '../../shared/protocol/schema.ts';

export interface BotOptions {
  url: string;
  code: string;
  role: Exclude<JoinRole, 'spectator'>;
  name: string;
  /** Decide every this many blocks. */
  every: number;
}

/** What the bot knows: the public state, its own wallet and (a validator) its observations. */
interface Knowledge {
  state: ArenaState;
  wallet: WalletView | null;
  observations: ObservationsView | null;
}

type Move = { [T in ActionType]: { type: T; payload: ActionPayloads[T] } }[ActionType];

const num = (s: string | undefined) => Number(s ?? 0);
const subnetsOf = (state: ArenaState): SubnetState[] => [...state.subnets.values()].sort((a, b) => a.netuid - b.netuid);
/** Amounts go on the wire as decimal strings: round down to 4 decimals, never via exponent notation. */
const amount = (tao: number): string => (Math.floor(tao * 1e4) / 1e4).toFixed(4);

/**
 * The strategies: simple and legible rather than clever. A staker chases net inflow (Taoflow's
 * flywheel), a validator weights miners by what it observed, a miner works steadily, an owner
 * registers a subnet and buys back with half its free TAO.
 */
export function decide(role: BotOptions['role'], k: Knowledge): Move[] {
  const w = k.wallet;
  if (!w) return [];
  const balance = num(w.balance);
  const subnets = subnetsOf(k.state);
  switch (role) {
    case 'staker': {
      // Into the subnet with the strongest net inflow; out of those flowing worse than the median.
      const moves: Move[] = [];
      const byFlow = [...subnets].sort((a, b) => b.flowEma - a.flowEma);
      const best = byFlow[0];
      const median = byFlow[Math.floor(byFlow.length / 2)]?.flowEma ?? 0;
      for (const p of w.positions) {
        const s = k.state.subnets.get(String(p.netuid));
        if (s && s !== best && s.flowEma < median && num(p.alpha) > 0) moves.push({ type: 'unstake', payload: { netuid: p.netuid, amount: p.alpha, hotkey: p.hotkey } });
      }
      if (best && balance > 2) moves.push({ type: 'stake', payload: { netuid: best.netuid, amount: amount(balance * 0.25) } });
      return moves;
    }
    case 'validator': {
      const home = w.neurons[0];
      if (!home) {
        const target = [...subnets].sort((a, b) => num(b.taoIn) - num(a.taoIn))[0];
        return target ? [{ type: 'register_neuron', payload: { netuid: target.netuid } }] : [];
      }
      const seen = k.observations?.subnets.find((o) => o.netuid === home.netuid);
      if (!seen || seen.uids.length === 0) return [];
      // Weight each miner by what it was seen to deliver, cut at zero: noise should not earn.
      const weights = seen.quality.map((q) => Math.max(0, Math.round(q * 1000) / 1000));
      return weights.some((x) => x > 0) ? [{ type: 'set_weights', payload: { netuid: home.netuid, uids: seen.uids, weights } }] : [];
    }
    case 'miner': {
      const home = w.neurons[0];
      if (!home) {
        const target = [...subnets].sort((a, b) => b.emissionShare - a.emissionShare)[0];
        return target ? [{ type: 'register_neuron', payload: { netuid: target.netuid } }] : [];
      }
      return home.effort === 0.7 ? [] : [{ type: 'set_effort', payload: { effort: 0.7 } }];
    }
    case 'owner': {
      if (w.subnets.length === 0) return num(k.state.lockCost) < balance ? [{ type: 'register_subnet', payload: { name: 'BotNet', product: 'automated inference' } }] : [];
      return balance > 10 ? [{ type: 'buy_back', payload: { amount: amount(balance * 0.1) } }] : [];
    }
  }
}

/** Joins and plays until the game ends or the process is stopped. Resolves with the room. */
export async function runBot(o: BotOptions, log: (line: string) => void = console.log): Promise<Room<ArenaState>> {
  const client = new Client(o.url);
  const room = await client.joinById<ArenaState>(o.code, { name: o.name, role: o.role, bot: true });
  const k: Knowledge = { state: room.state, wallet: null, observations: null };
  let lastDecision = -Infinity;
  room.onMessage('welcome', (m: Welcome) => log(`joined ${m.code} as ${m.name} (${m.playerId}, ${m.role})`));
  room.onMessage('wallet', (m: WalletView) => (k.wallet = m));
  room.onMessage('observations', (m: ObservationsView) => (k.observations = m));
  room.onMessage('error', (e: WireError) => log(`refused ${e.action}: ${e.code} ${e.message}`));
  room.onMessage('ack', (a: { action: string; block: number }) => log(`block ${a.block}: ${a.action} applied`));
  room.onMessage('results', () => log('game over'));
  room.onMessage('*', () => {});
  room.onStateChange((state) => {
    k.state = state;
    const block = state.clock.block;
    if (state.clock.phase !== 'running' || block - lastDecision < o.every) return;
    lastDecision = block;
    for (const m of decide(o.role, k)) room.send(m.type, m.payload);
  });
  return room;
}

function parseArgs(argv: string[]): BotOptions {
  const arg = (name: string, fallback?: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const code = arg('code')?.toUpperCase();
  const role = arg('role', 'staker') as BotOptions['role'];
  if (!code || !(JOIN_ROLES as readonly string[]).includes(role) || role === ('spectator' as string)) {
    console.error('usage: npm run bot -- --code ABC123 --role staker|validator|miner|owner [--name N] [--url ws://localhost:2567] [--every 10]');
    process.exit(2);
  }
  return { code, role, url: arg('url', `ws://localhost:${process.env.PORT || 2567}`)!, name: arg('name', `${role}-bot`)!, every: Number(arg('every', '10')) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const o = parseArgs(process.argv.slice(2));
  runBot(o).then(
    (room) => room.onLeave((code) => process.exit(code === 1000 ? 0 : 1)),
    (e) => {
      console.error(`could not join ${o.code}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
