// The facilitator's room-wide words and the debrief, over real sockets: an announcement reaches
// every client (and pauses when asked), only the facilitator may send one, the debrief answers
// from this room's game, and the big-screen page follows the facilitator after the end.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Joined } from './harness.ts';
import { act, control, create, join, serverForFile, until } from './harness.ts';

const { server } = await serverForFile();


describe('the workshop arc on the server', () => {
  let fac: Joined;
  let player: Joined;
  let screen: Joined;

  beforeAll(async () => {
    fac = await create(server, { preset: 'workshop', seed: 11, overrides: { blocksPerSecond: 60 }, name: 'Fac', autostart: true });
    player = await join(server, fac.room.roomId, { name: 'Pia', role: 'staker' });
    screen = await join(server, fac.room.roomId, { name: 'Big screen', role: 'spectator' });
    await until(player.room, (s) => s.clock.block > 100);
  });

  it('an announcement reaches every screen; with pause it also pauses the game', async () => {
    const mark = player.inbox.mark();
    expect(await control(fac, 'announce', { text: 'Two minutes to the halving' })).toMatchObject({ ok: true });
    expect(await player.inbox.next('announcement', () => true, mark)).toMatchObject({ text: 'Two minutes to the halving', paused: false });
    expect(await screen.inbox.next('announcement', (a) => a.text === 'Two minutes to the halving')).toBeTruthy();
    expect(fac.room.state.clock.phase).toBe('running');
    expect(await control(fac, 'announce', { text: 'Questions, please', pause: true })).toMatchObject({ ok: true });
    expect(await player.inbox.next('announcement', (a) => a.text === 'Questions, please')).toMatchObject({ paused: true });
    await until(player.room, (s) => s.clock.phase === 'paused');
    // A screen that arrives during the pause (a late phone, a refreshed big screen) is told why.
    const late = await join(server, fac.room.roomId, { name: 'Late', role: 'spectator' });
    expect(await late.inbox.next('announcement')).toMatchObject({ text: 'Questions, please', paused: true });
    await late.room.leave();
    expect(await control(fac, 'resume')).toMatchObject({ ok: true });
    await until(player.room, (s) => s.clock.phase === 'running');
    // Once the game runs again the pause's words are over: a newcomer is not shown them.
    const after = await join(server, fac.room.roomId, { name: 'After', role: 'spectator' });
    await until(after.room, (s) => s.clock.block > fac.room.state.clock.block);
    expect(after.inbox.all('announcement')).toEqual([]);
    await after.room.leave();
  });

  it('only the facilitator speaks to the room, in a sentence or two', async () => {
    expect(await act(player, 'announce', { token: 'guess', text: 'hello' })).toMatchObject({ ok: false, code: 'NOT_FACILITATOR' });
    expect(await control(fac, 'announce', { text: 'x'.repeat(201) })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await control(fac, 'announce', { text: 'a\u0007b' })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(player.inbox.all('announcement').map((a) => a.text)).not.toContain('hello');
  });

  it("after the end the debrief answers from this room's game, and the big screen follows the page", async () => {
    await until(player.room, (s) => s.clock.block > 300);
    expect(await control(fac, 'end_game')).toMatchObject({ ok: true });
    await until(player.room, (s) => s.clock.phase === 'ended');
    screen.room.send('get_debrief', {});
    const d = await screen.inbox.next('debrief');
    expect(d.pages.map((p) => p.topic)).toEqual(['flywheel', 'halving', 'pruning', 'clipping', 'income']);
    expect(d.block).toBe(fac.room.state.clock.block);
    const income = d.pages.find((p) => p.topic === 'income')!;
    expect(income.answer.join(' ')).toMatch(/stakers \(\d+\)/);
    expect(d.pages.find((p) => p.topic === 'flywheel')!.chart.series.length).toBe(fac.room.state.subnets.size);
    expect(d.story.length).toBeGreaterThan(0);
    expect(await control(fac, 'show_debrief', { page: 2 })).toMatchObject({ ok: true });
    expect(await screen.inbox.next('debrief_page')).toEqual({ page: 2 });
    // A big screen opened (or refreshed) now shows the page the facilitator put up.
    const second = await join(server, fac.room.roomId, { name: 'Second screen', role: 'spectator' });
    expect(await second.inbox.next('debrief_page')).toEqual({ page: 2 });
    await second.room.leave();
    expect(await act(player, 'show_debrief', { token: 'guess', page: 1 })).toMatchObject({ ok: false, code: 'NOT_FACILITATOR' });
  });
});
