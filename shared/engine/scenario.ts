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
  rules: { emission: 'taoflow', pool: 'constant-product', yuma: 'yuma2', subnetPool: 'min-lock-at-par' },
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
  initialBurn: tao(1),
  adjustmentInterval: 100,
  targetRegistrationsPerInterval: 2,
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

/** Deep-enough merge of overrides onto the chain's defaults (rules merge field by field). */
export function chainParams(overrides: Partial<Omit<ChainParams, 'rules'>> & { rules?: Partial<RuleVersions> } = {}): ChainParams {
  return { ...MAINNET_CHAIN, ...overrides, rules: { ...MAINNET_CHAIN.rules, ...overrides.rules } };
}
