// The room's story: the few events the debrief tells (registrations, prunings, the facilitator's
// events), kept in the game's own state so a snapshot, a restore, a fork and a replay all carry it.
import { toUnits } from '../engine/index.ts';
import type { SubnetLabel } from './state.ts';
import type { GameEvent } from './types.ts';

export type StoryEvent =
  | { type: 'registered'; block: number; netuid: number; owner: string }
  | { type: 'pruned'; block: number; netuid: number; name: string; refunded: number }
  | { type: 'event'; block: number; event: 'halving_now' | 'market_shock' | 'inflow_surge'; netuid?: number; fraction?: number; tao?: number };

export interface Story {
  /** Each live subnet's name as the story last heard it: a pruned subnet is told by the name it had. */
  names: Record<string, string>;
  events: StoryEvent[];
}

/** A story that starts now, with the subnets as they are named now. */
export const newStory = (labels: Record<string, SubnetLabel>): Story => ({ names: Object.fromEntries(Object.entries(labels).map(([n, l]) => [n, l.name])), events: [] });

/** Adds what the debrief tells of `events`, in the order the game emitted them. */
export function noteStory(story: Story, events: readonly GameEvent[]): void {
  for (const e of events) {
    if (e.type === 'subnet_named') story.names[e.netuid] = e.name;
    else if (e.type === 'subnet_registered') {
      story.names[e.netuid] = `SN${e.netuid}`;
      story.events.push({ type: 'registered', block: e.block, netuid: e.netuid, owner: e.owner });
    } else if (e.type === 'subnet_pruned') {
      story.events.push({ type: 'pruned', block: e.block, netuid: e.netuid, name: story.names[e.netuid] ?? `SN${e.netuid}`, refunded: toUnits(e.refunded) });
      delete story.names[e.netuid];
    } else if (e.type === 'scenario_event') {
      const ev = e.event;
      story.events.push({ type: 'event', block: e.block, event: ev.type, ...(ev.type === 'inflow_surge' ? { netuid: ev.netuid, tao: toUnits(ev.tao) } : {}), ...(ev.type === 'market_shock' ? { fraction: ev.fraction } : {}) });
    }
  }
}
