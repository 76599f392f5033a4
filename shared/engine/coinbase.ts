import type { ChainEvent } from './events.ts';
import { drainPending } from './epoch.ts';
import { blockEmissionForIssuance } from './issuance.ts';
import type { Rao } from './money.ts';
import { apportion, mulRatio } from './money.ts';
import { U16_MAX } from './pool.ts';
import { totalStake } from './stake_book.ts';
import type { ChainState, Subnet } from './state.ts';
import { alphaIssuance } from './state.ts';
import { recycleAlpha } from './subnet.ts';
import { emissionShares, updateFlowEmas } from './subnet_emissions.ts';

/** Subnets that take part in emission: every registered non-root subnet (start_call is implicit). */
export const emittingSubnets = (state: ChainState): Subnet[] => state.subnets.filter((s): s is Subnet => s !== null);

/**
 * The legacy schedule (run_coinbase.rs::blocks_until_next_epoch): tempo − ((block + n + 1) mod (tempo + 1)),
 * so a period of tempo + 1 blocks staggered by netuid. Tempo 0 never runs (the chain returns u64::MAX).
 */
export const blocksUntilEpoch = (block: number, netuid: number, tempo: number): number => (tempo > 0 ? tempo - ((block + netuid + 1) % (tempo + 1)) : Infinity);

/**
 * should_run_epoch is blocks_until_next_epoch == 0, i.e. (block + n + 1) mod (tempo + 1) = tempo (the
 * chain's doc comment says "= 0", but its own table — tempo 100, netuid 0 ⇒ first epoch at block 99 — and
 * its code agree on this).
 */
export const isEpochBlock = (block: number, netuid: number, tempo: number): boolean => blocksUntilEpoch(block, netuid, tempo) === 0;

/**
 * One block of run_coinbase (2025 code): split the block's TAO across subnets, inject TAO and alpha
 * into each pool (capped by the injection-cap rule, the excess TAO buying alpha that is recycled),
 * accrue the subnet's alpha emission as pending (owner cut, miners, validators, root), and drain the
 * pending emission of every subnet whose epoch falls on this block.
 */
export function runCoinbase(state: ChainState, emission: Rao): ChainEvent[] {
  const p = state.params;
  const subnets = emittingSubnets(state);
  if (p.rules.emission === 'taoflow') updateFlowEmas(subnets, p.flowEmaAlpha);
  const taoShares = apportion(emission, emissionShares(subnets, p));
  const rootTao = Number(totalStake(state.root));
  const rootSells = subnets.reduce((sum, s) => sum + s.movingPrice, 0) > 1;
  const events: ChainEvent[] = [];
  let injected = 0n;
  const ownerCutU16 = BigInt(p.subnetOwnerCutU16);
  // Subnets below their first alpha halving all emit the same alpha, so its split is worked out once
  // a block rather than once a subnet (two BigInt divisions each); a different emission redoes it.
  let split = { emission: -1n, ownerCut: 0n, server: 0n, validators: 0n };
  const rootWeight = p.taoWeight * rootTao;
  const capByTao = p.rules.injectionCap === 'min-alpha-tao-emission';

  for (let i = 0; i < subnets.length; i++) {
    const s = subnets[i];
    const taoEmission = taoShares[i];
    injected += taoEmission;
    s.emissionShare = emission > 0n ? Number(taoEmission) / Number(emission) : 0;
    s.lastTaoIn = taoEmission;

    const issued = alphaIssuance(s);
    const alphaEmission = blockEmissionForIssuance(issued, p.totalSupply, p.defaultBlockEmission);
    injectTao(s, taoEmission, capByTao && emission < alphaEmission ? emission : alphaEmission);

    if (alphaEmission !== split.emission) {
      const cut = (alphaEmission * ownerCutU16) / U16_MAX;
      const half = (alphaEmission - cut) / 2n;
      split = { emission: alphaEmission, ownerCut: cut, server: half, validators: alphaEmission - cut - half };
    }
    const { ownerCut, server, validators } = split;
    const rootProportion = rootTao > 0 ? rootWeight / (rootWeight + Number(issued)) : 0;
    const rootAlpha = mulRatio(validators, rootProportion);
    s.alphaOut += alphaEmission;
    s.alphaMinted += alphaEmission;
    s.pending.ownerCut += ownerCut;
    s.pending.server += server;
    s.pending.validator += validators - rootAlpha;
    // run_coinbase.rs:233-240: root's alpha is recycled when root does not sell.
    if (rootSells) s.pending.root += rootAlpha;
    else recycleAlpha(s, rootAlpha);

    if (isEpochBlock(state.block, s.netuid, p.tempo)) events.push(drainPending(state, s));
    // The subnet's alpha halves by its own issuance (§2); announce the block that crossed the line.
    const nextAlphaEmission = blockEmissionForIssuance(alphaIssuance(s), p.totalSupply, p.defaultBlockEmission);
    if (nextAlphaEmission < alphaEmission) events.push({ type: 'alpha_halving', block: state.block, netuid: s.netuid, emission: nextAlphaEmission });
  }

  state.tao.emitted += injected;
  state.tao.issuance += injected;
  events.unshift({ type: 'block_emission', block: state.block, emission, injected });
  return events;
}

/**
 * get_subnet_terms + inject_and_maybe_swap: alpha_in = T / price, capped (run_coinbase.rs:150, by the
 * rule version: min(alpha emission, TAO block emission), or the alpha emission alone); when capped,
 * the TAO beyond what keeps the price is a fee-free chain buy whose alpha is recycled.
 */
function injectTao(s: Subnet, taoEmission: Rao, cap: Rao): void {
  if (taoEmission === 0n) return;
  let alphaIn = s.taoIn > 0n ? (taoEmission * s.alphaIn) / s.taoIn : 0n;
  let taoIn = taoEmission;
  if (alphaIn > cap) {
    alphaIn = cap;
    taoIn = s.alphaIn > 0n ? (alphaIn * s.taoIn) / s.alphaIn : 0n;
  }
  s.taoIn += taoIn;
  s.alphaIn += alphaIn;
  s.alphaMinted += alphaIn;
  const excess = taoEmission - taoIn;
  if (excess > 0n) {
    const bought = (s.alphaIn * excess) / (s.taoIn + excess);
    s.taoIn += excess;
    s.alphaIn -= bought;
    s.alphaBurned += bought;
  }
}
