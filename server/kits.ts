import { formatAmount } from '../shared/engine/index.ts';
import type { ActionRequest, WireErrorCode } from '../shared/protocol/index.ts';
import type { GameHost } from './game_host.ts';

/**
 * A starting kit stays with its seat: a player may give away (transfer) only what its net worth has
 * grown past its starting value. Otherwise every join is free TAO for whoever it transfers to —
 * join, transfer the kit, leave, again (issue 11: 83 joins took a main account from 1,000 τ to
 * 83,917 τ). Gains can be given, received TAO passed on, and the whole kit still played with.
 */
export function kitTransferRefusal(host: GameHost, playerId: string, request: ActionRequest): { code: WireErrorCode; message: string } | null {
  // A transfer to nobody is the game's to refuse (UNKNOWN_PLAYER), whatever its amount.
  if (request.type !== 'transfer' || host.player(request.to) === null) return null;
  const row = host.leaderboard().find((r) => r.id === playerId);
  const gains = row ? row.netWorth - row.startWorth : 0n;
  if (request.amount <= gains) return null;
  const room = gains > 0n ? `you may give up to ${formatAmount(gains)} τ now` : 'you have no gains to give yet';
  return { code: 'KIT_NOT_TRANSFERABLE', message: `only what you have gained can be transferred; your starting kit stays with your seat (${room})` };
}
