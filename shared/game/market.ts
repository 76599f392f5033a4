// The outside market: the wallet that holds alpha at genesis, sells in a shock and buys in a surge.
import type { Chain, Coldkey, Hotkey, Subnet } from '../engine/index.ts';
import { hotkeyStake, mulRatio } from '../engine/index.ts';
import type { Surge } from './state.ts';
import type { GameEvent } from './types.ts';

/** The outside market sells a fraction of every position it holds; the TAO it gets leaves the network. */
export function marketSells(chain: Chain, market: Coldkey, fraction: number): GameEvent[] {
  const events: GameEvent[] = [];
  for (const s of chain.state.subnets) {
    if (!s) continue;
    for (const [hk, row] of [...s.stake]) {
      const held = row.get(market);
      if (!held) continue;
      const amount = mulRatio(held, fraction);
      if (amount <= 0n) continue;
      const r = chain.apply({ type: 'unstake', coldkey: market, hotkey: hk, netuid: s.netuid, amount });
      if (r.ok) events.push(...r.events);
    }
  }
  const cash = chain.balance(market);
  if (cash > 0n) chain.apply({ type: 'debit', coldkey: market, amount: cash });
  return events;
}

/**
 * This block's part of every running surge: outside TAO arrives and is staked behind the subnet's
 * top validator. Returns the surges still running.
 */
export function runSurges(chain: Chain, market: Coldkey, surges: Surge[]): { events: GameEvent[]; running: Surge[] } {
  const events: GameEvent[] = [];
  for (const surge of surges) {
    const part = surge.left / BigInt(surge.blocksLeft);
    surge.left -= part;
    surge.blocksLeft -= 1;
    const s = chain.subnet(surge.netuid);
    if (!s || part <= 0n) continue;
    const hk = topValidator(s);
    if (!chain.apply({ type: 'credit', coldkey: market, amount: part }).ok) continue;
    const r = chain.apply({ type: 'stake', coldkey: market, hotkey: hk, netuid: s.netuid, amount: part });
    if (r.ok) events.push(...r.events);
    else chain.apply({ type: 'debit', coldkey: market, amount: part });
  }
  return { events, running: surges.filter((s) => s.blocksLeft > 0) };
}

/** The permitted validator with the most stake, or the owner's key when there is none. */
function topValidator(s: Subnet): Hotkey {
  let best: Hotkey = s.ownerHotkey;
  let bestStake = -1n;
  for (const n of s.neurons) {
    if (!n.validatorPermit) continue;
    const stake = hotkeyStake(s.stake, n.hotkey);
    if (stake > bestStake) {
      best = n.hotkey;
      bestStake = stake;
    }
  }
  return best;
}
