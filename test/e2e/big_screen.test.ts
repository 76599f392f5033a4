// The workshop arc on real screens: the facilitator opens the big screen from its own browser, the
// big screen at the start (join code and QR), mid-game (colour keys, axes, headline figures) and at
// the end (standings, race, story; the spotlight at rest). Screenshots go to test/output/.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { arena, blockAbove, CHROMIUM, createFromLobby, joinOnPhone, openPage, PHONE, PROJECTOR, ROOT, screenshot, serverAndBrowser } from './harness.ts';

const ready = existsSync(resolve(ROOT, 'server/app.config.ts')) && existsSync(CHROMIUM);

describe.skipIf(!ready)('the big screen and the facilitator arc', { timeout: 240_000 }, () => {
  const live = serverAndBrowser();
  let laptop: BrowserContext;
  const errors: string[] = [];
  let facilitator: Page;
  let big: Page;
  let code: string;

  afterAll(async () => {
    expect(errors).toEqual([]);
  });

  it('on localhost the facilitator is warned and the QR code carries the LAN address', async () => {
    laptop = await live.browser.newContext({ viewport: { width: 1440, height: 900 } });
    facilitator = await openPage(laptop, live.server.url, errors);
    facilitator.on('dialog', (d) => void d.accept());
    code = await createFromLobby(facilitator, { preset: 'workshop', autostart: false });
    const lan = ((await (await fetch(`${live.server.url}/api/lan`)).json()) as { addresses: string[] }).addresses;
    await facilitator.waitForSelector('[data-testid=lan-warning]:not([hidden])');
    expect(await facilitator.textContent('[data-testid=lan-warning]')).toMatch(/127\.0\.0\.1/);
    if (lan.length > 0) await facilitator.waitForFunction((ip) => (document.querySelector('[data-testid=qr]') as HTMLElement | null)?.dataset.url?.includes(ip) ?? false, lan[0]);
  });

  it('"Open the big screen" opens the big screen in the same browser, and the facilitator keeps its seat', async () => {
    const [popup] = await Promise.all([laptop.waitForEvent('page'), facilitator.click('[data-testid=big-screen-link]')]);
    popup.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
    await popup.waitForSelector('[data-testid=spectator]');
    expect((await arena(popup))?.scene).toBe('Spectator');
    await popup.close();
    await facilitator.reload();
    await facilitator.waitForSelector('[data-testid=facilitator]');
  });

  it('the big screen at the start: the join code and a QR code large enough to scan from the room', async () => {
    big = await openPage(await live.browser.newContext(PROJECTOR), `${live.server.url}/?code=${code}&watch`, errors);
    await big.waitForSelector('[data-testid=join-card]:not([hidden]) [data-testid=qr-big] svg');
    const qr = await big.$eval('[data-testid=qr-big]', (e) => e.getBoundingClientRect().width);
    expect(qr).toBeGreaterThan(300);
    expect(await big.textContent('[data-testid=join-card]')).toContain(code);
    await screenshot(big, 'big-screen-start-1080');
  });

  it('mid-game: code and QR stay small, charts carry a colour key by subnet and axes in units, figures mean something', async () => {
    await facilitator.click('[data-testid=start]');
    await facilitator.$eval('[data-testid=speed]', (el) => {
      (el as HTMLInputElement).value = '3';
      el.dispatchEvent(new Event('change'));
    });
    await blockAbove(big, 400);
    await facilitator.click('[data-testid=event-surge]');
    await blockAbove(big, 900);
    await big.waitForSelector('[data-testid=join-card][hidden]', { state: 'attached' });
    await big.waitForSelector('[data-testid=join-small] [data-testid=qr-small] svg');
    expect(await big.textContent('[data-testid=join-small]')).toContain(code);
    await big.waitForFunction(() => document.querySelectorAll('[data-testid=share-chart] .chart-key .key').length >= 3);
    const keys = await big.$$eval('[data-testid=share-chart] .chart-key .key', (els) => els.map((e) => ({ label: e.textContent, colour: (e.querySelector('i') as HTMLElement).style.background })));
    const lines = await big.$$eval('[data-testid=share-chart] svg path[stroke]', (els) => els.map((e) => e.getAttribute('stroke')));
    expect(new Set(keys.map((k) => k.colour)).size).toBe(keys.length);
    expect(lines.length).toBe(keys.length);
    expect(await big.$$eval('[data-testid=share-chart] .y-axis span', (els) => els.map((e) => e.textContent))).toEqual(expect.arrayContaining([expect.stringMatching(/%$/)]));
    expect(await big.$$eval('[data-testid=flow-chart] .x-axis span', (els) => els.length)).toBe(3);
    expect(await big.textContent('[data-testid=leader]')).toMatch(/^SN\d+ .* · \d+ %$/);
    expect(await big.textContent('[data-testid=halving]')).toMatch(/^in \d+ (s|min)$/);
    // Colours belong to subnets: the same subnet keeps its colour on the next redraw.
    const before = Object.fromEntries(keys.map((k) => [k.label, k.colour]));
    await blockAbove(big, 1300);
    const after = await big.$$eval('[data-testid=share-chart] .chart-key .key', (els) => els.map((e) => [e.textContent, (e.querySelector('i') as HTMLElement).style.background] as const));
    for (const [label, colour] of after) if (before[label!]) expect(colour).toBe(before[label!]);
    await screenshot(big, 'big-screen-mid-1080');
  });

  it('the facilitator counts people and bots, tells every screen, pauses with a message, and removes bots in one go', async () => {
    const phone = await openPage(await live.browser.newContext(PHONE), `${live.server.url}/?code=${code}`, errors);
    await joinOnPhone(phone, 'Pia', 'staker');
    await facilitator.waitForFunction(() => /^1 person · 9 bots/.test(document.querySelector('[data-testid=headcount]')?.textContent ?? ''));
    await facilitator.fill('[data-testid=announce-text]', 'Questions now: what did the halving do?');
    await facilitator.click('[data-testid=announce-pause]');
    for (const page of [big, phone]) await page.waitForFunction(() => /Paused.*Questions now: what did the halving do\?/.test(document.querySelector('[data-testid=announcement]:not([hidden])')?.textContent ?? ''));
    // The words travel as a message, the phase with the next state patch: wait for the patch.
    await big.waitForFunction(() => window.__arena?.phase === 'paused');
    expect((await arena(big))?.phase).toBe('paused');
    await screenshot(big, 'big-screen-announcement-1080');
    await screenshot(phone, 'phone-announcement');
    await facilitator.click('[data-testid=resume]');
    await big.waitForSelector('[data-testid=announcement]', { state: 'hidden' });
    await facilitator.click('[data-testid=select-bots]');
    expect(await facilitator.textContent('[data-testid=remove-selected]')).toBe('Remove 9 selected');
    await facilitator.click('[data-testid=remove-selected]');
    await facilitator.waitForFunction(() => /^1 person · 0 bots · 9 removed/.test(document.querySelector('[data-testid=headcount]')?.textContent ?? ''));
    await screenshot(facilitator, 'facilitator-tools-1440');
    await phone.close();
  });

  it('at the end: final standings, the net-worth race replayed, the story, and the spotlight at rest', async () => {
    await facilitator.click('[data-testid=end]');
    await big.waitForSelector('[data-testid=final]:not([hidden])');
    await big.waitForFunction(() => document.querySelectorAll('[data-testid=final-standings] tbody tr').length >= 5);
    await big.waitForFunction(() => document.querySelectorAll('[data-testid=race-chart] svg path[stroke]').length >= 3);
    expect((await arena(big))?.spotlight).toBeNull();
    // No next halving or emission rate after the end: the head's remaining figures have the room to be read whole.
    expect(await big.isHidden('[data-testid=halving]')).toBe(true);
    expect(await big.isHidden('[data-testid=spotlight]')).toBe(true);
    await big.waitForFunction(() => document.querySelector('[data-testid=final]')?.getAttribute('data-replayed') === 'true', undefined, { timeout: 60_000 });
    await big.waitForFunction(() => document.querySelectorAll('[data-testid=story] li').length >= 3 && !/being written/.test(document.querySelector('[data-testid=story]')?.textContent ?? ''));
    await screenshot(big, 'big-screen-end-1080');
  });

  it('the debrief walks through the questions with this game\'s answers, each with its chart, and goes on the big screen', async () => {
    await facilitator.waitForSelector('[data-testid=summary]:not([hidden]) [data-testid=results] tbody tr');
    await facilitator.waitForSelector('[data-testid=debrief-tab-5]');
    await screenshot(facilitator, 'facilitator-debrief-standings-1440');
    const topics = ['flywheel', 'halving', 'pruning', 'clipping', 'income'];
    for (const [i, topic] of topics.entries()) {
      await facilitator.click(`[data-testid=debrief-tab-${i + 1}]`);
      await facilitator.waitForSelector(`[data-testid=debrief-page][data-topic=${topic}]`);
      expect((await facilitator.textContent('[data-testid=debrief-answer]'))!.length).toBeGreaterThan(40);
      expect(await facilitator.$$eval('[data-testid=debrief-page] svg path[stroke], [data-testid=debrief-page] .bar-row', (els) => els.length)).toBeGreaterThan(0);
      await screenshot(facilitator, `facilitator-debrief-${topic}-1440`);
      await facilitator.click('[data-testid=show-on-big-screen]');
      await big.waitForSelector(`[data-testid=debrief-screen]:not([hidden]) [data-testid=debrief-page][data-topic=${topic}]`);
      await screenshot(big, `big-screen-debrief-${topic}-1080`);
    }
    await facilitator.click('[data-testid=take-down]');
    await big.waitForSelector('[data-testid=debrief-screen]', { state: 'hidden' });
  });
});
