import type { Chain, Coldkey, Hotkey, Netuid, Rao } from '../engine/index.ts';
import { formatAmount } from '../engine/index.ts';
import type { GameAction } from './types.ts';

/**
 * The numbers behind a refusal, read from the chain as it stood when the action was refused (a
 * refusal changes nothing, so the state after it is the state it met). Money as decimal strings of
 * TAO (`unit: 'tao'`) or alpha; the client turns them into words ("you have 600 τ free; this needs
 * 5,000 τ"), so the engine's messages can stay terse and in rao.
 */
export interface RefusalFacts {
  unit?: 'tao' | 'alpha';
  /** What the player holds: free TAO, or the alpha behind the hotkey the action named. */
  have?: string;
  /** What the action needs. */
  need?: string;
  /** The smallest stake or unstake the chain takes (TAO). */
  minimum?: string;
  /** The first block at which the same action could pass the rate limit. */
  nextBlock?: number;
}

export interface Signer {
  coldkey: string;
  hotkey: string;
}

const tao = (have: Rao, need: Rao): RefusalFacts => ({ unit: 'tao', have: formatAmount(have), need: formatAmount(need) });

/** What the action would take from the free balance, or null when it takes nothing from it. */
function taoNeeded(chain: Chain, a: GameAction): Rao | null {
  switch (a.type) {
    case 'stake':
    case 'buy_back':
    case 'transfer':
      return typeof a.amount === 'bigint' ? a.amount : null;
    case 'register_subnet':
      return chain.lockCost();
    case 'register_neuron':
      return chain.subnet(a.netuid)?.burn ?? null;
    default:
      return null;
  }
}

export function refusalFacts(chain: Chain, who: Signer, a: GameAction, code: string): RefusalFacts | undefined {
  const st = chain.state;
  const ck = who.coldkey as Coldkey;
  switch (code) {
    case 'INSUFFICIENT_BALANCE': {
      const need = taoNeeded(chain, a);
      return need === null ? undefined : tao(chain.balance(ck), need);
    }
    case 'INSUFFICIENT_STAKE': {
      const at: [Hotkey, Netuid, Rao] | null = a.type === 'unstake' ? [a.hotkey, a.netuid, a.amount] : a.type === 'move_stake' ? [a.fromHotkey, a.fromNetuid, a.amount] : null;
      return at ? { unit: 'alpha', have: formatAmount(chain.stake(ck, at[0], at[1])), need: formatAmount(at[2]) } : undefined;
    }
    case 'AMOUNT_BELOW_MINIMUM':
      return { unit: 'tao', minimum: formatAmount(st.params.minStake) };
    case 'RATE_LIMITED': {
      if (a.type === 'register_subnet') {
        const last = st.network.lastRegistrationBlock;
        return last === null ? undefined : { nextBlock: last + st.params.networkRateLimit };
      }
      if (a.type === 'set_weights') {
        const s = chain.subnet(a.netuid);
        const n = s?.neurons.find((x) => x.hotkey === who.hotkey);
        return n ? { nextBlock: n.lastUpdate + st.params.weightsSetRateLimit } : undefined;
      }
      return a.type === 'register_neuron' ? { nextBlock: st.block + 1 } : undefined;
    }
    default:
      return undefined;
  }
}
