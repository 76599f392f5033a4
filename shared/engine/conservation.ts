import type { Rao } from './money.ts';
import { totalStake } from './stake_book.ts';
import type { ChainState } from './state.ts';

/**
 * Every rao accounted for. Returns what does not add up (empty when all is well):
 * - TAO: outside + balances + pools + root stake = issuance = initial + emitted − recycled;
 * - each subnet's alpha: minted − burned = in pool + out, and out = stake held + pending emission;
 * - nothing negative anywhere.
 */
export function auditConservation(state: ChainState): string[] {
  const problems: string[] = [];
  const t = state.tao;
  let balances = 0n;
  for (const [ck, b] of state.balances) {
    if (b < 0n) problems.push(`negative balance ${ck}`);
    balances += b;
  }
  let pools = 0n;
  for (const s of state.subnets) if (s) pools += s.taoIn;
  const root = totalStake(state.root);
  const held = t.outside + balances + pools + root;
  if (held !== t.issuance) problems.push(`TAO held ${held} ≠ issuance ${t.issuance}`);
  if (t.issuance !== t.initialIssuance + t.emitted - t.recycled) problems.push(`issuance ${t.issuance} ≠ initial + emitted − recycled`);
  if (t.outside < 0n) problems.push('negative TAO outside the network');

  for (const s of state.subnets) {
    if (!s) continue;
    const where = `subnet ${s.netuid}`;
    if (s.taoIn <= 0n || s.alphaIn <= 0n) problems.push(`${where}: empty pool reserve`);
    if (s.alphaMinted - s.alphaBurned !== s.alphaIn + s.alphaOut) problems.push(`${where}: alpha minted − burned ≠ in + out`);
    const pending: Rao = s.pending.ownerCut + s.pending.server + s.pending.validator + s.pending.root;
    const staked = totalStake(s.stake);
    if (staked + pending !== s.alphaOut) problems.push(`${where}: stake ${staked} + pending ${pending} ≠ alpha out ${s.alphaOut}`);
    for (const row of s.stake.values()) for (const v of row.values()) if (v <= 0n) problems.push(`${where}: non-positive stake entry`);
  }
  for (const row of state.root.values()) for (const v of row.values()) if (v <= 0n) problems.push('root: non-positive stake entry');
  return problems;
}
