// What happened to this player, told on their own screen: worked out from two successive looks at
// their wallet and the public state (the server sends no per-player news), so a refresh never
// replays old alerts — the first look only sets the baseline.
import { CLIPPED_BELOW, type WalletView } from '../../../shared/protocol/index.ts';
import { percent, signed, taoText } from './format.ts';

export interface Look {
  wallet: Pick<WalletView, 'block' | 'balance' | 'subnets' | 'neurons' | 'positions'>;
  /** The feed's recent lines (public). */
  events: { block: number; kind: string; text: string; netuid: number }[];
  subnets: { netuid: number; pruneCandidate: boolean }[];
  subnetLimit: number;
}

export interface Alert {
  kind: 'lost' | 'gained' | 'network' | 'warning';
  text: string;
}

const clipped = (trust: number | undefined) => trust !== undefined && trust < CLIPPED_BELOW;

const key = (e: Look['events'][number]) => `${e.block}|${e.kind}|${e.text}`;

/** The subnet next to be pruned only means something once every slot is taken. */
export const nextPruned = (l: Pick<Look, 'subnets' | 'subnetLimit'>): number | null =>
  l.subnets.length >= l.subnetLimit ? (l.subnets.find((s) => s.pruneCandidate)?.netuid ?? null) : null;

/** A wallet from an earlier block is a new game: the practice round is over. */
export const newGameBetween = (before: Look | null, now: Look): boolean => before !== null && now.wallet.block < before.wallet.block;

export function alertsBetween(before: Look | null, now: Look): Alert[] {
  // A new game is a new baseline, not losses.
  if (!before || newGameBetween(before, now)) return [];
  const out: Alert[] = [];
  const gained = Number(now.wallet.balance) - Number(before.wallet.balance);
  const seen = new Set(before.events.map(key));
  const fresh = now.events.filter((e) => !seen.has(key(e)));
  const pruned = new Set(fresh.filter((e) => e.kind === 'subnet_pruned').map((e) => e.netuid));

  for (const n of before.wallet.subnets)
    if (!now.wallet.subnets.includes(n))
      out.push({ kind: 'lost', text: `Your subnet SN${n} was pruned (lowest EMA price past immunity). Its lock came back to you${gained > 0 ? `: free TAO ${signed(gained)}` : ''}.` });
  for (const was of before.wallet.neurons) {
    const is = now.wallet.neurons.find((x) => x.netuid === was.netuid && x.uid === was.uid && x.hotkey === was.hotkey);
    if (!is) {
      const why = pruned.has(was.netuid) ? 'its subnet was pruned' : 'a newcomer took the weakest UID past immunity';
      out.push({ kind: 'lost', text: `Your UID ${was.uid} in SN${was.netuid} was deregistered: ${why}. Your stake stays yours; register again to keep earning.` });
    } else if (is.permit !== was.permit) {
      out.push(is.permit ? { kind: 'gained', text: `You now hold a validator permit in SN${is.netuid}: set weights to earn dividends.` } : { kind: 'lost', text: `You lost your validator permit in SN${is.netuid}: others have more stake. Stake more on your hotkey to win it back.` });
    } else if (clipped(is.trust) && !clipped(was.trust)) {
      out.push({ kind: 'warning', text: `Yuma clipped your weights in SN${is.netuid}: ${percent(is.trust!, 0)} of your weight counted at the last epoch. Weight above what the stake-weighted majority gives a miner is cut, and your dividends with it: weigh what the miners deliver.` });
    }
  }
  for (const p of before.wallet.positions)
    if (pruned.has(p.netuid) && !now.wallet.positions.some((q) => q.netuid === p.netuid && q.hotkey === p.hotkey))
      out.push({ kind: 'lost', text: `SN${p.netuid} was pruned: your ${taoText(p.value)} position there was paid back in TAO.` });

  for (const e of fresh) if (e.kind === 'halving' || e.kind === 'scenario_event') out.push({ kind: 'network', text: e.text });

  const next = nextPruned(now);
  if (next !== null && now.wallet.subnets.includes(next) && nextPruned(before) !== next)
    out.push({ kind: 'warning', text: `Your subnet SN${next} is next to be pruned if another subnet registers: raise its price (buy back, draw stakers).` });
  return out;
}
