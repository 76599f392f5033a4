// Who is in the room, as the facilitator counts it: people and bots, and people whose screen dropped.

export interface Seat {
  id: string;
  bot: boolean;
  connected: boolean;
  removed: boolean;
}

export function headcount(players: readonly Seat[]): { people: number; bots: number; away: number; removed: number } {
  let people = 0;
  let bots = 0;
  let away = 0;
  let removed = 0;
  for (const p of players) {
    if (p.removed) removed++;
    else if (p.bot) bots++;
    else (people++, p.connected || away++);
  }
  return { people, bots, away, removed };
}

/** The control that takes a seat out: a bot is removed, a person's seat is closed (wallet kept). */
export const removal = (p: Pick<Seat, 'id' | 'bot'>): ['remove_bot' | 'remove_player', { playerId: string }] => [p.bot ? 'remove_bot' : 'remove_player', { playerId: p.id }];
