import type { Chain, ChainParams, Coldkey, Hotkey, Netuid, Rao, Reserves } from '../engine/index.ts';

type PoolLimits = Pick<ChainParams, 'feeRateU16' | 'maxSwapInputMultiplier' | 'minPoolReserve'>;
import { quoteAlphaForTao, ROOT } from '../engine/index.ts';

export interface Position {
  netuid: Netuid;
  hotkey: Hotkey;
}

export const positionKey = (p: Position): string => `${p.netuid}:${p.hotkey}`;

export function parsePosition(key: string): Position {
  const at = key.indexOf(':');
  return { netuid: Number(key.slice(0, at)) as Netuid, hotkey: key.slice(at + 1) as Hotkey };
}

/** What selling these amounts of alpha into one pool, one after another, would pay (a refused sale pays 0). */
export function sellInTurn(reserves: Reserves, amounts: readonly Rao[], limits: PoolLimits): Rao {
  let r = reserves;
  let total = 0n;
  for (const alpha of amounts) {
    if (alpha <= 0n) continue;
    const q = quoteAlphaForTao(r, alpha, limits);
    if (typeof q === 'string') continue;
    total += q.amountOut;
    r = { taoIn: q.taoInAfter, alphaIn: q.alphaInAfter };
  }
  return total;
}

/**
 * What unstaking every position now would pay, in TAO: each position sold in turn, in the order
 * given, each sale moving its pool for the next (slippage and the fee included), exactly as a
 * sequence of `unstake`s would. Root stake is 1:1. A position the pool cannot take counts as 0.
 */
export function liquidationValue(chain: Chain, ck: Coldkey, positions: readonly Position[]): Rao {
  const bySubnet = new Map<number, Rao[]>();
  let total = 0n;
  for (const p of positions) {
    const alpha = chain.stake(ck, p.hotkey, p.netuid);
    if (alpha === 0n) continue;
    if (p.netuid === ROOT) total += alpha;
    else if (bySubnet.has(p.netuid)) bySubnet.get(p.netuid)!.push(alpha);
    else bySubnet.set(p.netuid, [alpha]);
  }
  for (const [id, amounts] of bySubnet) {
    const s = chain.subnet(id as Netuid);
    if (s) total += sellInTurn(s, amounts, chain.state.params);
  }
  return total;
}

/** Net worth at liquidation value: free TAO plus what every position would sell for now. */
export const netWorth = (chain: Chain, ck: Coldkey, positions: readonly Position[]): Rao => chain.balance(ck) + liquidationValue(chain, ck, positions);
