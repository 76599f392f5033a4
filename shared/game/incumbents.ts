// The network the players arrive in: genesis subnets' owners and validators, who are not players
// but keep weighing miners and buying back their alpha as their business earns.
import type { Subnet, Uid } from '../engine/index.ts';
import { mulRatio, quoteTaoForAlpha } from '../engine/index.ts';
import { observe } from './observations.ts';
import type { Incumbents } from './state.ts';
import type { World } from './world.ts';

/** Incumbent validators weigh what they observe a few blocks before each epoch, like honest validators. */
export function incumbentsSetWeights(w: World): void {
  const chain = w.chain;
  const p = chain.state.params;
  const sigma = w.g.scenario.game.economy.observationNoise;
  const lead = Math.max(1, Math.min(10, Math.floor(p.tempo / 4)));
  for (const inc of w.g.incumbents) {
    // The schedule first: it rules out all but one subnet of 128 a block without reading any.
    if (chain.blocksUntilEpoch(inc.netuid) !== lead) continue;
    const s = chain.subnet(inc.netuid);
    if (!s || s.owner !== inc.owner) continue;
    // Only miners are worth observing (one pass over the UIDs, shared by the subnet's validators).
    const miners: Uid[] = [];
    const truth: number[] = [];
    w.qualities.of(s).forEach((q, j) => {
      if (q !== undefined && q > 0) {
        miners.push(j as Uid);
        truth.push(q);
      }
    });
    if (miners.length === 0) continue;
    // The validators' UIDs in one pass over the subnet's: a search for each validator would be 8
    // passes, and a map of all 256 UIDs every tempo of every subnet was a tenth of what the
    // incumbents allocate.
    const validators = new Set<string>(inc.validators);
    const uidOf = new Map<string, number>();
    for (let j = 0; j < s.neurons.length; j++) {
      const hk = s.neurons[j].hotkey;
      if (validators.has(hk) && !uidOf.has(hk)) uidOf.set(hk, j);
    }
    inc.validators.forEach((hk, k) => {
      const j = uidOf.get(hk) ?? -1;
      if (j < 0 || !s.neurons[j].validatorPermit) return;
      const seen = observe(inc.noise[k], truth, sigma);
      // Counted first so the two rows are allocated once at their size (a full network sets
      // some 16,000 such rows a day), not grown by push.
      let count = 0;
      for (let m = 0; m < seen.length; m++) if (seen[m] > 0) count++;
      const uids: Uid[] = new Array(count);
      const weights: number[] = new Array(count);
      for (let m = 0, c = 0; m < seen.length; m++) {
        if (seen[m] <= 0) continue;
        uids[c] = miners[m];
        weights[c++] = seen[m] * seen[m];
      }
      if (count > 0) chain.apply({ type: 'set_weights', coldkey: inc.coldkey, hotkey: hk, netuid: inc.netuid, uids, weights });
    });
  }
}

/** An incumbent owner puts a share of its wallet back into its subnet's alpha at each epoch. */
export function incumbentBuyback(w: World, inc: Incumbents, s: Subnet): void {
  const chain = w.chain;
  const amount = mulRatio(chain.balance(inc.owner), w.g.scenario.game.economy.populationBuyback);
  if (amount < chain.state.params.minStake || typeof quoteTaoForAlpha(s, amount, chain.state.params) === 'string') return;
  chain.apply({ type: 'stake', coldkey: inc.owner, hotkey: s.ownerHotkey, netuid: s.netuid, amount });
}
