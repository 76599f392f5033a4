// A practice round in real browsers: the facilitator creates a game with "Practice round first",
// a phone joins and stakes in the practice, the facilitator starts the real game, and the phone is
// in it from block 0 with its kit restored, told so, and keeps its seat.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arena, browserReady, createFromLobby, joinOnPhone, LAPTOP, openPage, PHONE, screenshot, serverAndBrowser } from './harness.ts';

describe.runIf(browserReady)('the practice round', { timeout: 180_000 }, () => {
  const live = serverAndBrowser();
  const errors: string[] = [];
  let facilitator: Page;
  let phone: Page;

  it('the phone plays the practice, then finds itself in the real game with its kit back', async () => {
    facilitator = await openPage(await live.browser.newContext(LAPTOP), live.server.url, errors);
    facilitator.on('dialog', (d) => void d.accept());
    const code = await createFromLobby(facilitator, { preset: 'workshop', practice: true });
    await facilitator.waitForSelector('[data-testid=start-real-game]:not([hidden])');

    phone = await openPage(await live.browser.newContext(PHONE), `${live.server.url}/?code=${code}`, errors);
    await joinOnPhone(phone, 'Pia', 'staker');
    await phone.waitForFunction(() => window.__arena?.balance === '200');
    await phone.waitForFunction(() => /^Practice round · block/.test(document.querySelector('[data-testid=clock]')?.textContent ?? ''));
    await phone.fill('[data-testid=stake-amount]', '50');
    await phone.tap('[data-testid=stake-submit]');
    await phone.waitForFunction(() => window.__arena?.balance === '150');
    const practiceBlock = (await arena(phone))!.block!;

    await facilitator.click('[data-testid=start-real-game]');
    await phone.waitForFunction(() => window.__arena?.balance === '200' && (window.__arena.positions ?? []).length === 0);
    await phone.waitForFunction(() => /^block/.test(document.querySelector('[data-testid=clock]')?.textContent ?? ''));
    await phone.waitForFunction(() => /practice is over/.test(document.querySelector('[data-testid=announcement]:not([hidden])')?.textContent ?? ''));
    expect((await arena(phone))!.block!).toBeLessThan(practiceBlock);
    // What the stake form said belonged to the practice.
    await phone.waitForFunction(() => document.querySelector('[data-testid=stake-status]')?.textContent === '');
    expect(await facilitator.isHidden('[data-testid=start-real-game]')).toBe(true);
    await screenshot(phone, 'phone-practice-over');
    expect(errors).toEqual([]);
  });
});
