import { mulRatio, nextInt } from '../engine/index.ts';
import type { GameAction } from '../game/types.ts';
import { setWeights, subnetOf } from './moves.ts';
import type { BotView, Strategy } from './view.ts';

const PRODUCTS = ['inference API', 'model training', 'data labelling', 'protein folding', 'price feeds', 'code review'];

/**
 * Registers a subnet when a slot and the lock allow, names it, then keeps buying back its own alpha
 * with the TAO it holds and its product earns: the net inflow Taoflow rewards (the flywheel). Once
 * its owner UID holds a validator permit it weighs only itself: the owner's self-weight counts in
 * Yuma and incentive it wins is burned (run_epoch.rs:695-700, run_coinbase.rs:538-553), the way
 * owners burn miner emission that would otherwise be sold into their pool.
 */
export const buyback: Strategy = (v: BotView, rng) => {
  if (!v.me.owner) {
    return v.subnetRegistrationOpen && v.me.balance >= v.lockCost ? [{ type: 'register_subnet' }] : [];
  }
  const home = subnetOf(v, v.me.home);
  if (!home) return [];
  const actions: GameAction[] = [];
  if (home.name === `SN${home.netuid}`) actions.push({ type: 'name_subnet', name: `Subnet ${home.netuid}`, product: PRODUCTS[nextInt(rng, PRODUCTS.length)] });
  // A measured buyback: a quarter of the free TAO, never more than 1 % of the pool at once
  // (slippage; and a steadier inflow than a few large buys that read as a pump to chasers).
  const quarter = mulRatio(v.me.balance, 0.25);
  const amount = quarter < home.taoIn / 100n ? quarter : home.taoIn / 100n;
  if (amount >= v.minStake * 1000n && amount <= v.me.balance) actions.push({ type: 'buy_back', amount });
  const burn = v.me.uid === null ? null : setWeights(v, new Map([[v.me.uid, 1]]));
  if (burn) actions.push(burn);
  return actions;
};
