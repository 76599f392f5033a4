// A workshop in real browsers against the real server: a facilitator creates a game, a staker
// joins by code and stakes, a big screen watches the same blocks, the facilitator pauses.
import { readFileSync } from 'node:fs';
import { Client, type Room } from 'colyseus.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEIGHTS_PAGE_SIZE } from '../../client/src/ui/forms/weights.ts';
import { arena, blockAbove, browserReady, createFromLobby, joinOnPhone, LAPTOP, openPage, PHONE, PROJECTOR, screenshot, sentMessages, serverAndBrowser } from './harness.ts';

describe.runIf(browserReady)('a workshop in the browser', { timeout: 180_000 }, () => {
  const live = serverAndBrowser();
  const errors: string[] = [];
  let facilitator: Page;
  let staker: Page;
  let spectator: Page;
  let bob: Page;
  let code: string;

  it('the facilitator creates a game and gets a join code with its QR code', async () => {
    facilitator = await openPage(await live.browser.newContext(LAPTOP), live.server.url, errors);
    await facilitator.waitForSelector('[data-testid=lobby]');
    await screenshot(facilitator, 'lobby-1280');
    code = await createFromLobby(facilitator, { preset: 'workshop' });
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await facilitator.waitForSelector('[data-testid=qr] svg');
    // Opened on a loopback address, the QR code carries the machine's LAN address when it has one.
    const lan = ((await (await fetch(`${live.server.url}/api/lan`)).json()) as { addresses: string[] }).addresses;
    const origin = lan.length > 0 ? live.server.url.replace('127.0.0.1', lan[0]) : live.server.url;
    expect(await facilitator.getAttribute('[data-testid=qr]', 'data-url')).toBe(`${origin}/?code=${code}`);
    await blockAbove(facilitator, 0);
    await screenshot(facilitator, 'facilitator-1280');
  });

  it("a refused control is answered under the facilitator's controls", async () => {
    await facilitator.fill('[data-testid=surge-blocks]', '0');
    await facilitator.click('[data-testid=event-surge]');
    await facilitator.waitForFunction(() => (document.querySelector('[data-testid=control-error]')?.textContent ?? '').length > 0);
    expect(await facilitator.textContent('[data-testid=control-error]')).toMatch(/blocks/);
    await facilitator.fill('[data-testid=surge-blocks]', '150');
  });

  it('a second browser joins by code as a staker, stakes, and sees its wallet and the pool change', async () => {
    staker = await openPage(await live.browser.newContext(LAPTOP), `${live.server.url}/?code=${code}`, errors);
    await staker.waitForSelector('[data-testid=lobby]');
    expect(await staker.inputValue('[data-testid=code]')).toBe(code);
    await staker.fill('[data-testid=name]', 'Alice');
    await staker.check('[data-testid=role-staker]');
    await staker.click('[data-testid=join]');
    await staker.waitForSelector('[data-testid=play]');
    await staker.waitForFunction(() => window.__arena?.balance !== undefined && window.__arena?.pools?.[1] !== undefined);
    const before = (await arena(staker))!;
    expect(before.balance).toBe('200');

    await staker.selectOption('[data-testid=stake-subnet]', '1');
    await staker.fill('[data-testid=stake-amount]', '100');
    await expect.poll(() => staker.textContent('[data-testid=stake-preview]')).toMatch(/≈ .* α · slippage/);
    await staker.click('[data-testid=stake-submit]');
    await staker.waitForFunction(() => /applied at block/.test(document.querySelector('[data-testid=stake-status]')?.textContent ?? ''));
    expect(await staker.textContent('[data-testid=stake-error]')).toBe('');
    await staker.waitForFunction(() => window.__arena?.balance === '100');
    await staker.waitForFunction(() => (window.__arena?.positions ?? []).some((p) => p.netuid === 1 && Number(p.alpha) > 0));
    await staker.waitForFunction((pool) => window.__arena?.pools?.[1] !== pool, before.pools![1]);
    expect(await staker.textContent('[data-testid=wallet-balance]')).toBe('100.00 τ');
    expect(await staker.getAttribute('[data-testid=wallet-positions]', 'data-count')).toBe('1');
    await screenshot(staker, 'play-staker-1280');
  });

  it('a refused action shows its error where it was taken, and changes nothing', async () => {
    await staker.fill('[data-testid=stake-amount]', '5000');
    await staker.click('[data-testid=stake-submit]');
    await staker.waitForFunction(() => (document.querySelector('[data-testid=stake-error]')?.textContent ?? '').length > 0);
    expect((await arena(staker))!.balance).toBe('100');
  });

  it('a spectator page shows the same game, block advancing', async () => {
    spectator = await openPage(await live.browser.newContext(PROJECTOR), `${live.server.url}/?code=${code}&watch`, errors);
    await spectator.waitForSelector('[data-testid=spectator]');
    expect(await spectator.textContent('[data-testid=code]')).toBe(code);
    const first = await blockAbove(spectator, 0);
    const later = await blockAbove(spectator, first + 3);
    expect(later).toBeGreaterThan(first);
    // Same room: the staker's clock has reached the spectator's block too.
    await blockAbove(staker, first);
    await spectator.waitForFunction(() => document.querySelectorAll('[data-testid=leaderboard] tbody tr').length > 0);
    // The spotlight names a leading subnet and what its miners produce.
    await spectator.waitForFunction(() => /serverless AI inference|model pretraining|web data scraping/.test(document.querySelector('[data-testid=spotlight]')?.textContent ?? ''));
    await screenshot(spectator, 'spectator-1920');
    await spectator.setViewportSize({ width: 1280, height: 720 });
    await spectator.waitForTimeout(300);
    await screenshot(spectator, 'spectator-1280');
  });

  it('the facilitator pauses and the clock stops; resume starts it again', async () => {
    await facilitator.click('[data-testid=pause]');
    for (const page of [facilitator, spectator, staker]) await page.waitForFunction(() => window.__arena?.phase === 'paused');
    const stopped = (await arena(spectator))!.block!;
    // Long enough for several blocks at the workshop's pace: none may come while paused.
    await spectator.waitForTimeout(1500);
    expect((await arena(spectator))!.block).toBe(stopped);
    expect((await arena(staker))!.block).toBe(stopped);
    expect(await spectator.getAttribute('[data-testid=phase]', 'data-phase')).toBe('paused');
    await screenshot(facilitator, 'facilitator-paused-1280');
    await facilitator.click('[data-testid=resume]');
    await blockAbove(spectator, stopped);
  });

  it("the staker's screen works at phone size, and a refresh comes back to the same wallet", async () => {
    await staker.setViewportSize({ width: 390, height: 844 });
    await staker.waitForTimeout(300);
    await screenshot(staker, 'play-staker-390');
    await staker.reload();
    await staker.waitForSelector('[data-testid=play]');
    await staker.waitForFunction(() => window.__arena?.connection === 'online' && window.__arena?.balance !== undefined);
    expect((await arena(staker))!.balance).toBe('100');
    // The facilitator's refresh comes back to the controls, not to a spectator seat.
    await facilitator.reload();
    await facilitator.waitForSelector('[data-testid=facilitator]');
    expect(await facilitator.textContent('[data-testid=fac-code]')).toBe(code);
    await facilitator.waitForFunction(() => window.__arena?.connection === 'online' && window.__arena?.phase === 'running');
  });

  it('after a network drop the page reconnects by itself to the same wallet', async () => {
    const away = () => facilitator.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=players] tr')).some((tr) => /Alice \(away\)/.test(tr.textContent ?? '')), undefined, { timeout: 60_000 });
    await staker.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await staker.context().setOffline(true);
    // The server notices the silent socket (heartbeat) and holds the seat.
    await away();
    await staker.context().setOffline(false);
    await facilitator.waitForFunction(() => !Array.from(document.querySelectorAll('[data-testid=players] tr')).some((tr) => /Alice \(away\)/.test(tr.textContent ?? '')), undefined, { timeout: 60_000 });
    await staker.waitForFunction(() => window.__arena?.connection === 'online');
    expect(await staker.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect((await arena(staker))!.balance).toBe('100');
  });

  it('a phone joins by touch and stakes', async () => {
    const phone = (bob = await openPage(await live.browser.newContext(PHONE), `${live.server.url}/?code=${code}`, errors));
    await phone.waitForSelector('[data-testid=lobby]');
    await screenshot(phone, 'lobby-390');
    await joinOnPhone(phone, 'Bob', 'staker');
    await phone.waitForFunction(() => window.__arena?.balance !== undefined);
    await phone.fill('[data-testid=stake-amount]', '10');
    await phone.tap('[data-testid=stake-submit]');
    await phone.waitForFunction(() => window.__arena?.balance === '190');
    await phone.tap('[data-testid=tab-board]');
    await screenshot(phone, 'play-phone-390-board');
    await phone.tap('[data-testid=tab-act]');
  });

  it('a staker picks another player by name to give TAO; its starting kit stays with its seat, and the form says why', async () => {
    await staker.setViewportSize({ width: 1280, height: 720 });
    await staker.selectOption('[data-testid=transfer-to]', { label: 'Bob · staker' });
    await staker.fill('[data-testid=transfer-amount]', '25');
    expect(await staker.textContent('[data-testid=transfer-preview]')).toBe('Bob receives 25.00 τ · you keep 75.00 τ');
    await staker.click('[data-testid=transfer-submit]');
    // Only gains can be given (a kit given away would be free TAO for whoever joins again and again).
    await staker.waitForFunction(() => /starting kit stays with your seat/.test(document.querySelector('[data-testid=transfer-error]')?.textContent ?? ''));
    expect((await arena(staker))!.balance).toBe('100');
    expect((await arena(bob))!.balance).toBe('190');
    await staker.evaluate(() => document.querySelector('[data-testid=transfer-form]')!.scrollIntoView());
    await screenshot(staker, 'play-transfer-1280');
    await bob.evaluate(() => document.querySelector('[data-testid=transfer-form]')!.scrollIntoView());
    await screenshot(bob, 'play-transfer-390');

    // More than the wallet holds: the preview says so, the server refuses, and nothing moves.
    await staker.fill('[data-testid=transfer-amount]', '5000');
    expect(await staker.textContent('[data-testid=transfer-preview]')).toBe('⚠ You have 100.00 τ free; this needs 5,000.00 τ.');
    await staker.click('[data-testid=transfer-submit]');
    await staker.waitForFunction(() => /starting kit stays with your seat/.test(document.querySelector('[data-testid=transfer-error]')?.textContent ?? ''));
    expect((await arena(staker))!.balance).toBe('100');
    await bob.context().close();
  });

  it("every role's own actions reach the room and are answered where they were taken", async () => {
    const join = async (name: string, role: string) => {
      const page = await openPage(await live.browser.newContext(LAPTOP), `${live.server.url}/?code=${code}`, errors);
      await page.fill('[data-testid=name]', name);
      await page.check(`[data-testid=role-${role}]`);
      await page.click('[data-testid=join]');
      await page.waitForFunction(() => window.__arena?.balance !== undefined);
      return page;
    };
    // Applied at a block, or refused with the server's reason: either way, shown in the form.
    const answered = (page: Page, key: string) =>
      page.waitForFunction((k) => /applied at block/.test(document.querySelector(`[data-testid=${k}-status]`)?.textContent ?? '') || (document.querySelector(`[data-testid=${k}-error]`)?.textContent ?? '') !== '', key);

    const owner = await join('Olga', 'owner');
    await owner.fill('[data-testid=register-subnet-name]', 'Olga Net');
    expect(await owner.textContent('[data-testid=register-subnet-preview]')).toMatch(/lock [\d,.]+ τ · \d\/\d slots used/);
    await owner.click('[data-testid=register-subnet-submit]');
    await answered(owner, 'register-subnet');
    await screenshot(owner, 'play-owner-1280');

    const validator = await join('Vera', 'validator');
    await validator.waitForSelector('[data-testid=weights] input[type=range]');
    await validator.click('[data-testid=use-observations]');
    await validator.click('[data-testid=weights-submit]');
    await answered(validator, 'weights');
    await validator.evaluate(() => document.querySelector('[data-testid=weights-form]')!.scrollIntoView());
    await screenshot(validator, 'play-validator-1280');

    const miner = await join('Max', 'miner');
    await miner.fill('[data-testid=effort]', '0.8');
    await miner.click('[data-testid=effort-submit]');
    await miner.waitForFunction(() => /applied at block/.test(document.querySelector('[data-testid=effort-status]')?.textContent ?? ''));
    await miner.click('[data-testid=tab-subnet]');
    await miner.waitForSelector('[data-testid=neurons] tbody tr');
    await screenshot(miner, 'play-miner-subnet-1280');
    for (const page of [owner, validator, miner]) await page.context().close();
  });

  describe('at a larger scale: a subnet with more miners than one page of sliders', () => {
    // Its own room, made the way a facilitator's script would: one incumbent subnet, room for 64
    // UIDs, two dozen miner bots in it, subnet registration without a rate limit, fast blocks.
    let room: Room;
    let bigCode: string;
    const overrides = {
      blocksPerSecond: 20,
      subnets: 1,
      chain: { maxAllowedUids: 64, maxRegistrationsPerBlock: 64, networkRateLimit: 0, weightsSetRateLimit: 1 },
      bots: Array.from({ length: 24 }, () => ({ role: 'miner', strategy: 'steady' })),
    };
    const joinBig = async (name: string, role: string, watch?: (p: Page) => void) => {
      const page = await openPage(await live.browser.newContext(LAPTOP), `${live.server.url}/?code=${bigCode}`, errors);
      watch?.(page);
      await page.fill('[data-testid=name]', name);
      await page.check(`[data-testid=role-${role}]`);
      await page.click('[data-testid=join]');
      await page.waitForFunction(() => window.__arena?.balance !== undefined);
      return page;
    };

    beforeAll(async () => {
      room = await new Client(live.server.url.replace(/^http/, 'ws')).create('arena', { preset: 'workshop', seed: 'e2e-scale', overrides, name: 'Script' });
      // The script only holds the room open; it reads none of its messages.
      room.onMessage('*', () => {});
      bigCode = room.roomId;
    });
    afterAll(async () => {
      await room?.leave();
    });

    it('the owner renames its subnet from a form prefilled with its name; the feed and the subnet panel show it', async () => {
      const owner = await joinBig('Olga', 'owner');
      // Registered at join: the field follows the subnet's current name.
      await owner.waitForFunction(() => /^SN\d+$/.test((document.querySelector('[data-testid=name-subnet-name]') as HTMLInputElement | null)?.value ?? ''));
      const netuid = Number((await owner.inputValue('[data-testid=name-subnet-name]')).slice(2));
      expect(await owner.textContent('[data-testid=name-subnet-preview]')).toBe(`SN${netuid} is “SN${netuid}” now`);
      // The burn form acts on the subnet the owner owns (one subnet: no picker to choose from).
      expect(await owner.textContent('[data-testid=owner-burn-preview]')).toMatch(new RegExp(`^SN${netuid}: weigh UID \\d+ \\(yours\\) only$|validator permit`));
      expect(await owner.isHidden('[data-testid=owner-burn-subnet]')).toBe(true);
      await owner.fill('[data-testid=name-subnet-name]', 'Olga Prime');
      await owner.fill('[data-testid=name-subnet-product]', 'open weights');
      await owner.click('[data-testid=name-subnet-submit]');
      await owner.waitForFunction(() => /applied at block/.test(document.querySelector('[data-testid=name-subnet-status]')?.textContent ?? ''));
      await owner.waitForFunction((n) => (document.querySelector('[data-testid=events]')?.textContent ?? '').includes(`SN${n} is now Olga Prime — open weights`), netuid);
      await owner.waitForFunction((n) => document.querySelector('[data-testid=subnet-title]')?.textContent === `SN${n} Olga Prime · owner Olga`, netuid);
      await owner.waitForFunction((n) => document.querySelector('[data-testid=name-subnet-preview]')?.textContent === `SN${n} is “Olga Prime” now`, netuid);
      expect(await owner.inputValue('[data-testid=name-subnet-name]')).toBe('Olga Prime');
      // The product comes back through the synced state too.
      await owner.waitForFunction(() => (document.querySelector('[data-testid=name-subnet-product]') as HTMLInputElement | null)?.value === 'open weights');

      // A name the game refuses: its reason where the form is.
      await owner.fill('[data-testid=name-subnet-name]', 'Olga <script>');
      await owner.click('[data-testid=name-subnet-submit]');
      await owner.waitForFunction(() => /subnet name/.test(document.querySelector('[data-testid=name-subnet-error]')?.textContent ?? ''));
      await owner.evaluate(() => document.querySelector('[data-testid=name-subnet-form]')!.scrollIntoView());
      await screenshot(owner, 'play-name-subnet-1280');
      await owner.setViewportSize({ width: 390, height: 844 });
      await owner.evaluate(() => document.querySelector('[data-testid=name-subnet-form]')!.scrollIntoView());
      await screenshot(owner, 'play-name-subnet-390');
      await owner.context().close();
    });

    it("a validator's weights cover every miner, not only the page of sliders on screen", async () => {
      let sent: { netuid: number; uids: number[]; weights: number[] }[] = [];
      const validator = await joinBig('Vera', 'validator', (p) => (sent = sentMessages(p, 'set_weights')));
      await validator.waitForFunction((size) => Number(/of (\d+)/.exec(document.querySelector('[data-testid=weights-page]')?.textContent ?? '')?.[1] ?? 0) > size + 8, WEIGHTS_PAGE_SIZE);
      // A light DOM: one page of sliders, whatever the subnet's size.
      expect(await validator.locator('[data-testid=weights] input[type=range]').count()).toBe(WEIGHTS_PAGE_SIZE);
      expect(await validator.textContent('[data-testid=weights-page]')).toMatch(new RegExp(`^1–${WEIGHTS_PAGE_SIZE} of \\d+$`));

      // Best observed first, once the readings are in.
      await validator.waitForFunction(() => /obs \d/.test(document.querySelector('[data-testid=weights] .weight-row')?.textContent ?? ''));
      const shownObs = await validator.$$eval('[data-testid=weights] .facts', (els) => els.map((e) => Number(/obs ([\d.]+)/.exec(e.textContent ?? '')?.[1] ?? -1)));
      expect(shownObs).toEqual([...shownObs].sort((a, b) => b - a));
      await validator.click('[data-testid=use-observations]');

      // A miner off the first page, reached through the filter, gets a score of its own.
      const firstPage = await validator.$$eval('[data-testid=weights] .weight-row', (rows) => rows.map((r) => Number((r as HTMLElement).dataset.uid)));
      await validator.click('[data-testid=weights-next]');
      await validator.waitForFunction((size) => document.querySelector('[data-testid=weights-page]')?.textContent?.startsWith(`${size + 1}–`), WEIGHTS_PAGE_SIZE);
      const offPage = await validator.$eval('[data-testid=weights] .weight-row:last-child', (r) => Number((r as HTMLElement).dataset.uid));
      expect(firstPage).not.toContain(offPage);
      await validator.click('[data-testid=weights-prev]');
      await validator.fill('[data-testid=weights-filter]', String(offPage));
      await validator.waitForSelector(`[data-testid=weights] .weight-row[data-uid="${offPage}"]`);
      await validator.fill(`[data-testid=weights] input[data-uid="${offPage}"]`, '0.37');
      await validator.fill('[data-testid=weights-filter]', '');

      // The permit comes with the epoch after the validator's self-stake.
      await validator.waitForFunction(() => {
        const text = document.querySelector('[data-testid=weights-preview]')?.textContent ?? '';
        return /^Sends a weight for all \d+ miners/.test(text) && !/permit/.test(text);
      });
      const miners = Number(/all (\d+)/.exec((await validator.textContent('[data-testid=weights-preview]'))!)![1]);
      expect(miners).toBeGreaterThan(WEIGHTS_PAGE_SIZE);
      await validator.click('[data-testid=weights-submit]');
      await validator.waitForFunction(() => /applied at block/.test(document.querySelector('[data-testid=weights-status]')?.textContent ?? ''));
      expect(await validator.textContent('[data-testid=weights-error]')).toBe('');
      expect(sent).toHaveLength(1);
      const [w] = sent;
      expect(w.uids).toHaveLength(miners);
      expect(new Set(w.uids).size).toBe(miners);
      expect(w.weights[w.uids.indexOf(offPage)]).toBe(0.37);
      // Filled from the readings for all of them: not the sliders' starting 0.5 past the first page.
      expect(w.uids.filter((u) => !firstPage.includes(u)).map((u) => w.weights[w.uids.indexOf(u)]).some((x) => x !== 0.5 && x !== 0.37)).toBe(true);

      // The chain's copy comes back in the wallet, after a reload too: the sliders show the stored
      // row, scaled as the chain keeps it (its largest weight is 1), not the starting 0.5.
      const showsStoredRow = () => validator.waitForFunction(() => {
        const values = Array.from(document.querySelectorAll<HTMLInputElement>('[data-testid=weights] input[type=range]'), (s) => Number(s.value));
        return values.length > 0 && values.includes(1) && !values.every((v) => v === 0.5);
      });
      await showsStoredRow();
      await validator.reload();
      await validator.waitForSelector('[data-testid=weights-form]');
      await showsStoredRow();

      await validator.evaluate(() => document.querySelector('[data-testid=weights-form]')!.scrollIntoView());
      await screenshot(validator, 'play-weights-1280');
      await validator.setViewportSize({ width: 390, height: 844 });
      await validator.evaluate(() => document.querySelector('[data-testid=weights-form]')!.scrollIntoView());
      await screenshot(validator, 'play-weights-390');
      await validator.evaluate(() => document.querySelector('[data-testid=weights-submit]')!.scrollIntoView({ block: 'end' }));
      await screenshot(validator, 'play-weights-pager-390');
      await validator.context().close();
    });
  });

  it('quick play puts a player into a public game at once', async () => {
    const page = await openPage(await live.browser.newContext(LAPTOP), live.server.url, errors);
    await page.fill('[data-testid=name]', 'Quinn');
    await page.click('[data-testid=tab-browse]');
    await page.click('[data-testid=quick-play]');
    await page.waitForSelector('[data-testid=play]');
    await page.waitForFunction(() => window.__arena?.balance !== undefined);
    expect((await arena(page))!.code).toMatch(/^[A-Z2-9]{6}$/);
    await page.context().close();
  });

  it('the facilitator ends the game and gets the summary for the debrief; exports answer', async () => {
    facilitator.once('dialog', (d) => void d.accept());
    await facilitator.click('[data-testid=end]');
    await facilitator.waitForFunction(() => window.__arena?.phase === 'ended');
    await facilitator.waitForSelector('[data-testid=results] tbody tr');
    const rows = await facilitator.$$eval('[data-testid=results] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => r.includes('Alice'))).toBe(true);
    // The export goes with the facilitator token in a header: the link itself opens nothing.
    const csv = await facilitator.getAttribute('a[href*="results.csv"]', 'href');
    expect(csv).not.toContain('token');
    expect((await fetch(csv!)).status).toBe(403);
    const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.click('a[href*="results.csv"]')]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('Alice');
    await staker.waitForFunction(() => window.__arena?.phase === 'ended');
    await screenshot(facilitator, 'facilitator-summary-1280');
  });

  it('no page threw an error', () => {
    expect(errors).toEqual([]);
  });
});
