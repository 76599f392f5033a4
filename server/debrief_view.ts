// The room's game as the debrief reads it: the game's series, players, validators and story,
// handed to the pure debrief.
import { toUnits } from '../shared/engine/index.ts';
import type { Debrief, DebriefInput } from '../shared/game/index.ts';
import { debrief } from '../shared/game/index.ts';
import type { GameHost } from './game_host.ts';

export function debriefOf(host: GameHost): Debrief {
  const game = host.game;
  const rows = new Map(host.leaderboard().map((r) => [r.id as string, r]));
  const players = game.players().flatMap((p) => {
    const r = rows.get(p.id);
    return r ? [{ id: p.id, name: p.name, role: p.role, bot: p.bot !== null, startWorth: toUnits(r.startWorth), change: toUnits(r.change), emissionIncome: toUnits(r.emissionIncome), priceGains: toUnits(r.priceGains) }] : [];
  });
  const names: Record<number, string> = {};
  const validators: DebriefInput['validators'] = [];
  const lastEpoch = new Map<number, number[]>();
  for (const e of game.series.epochs) lastEpoch.set(e[1], e);
  for (const netuid of game.subnetIds()) {
    names[netuid] = host.subnetName(netuid);
    const info = game.subnetInfo(netuid);
    if (!info) continue;
    // Validators that weigh: a permit and a stored weight row (an owner's or a miner's permit alone weighs nothing).
    const rows = game.chain.subnet(netuid)?.weights;
    const permitted = info.neurons.filter((n) => n.validatorPermit && rows?.has(n.uid));
    const stake = permitted.reduce((s, n) => s + toUnits(n.stake), 0);
    const paid = lastEpoch.get(netuid);
    for (const n of permitted) {
      const who = n.player ? game.player(n.player) : null;
      validators.push({
        name: who?.name ?? `${names[netuid]} validator (UID ${n.uid})`,
        bot: who ? who.bot !== null : true,
        netuid,
        trust: n.validatorTrust,
        dividendShare: n.dividends,
        stakeShare: stake > 0 ? toUnits(n.stake) / stake : 0,
        subnetDividends: paid ? paid[5] * paid[9] : 0,
      });
    }
  }
  const p = game.chain.state.params;
  return debrief({ startBlock: game.startBlock, block: game.block, blocksPerSecond: game.scenario.game.blocksPerSecond, tempo: p.tempo, immunity: p.networkImmunityPeriod, series: game.series, players, names, story: game.story, validators });
}
