import type { Rao } from '../engine/index.ts';
import { chainParams, netuid as toNetuid, tao } from '../engine/index.ts';
import type { Economy, GenesisSubnetSpec, Kit, Scenario } from './scenario.ts';
import type { Role } from './types.ts';

/** The first halving: block emission halves once issuance reaches half the 21 M supply. */
const FIRST_HALVING: Rao = tao(10_500_000);

const kits = (k: Record<Role, [number, boolean, number]>): Record<Role, Kit> =>
  Object.fromEntries(Object.entries(k).map(([role, [t, register, selfStake]]) => [role, { tao: tao(t), register, selfStake: tao(selfStake) }])) as Record<Role, Kit>;

/**
 * Flow EMAs that give exactly `shares` of emission under Taoflow with the chain's zero cutoff
 * (share ∝ max(flow, 0)): a subnet meant to get nothing has a net outflow.
 */
function flowsForShares(shares: number[], outflow: number, scale: number): number[] {
  return shares.map((s) => (s > 0 ? s * scale : -outflow));
}

/**
 * A workshop: three incumbent subnets and two free slots (a third owner prunes one), a 45-block
 * tempo at 5 blocks a second (an epoch every 9 s), time constants scaled so flows, prices and locks
 * move within minutes, and the first halving about half way through a 30-minute game (issuance
 * starts 4,500 TAO short of it and 1 TAO is emitted a block). Tuned with `npm run balance` against
 * a room of 20 people (README, "Balance"): incumbents priced near a new subnet's par so emission is
 * worth the same everywhere, new subnets opening as deep as a room's stampede, outside holders
 * small enough that a shock is not a crash, Taoflow smoothed over minutes, and kits sized so that
 * a role's return reads as a score (a miner's 750 τ, not 100 τ that its first epochs multiply).
 */
function workshop(): Scenario {
  const durationBlocks = 9000;
  const chain = chainParams({
    tempo: 45,
    // Taoflow half-life ≈ 1,390 blocks (4.6 min) instead of ~30 days: a buyback shows within a few
    // minutes, one stampede does not hand a subnet all of emission, and the market shock's one
    // block of selling does not turn every incumbent's flow negative (at 2.3 min it did, and the
    // two new subnets left split all of emission for minutes).
    flowEmaAlpha: 0.0005,
    // Share ∝ flow^0.3 (the chain's FlowNormExponent; 1 on mainnet): with a room's stakes several
    // times the network's own flows, a linear split gave one subnet 90–100 % of emission for minutes.
    flowNormExponent: 0.3,
    movingAlpha: 0.02,
    emaPriceHalvingBlocks: 900,
    // A new subnet opens with its minimum lock at par: 6,000 τ of depth, about what a room's
    // stampede brings, so the first stakes into it do not multiply its price tenfold.
    networkMinLockCost: tao(6000),
    // The doubled lock decays back to the minimum in a minute, the registration rate limit: an
    // owner who registers later does not pay more than the first for arriving second.
    networkLockReductionInterval: 300,
    networkRateLimit: 300,
    subnetLimit: 5,
    networkImmunityPeriod: 1500,
    maxAllowedUids: 24,
    neuronImmunityPeriod: 225,
    initialBurn: tao(1),
    minBurn: tao(1) / 10n,
    maxBurn: tao(20),
    adjustmentInterval: 90,
    // A room of people joins at once: let a block take several registrations per subnet, and an
    // interval a whole subnet's worth (the chain allows 3 × target an interval).
    maxRegistrationsPerBlock: 8,
    maxRegistrationsPerIntervalFactor: 24,
    activityCutoff: 450,
    weightsSetRateLimit: 10,
    maxAllowedValidators: 8,
  });
  const subnet = (name: string, product: string, taoIn: number, price: number, flowTao: number, q: [number, number]): GenesisSubnetSpec => ({
    name,
    product,
    taoIn: tao(taoIn),
    price,
    flowEma: flowTao * 1e9,
    // Outside holders own an eighth of the pool's worth: a 30 % market shock is their selling.
    marketStake: tao(Math.round(taoIn / 8)),
    validators: 2,
    miners: 5,
    minerQuality: q,
  });
  const economy: Economy = {
    // Incumbent owners buy back all their product revenue: a steady inflow the room's moves are measured against.
    revenuePerTempo: tao(30),
    // Full effort costs a little more than an average miner's incentive: effort pays only for the good.
    computeCostPerTempo: tao(1) / 5n,
    qualityHalfLifeBlocks: 90,
    observationNoise: 0.08,
    observeEvery: 5,
    botEvery: 10,
    populationBuyback: 1,
  };
  return {
    name: 'workshop',
    chain,
    initialIssuance: FIRST_HALVING - tao(durationBlocks / 2),
    subnets: [subnet('Inference', 'serverless AI inference', 15_000, 1, 0.3, [0.5, 0.9]), subnet('Training', 'model pretraining', 10_000, 0.8, 0.2, [0.3, 0.8]), subnet('Data', 'web data scraping', 6000, 0.6, 0.1, [0.2, 0.7])],
    game: {
      blocksPerSecond: 5,
      durationBlocks,
      seriesEvery: 5,
      kits: kits({ owner: [7000, true, 0], validator: [2500, true, 300], miner: [750, true, 0], staker: [200, false, 0] }),
      bots: [
        { role: 'owner', strategy: 'buyback' },
        { role: 'validator', strategy: 'honest' },
        { role: 'validator', strategy: 'lazy' },
        { role: 'miner', strategy: 'steady' },
        // Two miners that move to where emission is: a subnet opened after the room sat down
        // otherwise has no miners, no product and no revenue, and its owner only loses the lock.
        { role: 'miner', strategy: 'opportunist' },
        { role: 'miner', strategy: 'opportunist' },
        { role: 'staker', strategy: 'whale' },
        { role: 'staker', strategy: 'momentum' },
        { role: 'staker', strategy: 'flow-chasing' },
      ],
      schedule: [],
      economy,
    },
  };
}

/** Deterministic spread of incumbent subnets (no RNG: a preset is data, the same for every seed). */
function incumbents(count: number, shares: number[], flows: number[], names: (i: number) => [string, string], validators: number, miners: number): GenesisSubnetSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const share = shares[i];
    const taoIn = 2000 + share * 400_000;
    const [name, product] = names(i);
    return {
      name,
      product,
      taoIn: tao(Math.round(taoIn)),
      price: 0.01 + share * 0.7,
      flowEma: flows[i],
      marketStake: tao(Math.round(taoIn / 2)),
      validators,
      miners,
      minerQuality: [0.2 + 0.5 * ((i * 37) % 100) / 100, 0.9] as [number, number],
    };
  });
}

/** A long-tail share profile: the top `lead` fixed, the rest falling off as a power law, a few at zero. */
function tail(count: number, total: number, dead: number): number[] {
  const live = count - dead;
  const raw = Array.from({ length: live }, (_, k) => (k + 3) ** -0.9);
  const sum = raw.reduce((a, b) => a + b, 0);
  return [...raw.map((r) => (r / sum) * total), ...new Array(dead).fill(0)];
}

const MAINNET_ECONOMY: Economy = {
  revenuePerTempo: tao(5),
  // A miner among 247 earns a few hundredths of a TAO a tempo; full effort costs about that.
  computeCostPerTempo: tao(1) / 100n,
  qualityHalfLifeBlocks: 720,
  observationNoise: 0.08,
  observeEvery: 100,
  botEvery: 60,
  populationBuyback: 0.5,
};

const MAINNET_KITS = kits({ owner: [5000, false, 0], validator: [2000, true, 1000], miner: [200, true, 0], staker: [2000, false, 0] });

const MAINNET_BOTS = [
  { role: 'owner' as const, strategy: 'buyback' },
  { role: 'validator' as const, strategy: 'honest' },
  { role: 'validator' as const, strategy: 'lazy' },
  { role: 'validator' as const, strategy: 'colluding' },
  { role: 'miner' as const, strategy: 'steady' },
  { role: 'miner' as const, strategy: 'opportunist' },
  { role: 'staker' as const, strategy: 'whale' },
  { role: 'staker' as const, strategy: 'momentum' },
  { role: 'staker' as const, strategy: 'flow-chasing' },
];

/** The chain's constants at full scale: 128 subnets × 256 UIDs, before the first halving. */
function mainnet(): Scenario {
  const shares = tail(128, 1, 0);
  return {
    name: 'mainnet',
    chain: chainParams(),
    initialIssuance: tao(10_000_000),
    subnets: incumbents(128, shares, flowsForShares(shares, 5e7, 2e9), (i) => [`SN${i + 1}`, 'digital commodity'], 8, 247),
    game: { blocksPerSecond: 1 / 12, durationBlocks: 7200, seriesEvery: 60, kits: MAINNET_KITS, bots: MAINNET_BOTS, schedule: [], economy: MAINNET_ECONOMY },
  };
}

/** The seed article's leaders in March 2026 (netuid → name, product, share of emission). */
const MARCH_2026_LEADERS: [number, string, string, number][] = [
  [64, 'Chutes', 'serverless AI inference', 0.14],
  [3, 'Templar', 'decentralised pretraining', 0.06],
  [56, 'Gradients', 'model training', 0.055],
  [51, 'Lium', 'GPU compute', 0.05],
  [4, 'Targon', 'confidential compute', 0.05],
  [8, 'Vanta', 'trading signals', 0.045],
  [19, 'Nineteen', 'high-frequency inference', 0.04],
  [9, 'IOTA', 'distributed pretraining', 0.04],
  [62, 'Ridges', 'software agents', 0.04],
  [120, 'Affine', 'reasoning models', 0.04],
];

/**
 * The network the seed article describes: 128 subnets, 0.5 TAO a block after the first halving
 * (December 2025), the top 10 subnets taking about 56 % of emission with Chutes (SN64) in front,
 * and a handful of subnets with net outflow getting nothing (the death spiral's end).
 */
function march2026(): Scenario {
  const leaders = new Map(MARCH_2026_LEADERS.map(([id, name, product, share]) => [id, { name, product, share }]));
  const rest = tail(128 - leaders.size, 1 - MARCH_2026_LEADERS.reduce((a, l) => a + l[3], 0), 5);
  let k = 0;
  const shares: number[] = [];
  const names: [string, string][] = [];
  for (let id = 1; id <= 128; id++) {
    const leader = leaders.get(id);
    shares.push(leader ? leader.share : rest[k++]);
    names.push(leader ? [leader.name, leader.product] : [`SN${id}`, 'digital commodity']);
  }
  // Chutes' ~0.3 TAO a block of net inflow sets the scale; the outflow subnets get nothing.
  const flows = flowsForShares(shares, 5e7, 2.1e9);
  return {
    name: 'march-2026',
    chain: chainParams(),
    initialIssuance: tao(10_600_000),
    subnets: incumbents(128, shares, flows, (i) => names[i], 8, 247),
    game: {
      blocksPerSecond: 1 / 12,
      durationBlocks: 7200,
      seriesEvery: 60,
      kits: MAINNET_KITS,
      bots: MAINNET_BOTS,
      // The seed's February surge: 2,740 TAO into Chutes in 9 hours (2,700 blocks), replayed at hour 1.
      schedule: [{ block: 300, event: { type: 'inflow_surge', netuid: toNetuid(64), tao: tao(2740), blocks: 2700 } }],
      economy: MAINNET_ECONOMY,
    },
  };
}

/** The named scenarios; `buildScenario` gives each game its own copy. */
export const PRESETS: Readonly<Record<string, Scenario>> = { workshop: workshop(), mainnet: mainnet(), 'march-2026': march2026() };
export const presetNames: readonly string[] = Object.keys(PRESETS);
