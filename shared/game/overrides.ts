import type { ChainParams, Rao } from '../engine/index.ts';
import { show } from '../engine/errors.ts';
import { MAINNET_CHAIN } from '../engine/index.ts';
import { isStrategy } from '../bots/index.ts';
import { PRESETS, presetNames } from './presets.ts';
import type { Economy, Kit, Scenario } from './scenario.ts';
import { parseScenarioEvent, readTao } from './scenario_events.ts';
import type { Role } from './types.ts';
import { ROLES } from './types.ts';

export interface ScenarioError {
  code: 'INVALID_SCENARIO';
  message: string;
}

class Invalid extends Error {}
const fail = (message: string): never => {
  throw new Invalid(message);
};

type Obj = Record<string, unknown>;

function object(v: unknown, where: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(`${where} must be an object`);
  return v as Obj;
}

/** Every key of `o` must be one of `allowed`: a typo is an error, never silently ignored. */
function onlyKeys(o: Obj, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${where} has no setting "${k}"; it has ${allowed.join(', ')}`);
}

function num(v: unknown, where: string, lo: number, hi: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where} must be a number`);
  const n = v as number;
  if (integer && !Number.isInteger(n)) fail(`${where} must be a whole number`);
  if (n < lo || n > hi) fail(`${where} must be from ${lo} to ${hi}`);
  return n;
}

function amount(v: unknown, where: string): Rao {
  const r = readTao(v, where);
  return typeof r === 'bigint' ? r : fail(r.message);
}

function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') fail(`${where} must be true or false`);
  return v as boolean;
}

// Chain constants that are ratios; every other number in ChainParams is a whole number.
const FRACTIONS = new Set(['taoWeight', 'flowEmaAlpha', 'movingAlpha', 'flowCutoff', 'flowNormExponent', 'adjustmentAlpha']);
const UPPER: Partial<Record<keyof ChainParams, number>> = { tempo: 100_000, subnetLimit: 1024, maxAllowedUids: 4096, maxSwapInputMultiplier: 1e6, flowNormExponent: 10, flowCutoff: 1e15, maxAllowedValidators: 4096 };
const AT_LEAST_ONE = new Set(['tempo', 'subnetLimit', 'maxAllowedUids', 'maxAllowedValidators']);

function chainOverrides(raw: unknown, base: ChainParams): ChainParams {
  const o = object(raw, 'chain');
  onlyKeys(o, Object.keys(MAINNET_CHAIN), 'chain');
  const out: ChainParams = { ...base, rules: { ...base.rules } };
  const w = out as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    const where = `chain.${k}`;
    const def = (MAINNET_CHAIN as unknown as Record<string, unknown>)[k];
    if (k === 'rules') {
      const r = object(v, where);
      onlyKeys(r, ['emission', 'yuma', 'subnetPool', 'injectionCap', 'swapFee'], where);
      if (r.emission !== undefined) out.rules.emission = r.emission === 'taoflow' || r.emission === 'price-ema' ? r.emission : fail(`${where}.emission must be taoflow or price-ema`);
      if (r.yuma !== undefined) out.rules.yuma = r.yuma === 'yuma2' || r.yuma === 'yuma3' ? r.yuma : fail(`${where}.yuma must be yuma2 or yuma3`);
      if (r.subnetPool !== undefined) out.rules.subnetPool = r.subnetPool === 'min-lock-at-par' || r.subnetPool === 'lock-at-median' ? r.subnetPool : fail(`${where}.subnetPool must be min-lock-at-par or lock-at-median`);
      if (r.injectionCap !== undefined) out.rules.injectionCap = r.injectionCap === 'alpha-emission' || r.injectionCap === 'min-alpha-tao-emission' ? r.injectionCap : fail(`${where}.injectionCap must be alpha-emission or min-alpha-tao-emission`);
      if (r.swapFee !== undefined) out.rules.swapFee = r.swapFee === 'pool' || r.swapFee === 'block-author' ? r.swapFee : fail(`${where}.swapFee must be pool or block-author`);
    } else if (typeof def === 'bigint') w[k] = amount(v, where);
    else if (typeof def === 'boolean') w[k] = bool(v, where);
    else if (FRACTIONS.has(k)) w[k] = num(v, where, 0, UPPER[k as keyof ChainParams] ?? 1);
    else w[k] = num(v, where, AT_LEAST_ONE.has(k) ? 1 : 0, k.endsWith('U16') ? 65_535 : (UPPER[k as keyof ChainParams] ?? 1e9), true);
  }
  return out;
}

function kitOverrides(raw: unknown, base: Record<Role, Kit>): Record<Role, Kit> {
  const o = object(raw, 'kits');
  onlyKeys(o, ROLES, 'kits');
  const out = { ...base };
  for (const [role, v] of Object.entries(o) as [Role, unknown][]) {
    const k = object(v, `kits.${role}`);
    onlyKeys(k, ['tao', 'register', 'selfStake'], `kits.${role}`);
    out[role] = {
      tao: k.tao === undefined ? base[role].tao : amount(k.tao, `kits.${role}.tao`),
      register: k.register === undefined ? base[role].register : bool(k.register, `kits.${role}.register`),
      selfStake: k.selfStake === undefined ? base[role].selfStake : amount(k.selfStake, `kits.${role}.selfStake`),
    };
  }
  return out;
}

function economyOverrides(raw: unknown, base: Economy): Economy {
  const o = object(raw, 'economy');
  onlyKeys(o, Object.keys(base), 'economy');
  const e = { ...base };
  if (o.revenuePerTempo !== undefined) e.revenuePerTempo = amount(o.revenuePerTempo, 'economy.revenuePerTempo');
  if (o.computeCostPerTempo !== undefined) e.computeCostPerTempo = amount(o.computeCostPerTempo, 'economy.computeCostPerTempo');
  if (o.qualityHalfLifeBlocks !== undefined) e.qualityHalfLifeBlocks = num(o.qualityHalfLifeBlocks, 'economy.qualityHalfLifeBlocks', 1, 1e7);
  if (o.observationNoise !== undefined) e.observationNoise = num(o.observationNoise, 'economy.observationNoise', 0, 1);
  if (o.observeEvery !== undefined) e.observeEvery = num(o.observeEvery, 'economy.observeEvery', 1, 1e6, true);
  if (o.botEvery !== undefined) e.botEvery = num(o.botEvery, 'economy.botEvery', 1, 1e6, true);
  if (o.populationBuyback !== undefined) e.populationBuyback = num(o.populationBuyback, 'economy.populationBuyback', 0, 1);
  return e;
}

function list(raw: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(raw)) fail(`${where} must be a list`);
  if ((raw as unknown[]).length > max) fail(`${where} may have at most ${max} entries`);
  return raw as unknown[];
}

const OVERRIDE_KEYS = ['blocksPerSecond', 'durationBlocks', 'seriesEvery', 'initialIssuance', 'subnets', 'chain', 'kits', 'economy', 'bots', 'schedule'];

function applyOverrides(base: Scenario, raw: unknown): Scenario {
  const o = object(raw, 'overrides');
  onlyKeys(o, OVERRIDE_KEYS, 'overrides');
  const s = base;
  const g = s.game;
  if (o.blocksPerSecond !== undefined) g.blocksPerSecond = num(o.blocksPerSecond, 'blocksPerSecond', 0.01, MAX_BLOCKS_PER_SECOND);
  if (o.durationBlocks !== undefined) g.durationBlocks = num(o.durationBlocks, 'durationBlocks', 1, MAX_DURATION_BLOCKS, true);
  if (o.seriesEvery !== undefined) g.seriesEvery = num(o.seriesEvery, 'seriesEvery', 1, MAX_DURATION_BLOCKS, true);
  if (o.initialIssuance !== undefined) s.initialIssuance = amount(o.initialIssuance, 'initialIssuance');
  if (o.subnets !== undefined) s.subnets = s.subnets.slice(0, num(o.subnets, 'subnets', 0, s.subnets.length, true));
  if (o.chain !== undefined) s.chain = chainOverrides(o.chain, s.chain);
  if (o.kits !== undefined) g.kits = kitOverrides(o.kits, g.kits);
  if (o.economy !== undefined) g.economy = economyOverrides(o.economy, g.economy);
  if (o.bots !== undefined)
    g.bots = list(o.bots, 'bots', 256).map((b, i) => {
      const seat = object(b, `bots[${i}]`);
      onlyKeys(seat, ['role', 'strategy'], `bots[${i}]`);
      const role = ROLES.includes(seat.role as Role) ? (seat.role as Role) : fail(`bots[${i}].role must be one of ${ROLES.join(', ')}`);
      if (typeof seat.strategy !== 'string' || !isStrategy(role, seat.strategy)) fail(`bots[${i}].strategy is not a ${role} strategy`);
      return { role, strategy: seat.strategy as string };
    });
  if (o.schedule !== undefined)
    g.schedule = list(o.schedule, 'schedule', 256).map((x, i) => {
      const item = object(x, `schedule[${i}]`);
      onlyKeys(item, ['block', 'event'], `schedule[${i}]`);
      const event = parseScenarioEvent(item.event);
      if ('code' in event) fail(`schedule[${i}]: ${event.message}`);
      return { block: num(item.block, `schedule[${i}].block`, 0, 1e8, true), event: event as never };
    });
  return s;
}

/** What must hold for the game to start at all; overrides can break it, presets never do. */
function checkConsistent(s: Scenario): void {
  const p = s.chain;
  if (s.subnets.length > p.subnetLimit) fail(`${s.subnets.length} incumbent subnets do not fit in ${p.subnetLimit} subnet slots`);
  const pooled = s.subnets.reduce((sum, g) => sum + g.taoIn, 0n);
  if (pooled >= s.initialIssuance) fail('the incumbent subnets hold more TAO than was issued');
  if (s.initialIssuance > p.totalSupply) fail('initialIssuance is above the total supply');
  s.subnets.forEach((g, i) => {
    if (1 + g.validators + g.miners > p.maxAllowedUids) fail(`maxAllowedUids ${p.maxAllowedUids} is less than the ${1 + g.validators + g.miners} neurons of incumbent subnet ${i + 1}`);
  });
  if (p.minBurn > p.maxBurn) fail('chain.minBurn is above chain.maxBurn');
  for (const e of s.game.schedule) if (e.event.type === 'inflow_surge' && e.event.netuid > p.subnetLimit) fail(`a scheduled surge names subnet ${e.event.netuid}, beyond the ${p.subnetLimit} slots`);
  checkSize(s);
}

/** Fastest block rate a scenario may ask for; the server's load budget may allow less. */
export const MAX_BLOCKS_PER_SECOND = 200;
/** Longest game: the series keeps a row per block, so its length bounds memory and snapshots. */
export const MAX_DURATION_BLOCKS = 100_000;
/** Most sampled blocks in a game's series (each sample has a row per subnet and per player). */
export const MAX_SERIES_SAMPLES = 5_000;
/** Most per-subnet series rows over a game (samples × subnet slots). */
export const MAX_SERIES_ROWS = 200_000;
/** Most epoch rows over a game (a row per subnet epoch). */
export const MAX_EPOCH_ROWS = 500_000;

/**
 * What the game will keep grows with its length: a row per block, a row per subnet per sample, a
 * row per subnet epoch. Bounding them bounds a game's memory, its snapshots and its exports.
 */
function checkSize(s: Scenario): void {
  const { durationBlocks, seriesEvery } = s.game;
  const slots = s.chain.subnetLimit;
  const samples = Math.min(MAX_SERIES_SAMPLES, Math.floor(MAX_SERIES_ROWS / slots));
  const least = Math.ceil(durationBlocks / samples);
  if (seriesEvery < least) fail(`seriesEvery must be at least ${least} for ${durationBlocks} blocks and ${slots} subnet slots (at most ${MAX_SERIES_SAMPLES} samples and ${MAX_SERIES_ROWS} subnet rows)`);
  if ((durationBlocks * slots) / s.chain.tempo > MAX_EPOCH_ROWS) fail(`${slots} subnets with a tempo of ${s.chain.tempo} over ${durationBlocks} blocks run too many epochs (at most ${MAX_EPOCH_ROWS}); raise chain.tempo or shorten the game`);
}

/**
 * Estimated engine milliseconds per real second to run the scenario at `speed` times its block rate:
 * a block's cost grows with the subnet slots, an epoch's with the UIDs, and every subnet runs an
 * epoch each tempo. Coefficients from `npm run bench` (a full 128 × 256 network costs ≈ 0.5 ms a
 * block) rounded up, so the estimate errs on the costly side.
 */
export function scenarioLoadMs(s: Scenario, speed = 1): number {
  const p = s.chain;
  const perBlock = 0.02 + 0.001 * p.subnetLimit + (p.subnetLimit / p.tempo) * 0.004 * p.maxAllowedUids;
  return s.game.blocksPerSecond * speed * perBlock;
}

/**
 * A preset by name with a facilitator's overrides (plain JSON: amounts as decimal TAO strings).
 * Anything unknown, mistyped or out of range is refused with a message saying which setting.
 */
export function buildScenario(name: string, overrides?: unknown): Scenario | ScenarioError {
  const preset = typeof name === 'string' && Object.hasOwn(PRESETS, name) ? PRESETS[name] : null;
  if (!preset) return { code: 'INVALID_SCENARIO', message: `unknown preset ${show(name)}; presets are ${presetNames.join(', ')}` };
  try {
    const scenario = overrides === undefined ? structuredClone(preset) : applyOverrides(structuredClone(preset), overrides);
    checkConsistent(scenario);
    return scenario;
  } catch (e) {
    if (e instanceof Invalid) return { code: 'INVALID_SCENARIO', message: e.message };
    throw e;
  }
}

export const isScenarioError = (s: Scenario | ScenarioError): s is ScenarioError => 'code' in s;
