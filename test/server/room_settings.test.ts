// A room's settings: the facilitator token goes to the creator's first welcome only, the lobby lists
// a public room once its creator is in, and what persistence keeps brings the same settings back.
import { describe, expect, it } from 'vitest';
import { RoomSettings } from '../../server/room_settings.ts';
import { Seats } from '../../server/seats.ts';
import { tokenMatches } from '../../server/secrets.ts';

const clock = { phase: 'running', speed: 2, practice: true } as const;

describe('RoomSettings', () => {
  it("hands the facilitator token once, to the creator's welcome, and lists a public room only after", () => {
    const s = RoomSettings.created({ public: true }, false, true);
    expect([s.awaitingCreator, s.listed]).toEqual([true, false]);
    const token = s.arrived();
    expect(token && tokenMatches(s.facilitatorKey, token)).toBe(true);
    expect([s.awaitingCreator, s.listed]).toEqual([false, true]);
    expect(s.arrived()).toBeNull();
  });

  it('quick play waits for no creator, is listed, starts at once, and counts a seat a person left as free', () => {
    const s = RoomSettings.created({ autostart: false }, true, true);
    expect([s.awaitingCreator, s.listed, s.autostart, s.seats]).toEqual([false, true, true, 8]);
    expect(s.arrived()).toBeNull();
    const seats = new Seats();
    seats.take('p1', 'token-1', 'Ada', 'staker', 's1');
    seats.take('p2', 'token-2', 'Bob', 'staker', 's2');
    seats.get('p2')!.sessionId = null;
    expect(s.listing(seats)).toEqual({ players: 1, freeSeats: 7 });
  });

  it('never lists a replay, and caps the seats', () => {
    const s = RoomSettings.created({ public: true, seats: 10_000 }, false, false);
    s.arrived();
    expect(s.listed).toBe(false);
    expect(s.listing(new Seats()).freeSeats).toBeLessThan(10_000);
  });

  it('comes back from what persistence keeps, as a restored room whose creator came long ago', () => {
    const seats = new Seats();
    seats.take('p1', 'token-1', 'Ada', 'miner', 's1');
    const meta = RoomSettings.created({ public: true, seats: 5, autostart: false }, false, true).meta(clock, seats);
    expect(meta).toMatchObject({ isPublic: true, quickplay: false, autostart: false, practice: true, seats: 5, phase: 'running', speed: 2, players: seats.saved() });
    const back = RoomSettings.restored(meta);
    expect(back.meta(clock, seats)).toEqual(meta);
    expect([back.restored, back.awaitingCreator, back.listed, back.arrived()]).toEqual([true, false, true, null]);
    const { autostart: _, ...older } = meta;
    expect(RoomSettings.restored(older).autostart).toBe(true);
  });
});
