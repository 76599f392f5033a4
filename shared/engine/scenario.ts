import type { Rao } from './money.ts';
import { tao } from './money.ts';

/**
 * Which version of a mechanism the chain runs. A later era of the chain is a new version here,
 * not a rewrite: the engine switches on these names.
 */
export interface RuleVersions {
  /** How the block's TAO is split across subnets (ECONOMICS §4.2). */
  emission: 'taoflow' | 'price-ema';
  /** Pool curve (§3). Only the 2025 constant product is implemented; Balancer is a future version. */
  pool: 'constant-product';
  /** Yuma variant (§5). */
  yuma: 'yuma2' | 'yuma3';
  /**
   * A new subnet's opening pool (§3.6): the 2025 code seeds the minimum lock at price 1 and recycles
   * the rest of the lock; the 2026 code keeps the whole lock and opens at the median subnet price.
   */
  subnetPool: 'min-lock-at-par' | 'lock-at-median';
  /**
   * The cap on the alpha injected into a pool each block (§4.3): the subnet's alpha emission
   * (2025 code), or the smaller of that and the TAO block emission (PR #2281, main from 2025-12-12,
   * run_coinbase.rs:150), which after the TAO halving caps injection at 0.5 alpha a block.
   */
  injectionCap: 'alpha-emission' | 'min-alpha-tao-emission';
  /**
   * Where swap fees go (§3.2): into the pool's liquidity, as the V3 protocol position's fees did, or
   * to the block author — outside the modelled network — as from 2026-03-11 (`7eb6f9bb7`).
   */
  swapFee: 'pool' | 'block-author';
}

/**
 * Every constant of the chain the engine uses, with the chain's value as default (`MAINNET_CHAIN`).
 * Presets override some (a short tempo for a workshop); nothing in the engine hard-codes these.
 * Amounts in rao, proportions stored the way the chain stores them (u16 out of 65535) where it does.
 */
export interface ChainParams {
  rules: RuleVersions;

  // §2 issuance
  totalSupply: Rao;
  defaultBlockEmission: Rao;
  /**
   * TAO halvings decreed on top of the issuance schedule (a game's "halving now"); 0 on the chain.
   * Only TAO's emission: each subnet's alpha keeps halving by its own issuance.
   */
  decreedTaoHalvings: number;

  // §1 timing
  tempo: number;

  // §3 pools
  feeRateU16: number;
  minStake: Rao;
  minPoolReserve: Rao;
  maxSwapInputMultiplier: number;

  // §4 coinbase
  subnetOwnerCutU16: number;
  /** TaoWeight as a float (chain: u64 / 2^64). */
  taoWeight: number;
  /** Taoflow EMA smoothing α per block. */
  flowEmaAlpha: number;
  flowCutoff: number;
  flowNormExponent: number;

  // §8 moving price
  movingAlpha: number;
  emaPriceHalvingBlocks: number;

  // §6 network registration
  networkMinLockCost: Rao;
  networkLockReductionInterval: number;
  networkRateLimit: number;
  subnetLimit: number;
  networkImmunityPeriod: number;

  // §7 neuron registration (2025 burn adjustment)
  maxAllowedUids: number;
  neuronImmunityPeriod: number;
  minBurn: Rao;
  maxBurn: Rao;
  initialBurn: Rao;
  adjustmentInterval: number;
  targetRegistrationsPerInterval: number;
  /**
   * AdjustmentAlpha as a float (chain: u64 / 2^64): the old burn's weight in each adjustment,
   * next = α·burn + (1 − α)·burn·(regs + target)/(2·target) (block_step.rs::upgraded_burn).
   */
  adjustmentAlpha: number;
  /** Registrations per interval are refused from this multiple of the target on (registration.rs:261: 3); 0: no cap. */
  maxRegistrationsPerIntervalFactor: number;
  maxRegistrationsPerBlock: number;
  minNonImmuneUids: number;

  // §5 Yuma
  kappaU16: number;
  bondsMovingAverage: number;
  bondsPenaltyU16: number;
  liquidAlpha: boolean;
  alphaLowU16: number;
  alphaHighU16: number;
  alphaSigmoidSteepness: number;
  maxAllowedValidators: number;
  activityCutoff: number;
  weightsSetRateLimit: number;
  maxWeightsLimitU16: number;

  // delegation
  defaultTakeU16: number;
  maxDelegateTakeU16: number;
  minDelegateTakeU16: number;
}

/** The chain as ECONOMICS.md describes it for the seed's era (late 2025 – early 2026). */
export const MAINNET_CHAIN: ChainParams = {
  rules: { emission: 'taoflow', pool: 'constant-product', yuma: 'yuma2', subnetPool: 'min-lock-at-par', injectionCap: 'min-alpha-tao-emission', swapFee: 'pool' },
  totalSupply: tao(21_000_000),
  defaultBlockEmission: tao(1),
  decreedTaoHalvings: 0,
  tempo: 360,
  feeRateU16: 33,
  minStake: 2_000_000n,
  minPoolReserve: 1_000_000n,
  maxSwapInputMultiplier: 1000,
  subnetOwnerCutU16: 11_796,
  taoWeight: 971_718_665_099_567_868 / 2 ** 64,
  flowEmaAlpha: 29_597_889_189_277 / 9_223_372_036_854_775_807,
  flowCutoff: 0,
  flowNormExponent: 1,
  movingAlpha: 0.000003,
  emaPriceHalvingBlocks: 201_600,
  networkMinLockCost: tao(1000),
  networkLockReductionInterval: 57_600,
  networkRateLimit: 28_800,
  subnetLimit: 128,
  networkImmunityPeriod: 864_000,
  maxAllowedUids: 256,
  neuronImmunityPeriod: 5000,
  minBurn: 500_000n,
  maxBurn: tao(100),
  // What do_register_network gives every new subnet (subnet.rs:276-278) and the era's opening burn
  // (runtime/src/lib.rs:1032, SubtensorInitialBurn 0.1 TAO), not the runtime defaults 100 / 2 / 0.
  initialBurn: tao(1) / 10n,
  adjustmentInterval: 360,
  targetRegistrationsPerInterval: 1,
  adjustmentAlpha: 17_893_341_751_498_265_066 / 2 ** 64,
  maxRegistrationsPerIntervalFactor: 3,
  maxRegistrationsPerBlock: 1,
  minNonImmuneUids: 10,
  kappaU16: 32_767,
  bondsMovingAverage: 900_000,
  bondsPenaltyU16: 65_535,
  liquidAlpha: false,
  alphaLowU16: 45_875,
  alphaHighU16: 58_982,
  alphaSigmoidSteepness: 1000,
  maxAllowedValidators: 64,
  activityCutoff: 5000,
  weightsSetRateLimit: 100,
  maxWeightsLimitU16: 65_535,
  defaultTakeU16: 11_796,
  maxDelegateTakeU16: 11_796,
  minDelegateTakeU16: 0,
};

/**
 * What the engine did before these parameters existed: a snapshot stored without them gets these,
 * not today's defaults, so a stored game plays on as it did.
 */
export const LEGACY_PARAMS = {
  rules: { injectionCap: 'alpha-emission', swapFee: 'pool' },
  adjustmentAlpha: 0,
  maxRegistrationsPerIntervalFactor: 0,
} as const satisfies Partial<Omit<ChainParams, 'rules'>> & { rules: Partial<RuleVersions> };

/** Deep-enough merge of overrides onto the chain's defaults (rules merge field by field). */
export function chainParams(overrides: Partial<Omit<ChainParams, 'rules'>> & { rules?: Partial<RuleVersions> } = {}): ChainParams {
  return { ...MAINNET_CHAIN, ...overrides, rules: { ...MAINNET_CHAIN.rules, ...overrides.rules } };
}
