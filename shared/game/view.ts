import type { BotView, PositionView, SubnetView } from '../bots/index.ts';
import type { Chain, Subnet } from '../engine/index.ts';
import { hotkeyStake, neuronToPrune, spotPrice, subnetToPrune, uid as toUid } from '../engine/index.ts';
import { parsePosition } from './liquidation.ts';
import type { Scenario } from './scenario.ts';
import type { Player, SubnetLabel } from './state.ts';

export function subnetView(chain: Chain, s: Subnet, label: SubnetLabel | undefined): SubnetView {
  const p = chain.state.params;
  const validators: SubnetView['validators'] = [];
  const miners: SubnetView['miners'] = [];
  s.neurons.forEach((n, j) => {
    if (n.validatorPermit) validators.push({ hotkey: n.hotkey, uid: toUid(j), stake: hotkeyStake(s.stake, n.hotkey) });
    else if (n.hotkey !== s.ownerHotkey) miners.push({ hotkey: n.hotkey, uid: toUid(j) });
  });
  validators.sort((a, b) => (b.stake > a.stake ? 1 : b.stake < a.stake ? -1 : a.uid - b.uid));
  const room = s.neurons.length < p.maxAllowedUids || neuronToPrune(s, chain.block, p) !== null;
  return {
    netuid: s.netuid,
    name: label?.name ?? `SN${s.netuid}`,
    ownerHotkey: s.ownerHotkey,
    taoIn: s.taoIn,
    alphaIn: s.alphaIn,
    price: spotPrice(s),
    movingPrice: s.movingPrice,
    flowEma: s.flowEma,
    emissionShare: s.emissionShare,
    burn: s.burn,
    registrationOpen: room && s.registrationsThisBlock < p.maxRegistrationsPerBlock,
    neurons: s.neurons.length,
    validators,
    miners,
  };
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
export function networkView(chain: Chain, labels: Record<string, SubnetLabel>): SubnetView[] {
  const out: SubnetView[] = [];
  for (const s of chain.state.subnets) if (s) out.push(subnetView(chain, s, labels[s.netuid]));
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
  const registeredIn = subnets.filter((s) => chain.subnet(s.netuid)!.neurons.some((n) => n.hotkey === player.hotkey)).map((s) => s.netuid);
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
