import type { BotView, PositionView, SubnetView } from '../bots/index.ts';
import type { Chain, Hotkey, Netuid, Neuron, Rao, Subnet } from '../engine/index.ts';
import { hotkeyStake, intervalFull, neuronToPrune, sameNeurons, spotPrice, subnetToPrune, uid as toUid } from '../engine/index.ts';
import { parsePosition } from './liquidation.ts';
import type { Scenario } from './scenario.ts';
import type { Player, SubnetLabel } from './state.ts';

/**
 * Each subnet's miner count as last worked out, and what it was worked out from. Permits change only
 * at an epoch, and a UID changes hands only as a new Neuron, so a count stands while the subnet's
 * last epoch and its Neuron objects are the same: the opportunist miner compares every subnet on
 * every turn, and walking all 32,000 neurons of a full network for it was most of the bots' time.
 */
const minersCounted = new WeakMap<Subnet, { epoch: number; neurons: Neuron[]; count: number }>();

/**
 * A subnet as bots see it. The pool figures are read at once; the neuron lists and the registration
 * check walk every UID, so they are worked out only when a bot asks (most bots look at one or two
 * subnets of 128).
 */
class LiveSubnetView implements SubnetView {
  readonly netuid: Netuid;
  readonly name: string;
  readonly ownerHotkey: Hotkey;
  readonly taoIn: Rao;
  readonly alphaIn: Rao;
  readonly price: number;
  readonly lastEpochPrice: number;
  readonly movingPrice: number;
  readonly flowEma: number;
  readonly emissionShare: number;
  readonly burn: Rao;
  readonly neurons: number;
  private lists: { validators: SubnetView['validators']; miners: SubnetView['miners'] } | null = null;
  private open: boolean | null = null;

  constructor(
    private readonly chain: Chain,
    private readonly s: Subnet,
    label: SubnetLabel | undefined,
    lastEpochPrice: number | undefined,
  ) {
    this.netuid = s.netuid;
    this.name = label?.name ?? `SN${s.netuid}`;
    this.ownerHotkey = s.ownerHotkey;
    this.taoIn = s.taoIn;
    this.alphaIn = s.alphaIn;
    this.price = spotPrice(s);
    this.lastEpochPrice = lastEpochPrice ?? this.price;
    this.movingPrice = s.movingPrice;
    this.flowEma = s.flowEma;
    this.emissionShare = s.emissionShare;
    this.burn = s.burn;
    this.neurons = s.neurons.length;
  }

  get registrationOpen(): boolean {
    if (this.open === null) {
      const p = this.chain.state.params;
      const room = this.s.neurons.length < p.maxAllowedUids || neuronToPrune(this.s, this.chain.block, p) !== null;
      this.open = room && this.s.registrationsThisBlock < p.maxRegistrationsPerBlock && !intervalFull(this.s, p);
    }
    return this.open;
  }

  get validators(): SubnetView['validators'] {
    return (this.lists ??= this.split()).validators;
  }

  get miners(): SubnetView['miners'] {
    return (this.lists ??= this.split()).miners;
  }

  get minerCount(): number {
    if (this.lists) return this.lists.miners.length;
    const s = this.s;
    const kept = minersCounted.get(s);
    if (kept && kept.epoch === s.lastEpochBlock && sameNeurons(kept.neurons, s.neurons)) return kept.count;
    let count = 0;
    for (let j = 0; j < s.neurons.length; j++) if (this.isMiner(s.neurons[j])) count++;
    minersCounted.set(s, { epoch: s.lastEpochBlock, neurons: s.neurons.slice(), count });
    return count;
  }

  private isMiner(n: Neuron): boolean {
    return !n.validatorPermit && n.hotkey !== this.s.ownerHotkey;
  }

  private split() {
    const s = this.s;
    const validators: SubnetView['validators'] = [];
    const miners: SubnetView['miners'] = [];
    s.neurons.forEach((n, j) => {
      if (n.validatorPermit) validators.push({ hotkey: n.hotkey, uid: toUid(j), stake: hotkeyStake(s.stake, n.hotkey) });
      else if (this.isMiner(n)) miners.push({ hotkey: n.hotkey, uid: toUid(j) });
    });
    validators.sort((a, b) => (b.stake > a.stake ? 1 : b.stake < a.stake ? -1 : a.uid - b.uid));
    return { validators, miners };
  }
}

/** Whether a register_subnet would pass the rate limit and find a slot now. */
export function subnetRegistrationOpen(chain: Chain): boolean {
  const st = chain.state;
  const last = st.network.lastRegistrationBlock;
  if (last !== null && st.block - last < st.params.networkRateLimit) return false;
  const count = st.subnets.reduce((n, s) => n + (s ? 1 : 0), 0);
  return count < st.params.subnetLimit || subnetToPrune(st) !== null;
}

/** The public network as bots see it, built once and shared by every bot until the chain changes. */
export function networkView(chain: Chain, labels: Record<string, SubnetLabel>, epochPrices: Record<string, number>): SubnetView[] {
  const out: SubnetView[] = [];
  for (const s of chain.state.subnets) if (s) out.push(new LiveSubnetView(chain, s, labels[s.netuid], s.lastEpochBlock > s.registeredAt ? epochPrices[s.netuid] : undefined));
  return out;
}

export function botView(chain: Chain, scenario: Scenario, player: Player, subnets: SubnetView[]): BotView {
  const st = chain.state;
  const p = st.params;
  const home = player.home === null ? null : chain.subnet(player.home);
  const j = home ? home.neurons.findIndex((n) => n.hotkey === player.hotkey) : -1;
  const neuron = j >= 0 ? home!.neurons[j] : null;
  const positions: PositionView[] = [];
  for (const key of player.positions) {
    const pos = parsePosition(key);
    const alpha = chain.stake(player.coldkey, pos.hotkey, pos.netuid);
    if (alpha > 0n) positions.push({ ...pos, alpha });
  }
  const registeredIn: Netuid[] = [];
  for (const key of player.positions) {
    const pos = parsePosition(key);
    if (pos.hotkey === player.hotkey && chain.subnet(pos.netuid)?.neurons.some((n) => n.hotkey === player.hotkey)) registeredIn.push(pos.netuid);
  }
  return {
    block: st.block,
    tempo: p.tempo,
    minStake: p.minStake,
    lockCost: chain.lockCost(),
    subnetRegistrationOpen: subnetRegistrationOpen(chain),
    computeCostPerTempo: scenario.game.economy.computeCostPerTempo,
    pool: { feeRateU16: p.feeRateU16, maxSwapInputMultiplier: p.maxSwapInputMultiplier, minPoolReserve: p.minPoolReserve },
    subnets,
    me: {
      role: player.role,
      hotkey: player.hotkey,
      balance: chain.balance(player.coldkey),
      home: player.home,
      uid: neuron ? toUid(j) : null,
      registeredIn,
      permit: neuron?.validatorPermit ?? false,
      weightsReadyAt: neuron && home!.weights.has(j) ? neuron.lastUpdate + p.weightsSetRateLimit : st.block,
      effort: player.effort,
      incentive: neuron?.incentive ?? 0,
      positions,
      owner: home?.owner === player.coldkey,
    },
    observations: player.role === 'validator' && neuron ? player.observations : null,
  };
}
