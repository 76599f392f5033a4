import type { Action, Coldkey, GenesisSubnet, Hotkey, Rao } from '../engine/index.ts';
import { apportionExact, Chain, coldkey, hotkey, netuid as toNetuid, nextFloat, seedRng } from '../engine/index.ts';
import type { Scenario } from './scenario.ts';
import type { Incumbents, SubnetLabel } from './state.ts';

export const MARKET: Coldkey = coldkey('market');

const must = (chain: Chain, a: Action): void => {
  const r = chain.apply(a);
  if (!r.ok) throw new Error(`genesis: ${a.type} refused: ${r.error.message}`);
};

/**
 * Reserves before the outside holders buy in, chosen so that after their purchase the pool holds
 * about `taoIn` at about `price` (the fee moves it a hair): T₀ = T − X, A₀ = (T / price) · T / T₀.
 */
function preMarketReserves(taoIn: Rao, price: number, market: Rao): { taoIn: Rao; alphaIn: Rao } {
  const t0 = taoIn - market;
  const alphaTarget = Number(taoIn) / price;
  return { taoIn: t0, alphaIn: BigInt(Math.round((alphaTarget * Number(taoIn)) / Number(t0))) };
}

export interface Genesis {
  chain: Chain;
  incumbents: Incumbents[];
  labels: Record<string, SubnetLabel>;
}

/**
 * Block 0: the chain with the scenario's incumbent subnets, each with its validators and miners
 * registered and the outside market's alpha delegated to its validators. Everything is created
 * through chain actions (so every rao is accounted for), with two allowances for "before block 0":
 * registrations are not rate-limited and cost the minimum burn, and the market's purchase is not
 * counted as this block's Taoflow (the scenario's flow EMA already says what flows were).
 * The bookkeeping those allowances touch (registration counters, burn, this block's flow) is then
 * set to what the scenario's chain would show at block 0.
 */
export function genesis(scenario: Scenario, seed: string): Genesis {
  const p = scenario.chain;
  const specs = scenario.subnets;
  const subnets: GenesisSubnet[] = specs.map((g, i) => {
    const market = g.marketStake < g.taoIn / 2n ? g.marketStake : g.taoIn / 2n;
    const r = preMarketReserves(g.taoIn, g.price, market);
    return { owner: coldkey(`sn${i + 1}/owner`), ownerHotkey: hotkey(`sn${i + 1}/owner`), taoIn: r.taoIn, alphaIn: r.alphaIn, movingPrice: Math.min(g.price, 1), flowEma: g.flowEma };
  });
  const genesisParams = { ...p, maxRegistrationsPerBlock: p.maxAllowedUids, maxRegistrationsPerIntervalFactor: 0, initialBurn: p.minBurn };
  const chain = Chain.create({ params: genesisParams, seed, initialIssuance: scenario.initialIssuance, subnets });

  const marketTotal = specs.reduce((sum, g) => sum + (g.marketStake < g.taoIn / 2n ? g.marketStake : g.taoIn / 2n), 0n);
  must(chain, { type: 'create_wallet', coldkey: MARKET, balance: marketTotal });
  const incumbents: Incumbents[] = [];
  const labels: Record<string, SubnetLabel> = {};
  specs.forEach((g, i) => {
    const id = toNetuid(i + 1);
    labels[id] = { name: g.name, product: g.product };
    const team = coldkey(`sn${id}/team`);
    must(chain, { type: 'create_wallet', coldkey: subnets[i].owner, balance: 0n });
    must(chain, { type: 'create_wallet', coldkey: team, balance: p.minBurn * BigInt(g.validators + g.miners) });
    const validators: Hotkey[] = [];
    const minerQuality: Record<string, number> = {};
    for (let k = 0; k < g.validators; k++) {
      const hk = hotkey(`sn${id}/v${k}`);
      must(chain, { type: 'register_neuron', coldkey: team, hotkey: hk, netuid: id });
      validators.push(hk);
    }
    const [lo, hi] = g.minerQuality;
    for (let k = 0; k < g.miners; k++) {
      const hk = hotkey(`sn${id}/m${k}`);
      must(chain, { type: 'register_neuron', coldkey: team, hotkey: hk, netuid: id });
      minerQuality[hk] = lo + (hi - lo) * nextFloat(chain.state.rng);
    }
    const market = g.marketStake < g.taoIn / 2n ? g.marketStake : g.taoIn / 2n;
    const behind = validators.length > 0 ? validators : [subnets[i].ownerHotkey];
    apportionExact(market, behind.map(() => 1n)).forEach((amount, k) => {
      if (amount > 0n) must(chain, { type: 'stake', coldkey: MARKET, hotkey: behind[k], netuid: id, amount });
    });
    incumbents.push({ netuid: id, owner: subnets[i].owner, coldkey: team, validators, minerQuality, noise: validators.map((hk) => seedRng(`${seed}/noise/${hk}`)) });
  });

  chain.state.params = p;
  for (const s of chain.state.subnets) {
    if (!s) continue;
    // Incumbents were registered long before block 0: past their immunity, their price EMA at full speed.
    s.registeredAt = -p.networkImmunityPeriod;
    for (const n of s.neurons) n.registeredAt = -p.neuronImmunityPeriod;
    s.burn = p.initialBurn;
    s.registrationsThisBlock = 0;
    s.registrationsThisInterval = 0;
    s.taoFlow = 0n;
  }
  return { chain, incumbents, labels };
}
