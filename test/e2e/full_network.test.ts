// The seed article's network (`march-2026`, 128 subnets) on real screens: the big screen at 1080p
// names the leaders on the map and groups the tail, any subnet's details come on pointing at it,
// and a phone's tap picks a subnet from the tail. Read through window.__arena and data-testids,
// never pixels; screenshots go to test/output/.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arena, blockAbove, CHROMIUM, createFromLobby, joinOnPhone, LAPTOP, openPage, PHONE, PROJECTOR, ROOT, screenshot, serverAndBrowser } from './harness.ts';

const ready = existsSync(resolve(ROOT, 'server/app.config.ts')) && existsSync(CHROMIUM);

/** The map's drawn state, once it has drawn a grouped layout. */
async function groupedMap(page: Page) {
  await page.waitForFunction(() => window.__arena?.map?.grouped === true && window.__arena.map.nodes.length === 128, undefined, { timeout: 120_000 });
  return (await arena(page))!.map!;
}

/** A node's place on the page: the map's canvas sits where the map's hole is. */
async function onPage(page: Page, node: { x: number; y: number }) {
  const canvas = (await page.$eval('#stage canvas', (c) => {
    const r = c.getBoundingClientRect();
    return { left: r.left, top: r.top };
  }))!;
  return { x: canvas.left + node.x, y: canvas.top + node.y };
}

describe.skipIf(!ready)('the full network on the big screen and a phone', { timeout: 300_000 }, () => {
  const live = serverAndBrowser();
  const errors: string[] = [];
  let code: string;

  beforeAll(async () => {
    const facilitator = await openPage(await live.browser.newContext(LAPTOP), live.server.url, errors);
    code = await createFromLobby(facilitator, { preset: 'march-2026' });
    // A block every 12 s at ×16 is about one a second: the map redraws while the test reads it.
    await facilitator.$eval('[data-testid=speed]', (el) => {
      (el as HTMLInputElement).value = '4';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }, 300_000);

  afterAll(async () => {
    expect(errors).toEqual([]);
  });

  it('the big screen at 1080p names the seed\'s leaders on the map in large type, with the top-10 share, and groups the other 118', async () => {
    const big = await openPage(await live.browser.newContext(PROJECTOR), `${live.server.url}/?code=${code}&watch`, errors);
    await blockAbove(big, 5);
    const map = await groupedMap(big);
    const named = map.nodes.filter((n) => n.labelSize > 0);
    expect(named).toHaveLength(10);
    expect(named.map((n) => n.label)).toEqual(expect.arrayContaining(['Chutes', 'Templar', 'Nineteen', 'Gradients']));
    expect(named[0].label).toBe('Chutes');
    // Legible from the back of a room: the names at 24 px or more on a 1080p projector.
    for (const n of named) expect(n.labelSize).toBeGreaterThanOrEqual(24);
    expect(map.nodes.filter((n) => n.labelSize === 0)).toHaveLength(118);
    expect(map.captions[0].text).toMatch(/^Top 10 · (5[4-8]) % of emission$/);
    expect(map.captions[1].text).toMatch(/^118 others · (4[2-6]) %$/);
    expect(map.captions[0].size).toBeGreaterThanOrEqual(24);
    // The same in words, for a screen reader.
    await big.waitForFunction(() => /^The top 10 take \d+ % of emission, the other 118 \d+ %\.$/.test(document.querySelector('[data-testid=map-text] li')?.textContent ?? ''));
    await screenshot(big, 'big-screen-march-2026-1080');

    // Pointing at a tail subnet brings its card.
    const tail = map.nodes.find((n) => n.labelSize === 0)!;
    const at = await onPage(big, tail);
    await big.mouse.move(at.x, at.y);
    await big.waitForSelector('[data-testid=map-card]:not([hidden])');
    expect(await big.textContent('[data-testid=map-card]')).toMatch(new RegExp(`^SN${tail.netuid}\\b.*#\\d+ of 128 by emission.*% of emission`));
    await screenshot(big, 'big-screen-march-2026-card-1080');
    await big.context().close();
  });

  it('on a phone, a tap on a tail subnet picks it and shows its details', async () => {
    const phone = await openPage(await live.browser.newContext(PHONE), `${live.server.url}/?code=${code}`, errors);
    await joinOnPhone(phone, 'Tess', 'staker');
    if (await phone.isVisible('[data-testid=guide-skip]')) await phone.tap('[data-testid=guide-skip]');
    const map = await groupedMap(phone);
    const tail = map.nodes.filter((n) => n.labelSize === 0).at(-1)!;
    const at = await onPage(phone, tail);
    await phone.touchscreen.tap(at.x, at.y);
    await phone.waitForSelector('[data-testid=map-card]:not([hidden])');
    expect(await phone.textContent('[data-testid=map-card]')).toMatch(new RegExp(`^SN${tail.netuid}\\b`));
    // Picked: the map names it, and the subnet's detail follows.
    await phone.waitForFunction((id) => window.__arena?.map?.nodes.some((n) => n.netuid === id) && document.querySelector('[data-testid=epoch]')?.textContent?.startsWith(`SN${id} `), tail.netuid);
    await screenshot(phone, 'phone-march-2026-tap');
  });
});
