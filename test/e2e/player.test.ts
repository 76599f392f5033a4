// The player's side in real browsers: each role's first screen (goal, guide, key move first, score),
// a refusal shown in view and in words, an alert, Leave and come back, and the personal end of game —
// on a phone (390×844) and a laptop. Screenshots go to test/output/player-*.png.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arena, CHROMIUM, LAPTOP, openPage, PHONE, ROOT, screenshot, serverAndBrowser } from './harness.ts';

const ready = existsSync(resolve(ROOT, 'server/app.config.ts')) && existsSync(CHROMIUM);
// A bot owner registers at block 0; a long network rate limit then holds every other registration
// back, so a person's owner kit finds no slot and their screen must say when one opens.
const overrides = { blocksPerSecond: 10, chain: { networkRateLimit: 100_000 } };

describe.skipIf(!ready)("the player's screens", { timeout: 240_000 }, () => {
  const live = serverAndBrowser();
  let facilitator: Room;
  let token = '';
  let code = '';
  const errors: string[] = [];
  const pages: Record<string, Page> = {};

  beforeAll(async () => {
    facilitator = await new Client(live.server.url.replace(/^http/, 'ws')).create('arena', { preset: 'workshop', seed: 'player-e2e', overrides, name: 'Fac' });
    token = await new Promise<string>((done) => facilitator.onMessage('welcome', (w: { facilitatorToken: string }) => done(w.facilitatorToken)));
    facilitator.onMessage('*', () => {});
    code = facilitator.roomId;
  }, 240_000);

  afterAll(async () => {
    await facilitator?.leave();
  });

  const join = async (name: string, role: string, device: typeof PHONE | typeof LAPTOP) => {
    const page = await openPage(await live.browser.newContext(device), `${live.server.url}/?code=${code}`, errors);
    await page.waitForSelector('[data-testid=lobby]');
    await page.fill('[data-testid=name]', name);
    await page.check(`[data-testid=role-${role}]`);
    await page.click('[data-testid=join]');
    await page.waitForSelector('[data-testid=play]');
    await page.waitForFunction(() => window.__arena?.balance !== undefined);
    return page;
  };
  const firstForm = (page: Page) => page.evaluate(() => (document.querySelector('[data-testid=actions]')?.firstElementChild as HTMLElement | null)?.dataset.testid);
  /** Whether an element is wholly inside the viewport (not cut off, not below the fold). */
  const inView = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.height > 0;
    }, selector);
  const overflowing = (page: Page, selector: string) =>
    page.evaluate((sel) => Array.from(document.querySelectorAll<HTMLElement>(sel)).filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => el.textContent), selector);

  it('a first-time validator gets a short guide over the map, skippable and remembered', async () => {
    const page = (pages.validator = await join('Vera', 'validator', PHONE));
    await page.waitForSelector('[data-testid=guide]:not([hidden])');
    expect(await page.textContent('[data-testid=guide-title]')).toBe('You hold a UID and self-stake');
    await screenshot(page, 'player-validator-guide-390');
    await page.tap('[data-testid=guide-next]');
    expect(await page.textContent('[data-testid=guide-title]')).toBe('Weights earn dividends');
    await page.tap('[data-testid=guide-skip]');
    expect(await page.isHidden('[data-testid=guide]')).toBe(true);
    await page.reload();
    await page.waitForSelector('[data-testid=play]');
    await page.waitForFunction(() => window.__arena?.balance !== undefined);
    expect(await page.isHidden('[data-testid=guide]')).toBe(true);
    // A refresh reconnects without a new welcome: the screen still knows who the player is.
    await page.waitForFunction(() => /#\d+ of \d+ validators/.test(document.querySelector('[data-testid=wallet-role-rank]')?.textContent ?? ''));
  });

  it.each<[string, string | RegExp]>([
    ['validator', 'weights-form'],
    ['miner', 'effort-form'],
    ['owner', 'register-subnet-form'],
    ['staker', 'stake-form'],
  ])("a %s's phone leads with its goal, its key move and its score", async (role, first) => {
    const page = (pages[role] ??= await join(`${role[0].toUpperCase()}${role.slice(1)} One`, role, PHONE));
    if (await page.isVisible('[data-testid=guide-skip]')) await page.tap('[data-testid=guide-skip]');
    await page.waitForFunction(() => /#\d+ of \d+/.test(document.querySelector('[data-testid=wallet-role-rank]')?.textContent ?? ''));
    expect(await page.textContent('[data-testid=goal]')).toMatch(/^Goal: /);
    expect(await firstForm(page)).toMatch(first);
    expect(await page.textContent('[data-testid=wallet-return]')).toMatch(/^[+−±]\d+\.\d %$/);
    expect(await overflowing(page, '.top, .wallet, [data-testid=actions] *')).toEqual([]);
    await screenshot(page, `player-${role}-first-390`);
  });

  it("an owner's registration preview says what it costs and when it becomes possible", async () => {
    expect(await pages.owner.textContent('[data-testid=register-subnet-preview]')).toMatch(/^⚠ Only one subnet may be registered per period on the whole network\. It opens again at block [\d,]+\. \(lock [\d,.]+ τ/);
  });

  it('a validator on a laptop sees its weights first, the score beside the wallet', async () => {
    const page = (pages.laptop = await join('Victor', 'validator', LAPTOP));
    await page.click('[data-testid=guide-skip]');
    expect(await firstForm(page)).toBe('weights-form');
    await page.waitForFunction(() => /#\d+ of \d+ validators/.test(document.querySelector('[data-testid=wallet-role-rank]')?.textContent ?? ''));
    await screenshot(page, 'player-validator-first-1280');
    // The map has a text alternative: every subnet in words, for a screen reader.
    const words = await page.locator('[data-testid=map-text] li').allTextContents();
    expect(words.length).toBeGreaterThan(0);
    expect(words[0]).toMatch(/^SN\d+ .*% of emission, (net inflow|net outflow|no net flow), pool [\d,]+ τ/);
  });

  it('a refusal is foreseen by the preview and, when sent anyway, shown in view and in τ', async () => {
    const page = pages.staker;
    await page.fill('[data-testid=stake-amount]', '5000');
    await page.waitForFunction(() => /^⚠ You have 200\.00 τ free; this needs 5,000\.00 τ\.$/.test(document.querySelector('[data-testid=stake-preview]')?.textContent ?? ''));
    await page.tap('[data-testid=stake-submit]');
    await page.waitForSelector('[data-testid=toast][data-kind=bad]:not([hidden])');
    expect(await page.textContent('[data-testid=toast]')).toContain('You have 200.00 τ free; this needs 5,000.00 τ.');
    expect((await arena(page))!.lastError?.code).toBe('INSUFFICIENT_BALANCE');
    // Scroll the form away: the notice stays where the player is looking.
    await page.evaluate(() => document.querySelector('.side')!.scrollTo(0, 0));
    expect(await inView(page, '[data-testid=toast]')).toBe(true);
    await screenshot(page, 'player-error-390');
  });

  it('a stake behind a validator the staker picked', async () => {
    const page = pages.staker;
    await page.waitForFunction(() => (document.querySelector('[data-testid=stake-validator]') as HTMLSelectElement).options.length > 1);
    const choice = await page.evaluate(() => (document.querySelector('[data-testid=stake-validator]') as HTMLSelectElement).options[1].value);
    await page.selectOption('[data-testid=stake-validator]', choice);
    await page.fill('[data-testid=stake-amount]', '10');
    await page.tap('[data-testid=stake-submit]');
    await page.waitForFunction(() => window.__arena?.balance === '190');
    await page.waitForSelector('[data-testid=toast][data-kind=good]:not([hidden])');
  });

  it('a market shock reaches the phone as an alert', async () => {
    facilitator.send('trigger_event', { token, event: { type: 'market_shock', fraction: 0.3 } });
    const page = pages.staker;
    await page.waitForFunction(() => (window.__arena?.alerts ?? []).some((a) => /market shock/.test(a)));
    await page.waitForSelector('[data-testid=toast][data-kind=alert]:not([hidden])');
    expect(await inView(page, '[data-testid=toast]')).toBe(true);
    await screenshot(page, 'player-alert-390');
  });

  it('the Board and Subnet tabs fit a 360 px phone', async () => {
    const page = pages.miner;
    await page.setViewportSize({ width: 360, height: 780 });
    await page.tap('[data-testid=tab-board]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=leaderboard] tbody tr').length > 3);
    expect(await overflowing(page, '[data-testid=leaderboard] td, [data-testid=leaderboard] th')).toEqual([]);
    await screenshot(page, 'player-board-360');
    await page.tap('[data-testid=tab-subnet]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=neurons] tbody tr').length > 0);
    expect(await overflowing(page, '[data-testid=subnet-facts] dd, [data-testid=subnet-title]')).toEqual([]);
    await screenshot(page, 'player-subnet-360');
    await page.tap('[data-testid=tab-act]');
  });

  it('Leave asks first, and the same code and role bring the player back to the same wallet', async () => {
    const page = pages.staker;
    await page.tap('[data-testid=leave]');
    await page.waitForSelector('[data-testid=leave-confirm]:not([hidden])');
    await screenshot(page, 'player-leave-390');
    await page.tap('[data-testid=leave-yes]');
    await page.waitForSelector('[data-testid=lobby]');
    await page.fill('[data-testid=code]', code);
    await page.check('[data-testid=role-staker]');
    await page.tap('[data-testid=join]');
    await page.waitForSelector('[data-testid=play]');
    await page.waitForFunction(() => window.__arena?.balance !== undefined);
    expect((await arena(page))!.balance).toBe('190');
  });

  it('at the end every player sees their own result; forms close; the clock stops', async () => {
    facilitator.send('end_game', { token });
    for (const page of [pages.staker, pages.laptop]) {
      await page.waitForSelector('[data-testid=end-summary]:not([hidden])');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=end-why] li').length >= 3);
      expect(await page.textContent('[data-testid=end-role-rank]')).toMatch(/^#\d+ of \d+ (stakers|staker|validators)$/);
      expect(await page.textContent('[data-testid=clock]')).toMatch(/final$/);
      expect(await page.isDisabled('[data-testid=stake-submit]')).toBe(true);
    }
    expect(await inView(pages.staker, '[data-testid=end-summary] .card')).toBe(true);
    await screenshot(pages.staker, 'player-end-390');
    await screenshot(pages.laptop, 'player-end-1280');
    expect(errors).toEqual([]);
  });
});
