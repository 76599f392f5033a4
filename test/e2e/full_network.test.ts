// The seed article's network (`march-2026`, 128 subnets) on real screens: the big screen at 1080p
// names the leaders on the map and groups the tail; a laptop and a projector point at subnets and the
// details card keeps off the subnet and its neighbours; a phone at 360 and 390 px reads every
// leader's name, taps fair targets, opens the tail as one strip; the screen-reader list keeps its
// lines. Read through window.__arena and data-testids, never pixels; screenshots go to test/output/.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArenaDebug } from '../../client/src/net/debug_hook.ts';
import { arena, blockAbove, CHROMIUM, createFromLobby, joinOnPhone, LAPTOP, openPage, PHONE, PROJECTOR, ROOT, screenshot, serverAndBrowser } from './harness.ts';

const ready = existsSync(resolve(ROOT, 'server/app.config.ts')) && existsSync(CHROMIUM);

type DrawnMap = NonNullable<ArenaDebug['map']>;
type Box = { x: number; y: number; width: number; height: number };

const SMALL_PHONE = { ...PHONE, viewport: { width: 360, height: 740 } };
/** WCAG 2.2's smallest target, CSS px. */
const TARGET = 24;

/** Whether two boxes come closer than `by` px (0: whether they overlap; touching is not overlapping), give or take the half pixel the page rounds to. */
const near = (a: Box, b: Box, by = 0) => a.x < b.x + b.width + by - 0.5 && b.x < a.x + a.width + by - 0.5 && a.y < b.y + b.height + by - 0.5 && b.y < a.y + a.height + by - 0.5;
const within = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;

/** The map as drawn, the card's box and the canvas's corner, in page px, read in one go so they agree. */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element | null) => {
      const r = el!.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    };
    const card = document.querySelector<HTMLElement>('[data-testid=map-card]')!;
    return { map: window.__arena!.map!, canvas: rect(document.querySelector('#stage canvas')), card: card.hidden ? null : { ...rect(card), text: card.textContent ?? '' }, screen: { x: 0, y: 0, width: innerWidth, height: innerHeight } };
  });
}

/** The map's drawn state, once it has drawn a grouped layout of the whole network. */
async function groupedMap(page: Page): Promise<DrawnMap> {
  await page.waitForFunction(() => window.__arena?.map?.grouped === true && window.__arena.map.focus === 'all' && window.__arena.map.nodes.length === 128, undefined, { timeout: 120_000 });
  return (await arena(page))!.map!;
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
type DrawnNode = DrawnMap['nodes'][number];
/** A node's circle, or out to its outermost ring (`reach`). */
const dot = (n: DrawnNode, r = n.radius): Box => ({ x: n.x - r, y: n.y - r, width: 2 * r, height: 2 * r });
/** The label drawn for a node, if any: its name on the first line. */
const drawnLabel = (map: DrawnMap, n: DrawnNode) => map.labels.find((l) => l.text.startsWith(`${n.label}\n`));
const onPage = (b: Box, canvas: Box): Box => ({ ...b, x: b.x + canvas.x, y: b.y + canvas.y });

/**
 * Points at (mouse) or taps (touch) a subnet, waits for its card, and checks the card: on screen,
 * and off the subnet's target, its neighbours' targets (any target less than a tap target away,
 * the next thing a pointer moving along the map reaches) and the map's buttons.
 */
async function cardKeepsClear(page: Page, netuid: number, how: 'point' | 'tap') {
  const before = await drawn(page);
  const node = before.map.nodes.find((n) => n.netuid === netuid)!;
  const at = centre(onPage(node.hit!, before.canvas));
  if (how === 'point') await page.mouse.move(at.x, at.y);
  else await page.touchscreen.tap(at.x, at.y);
  await page.waitForFunction((id) => new RegExp(`^SN${id}\\b`).test(document.querySelector<HTMLElement>('[data-testid=map-card]:not([hidden])')?.textContent ?? ''), netuid);
  const { map, canvas, card, screen } = await drawn(page);
  const own = map.nodes.find((n) => n.netuid === netuid)!.hit!;
  const keep = [own, ...map.nodes.filter((n) => n.hit && n.netuid !== netuid && near(n.hit, own, TARGET)).map((n) => n.hit!), ...map.captions.filter((c) => c.opens).map((c) => c.box)];
  expect(keep.length).toBeGreaterThan(1);
  // And every leader's circle (rings included) and name, the orange ring of the subnet next to be pruned: what a player reads the map for.
  const leaders = map.nodes.filter((n) => n.labelSize > 0).flatMap((n) => [dot(n, n.reach), drawnLabel(map, n)!]);
  const prune = map.nodes.filter((n) => n.prune).map((n) => dot(n, n.reach));
  expect(prune).toHaveLength(1);
  // And the groups' captions, as drawn.
  const captions = map.labels.filter((l) => map.captions.some((c) => c.text === l.text));
  for (const b of [...keep, ...leaders, ...prune, ...captions]) expect(near(card!, onPage(b, canvas)), `SN${netuid}'s card over ${JSON.stringify(b)}`).toBe(false);
  expect(within(card!, screen)).toBe(true);
  return { map, canvas, card: card! };
}

/** A picked tail subnet's label, as drawn, over no other subnet's circle. */
async function pickedLabelClear(page: Page, netuid: number) {
  await page.waitForFunction((id) => window.__arena?.map?.labels.some((l) => l.text.startsWith(`${window.__arena!.map!.nodes.find((n) => n.netuid === id)!.label}\n`)), netuid);
  const { map } = await drawn(page);
  const n = map.nodes.find((x) => x.netuid === netuid)!;
  const label = drawnLabel(map, n)!;
  for (const d of map.nodes) if (d !== n) expect(near(label, dot(d)), `SN${netuid}'s label over SN${d.netuid}`).toBe(false);
}

/** How much of the side panel (the Act tab first) a phone shows before anything scrolls. */
const sidePanelInSight = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('.play .side')!.getBoundingClientRect();
    return Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
  });

/** Every label on the map (captions included) inside the canvas, and no two overlapping, as drawn. */
function labelsReadable(map: DrawnMap, canvas: Box) {
  const area = { x: 0, y: 0, width: canvas.width, height: canvas.height };
  for (const l of map.labels) expect(within(l, area), `${l.text} cut at ${JSON.stringify(l)}`).toBe(true);
  for (let a = 0; a < map.labels.length; a++)
    for (let b = a + 1; b < map.labels.length; b++) expect(near(map.labels[a], map.labels[b]), `${map.labels[a].text} over ${map.labels[b].text}`).toBe(false);
}

/** Every tap target at least `TARGET` px each way, and no two sharing a point. */
function fairTargets(boxes: Box[]) {
  for (const b of boxes) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(TARGET);
  for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) expect(near(boxes[a], boxes[b])).toBe(false);
}

describe.skipIf(!ready)('the full network on the big screen, a laptop and phones', { timeout: 300_000 }, () => {
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
    // On a screen this large every subnet is its own target, the tail's too.
    fairTargets(map.nodes.map((n) => n.hit!));
    labelsReadable(map, (await drawn(big)).canvas);
    // The same in words, for a screen reader.
    await big.waitForFunction(() => /^The top 10 take \d+ % of emission, the other 118 \d+ %\.$/.test(document.querySelector('[data-testid=map-text] li')?.textContent ?? ''));
    await screenshot(big, 'big-screen-march-2026-1080');

    // Pointing along the map: each leader, and tail subnets at the tail's corners, edges and middle.
    const tail = map.nodes.filter((n) => n.labelSize === 0);
    for (const n of [...named, ...[0, 7, 8, 55, 59, 63, 109, 110, 117].map((i) => tail[i])]) await cardKeepsClear(big, n.netuid, 'point');
    expect(await big.textContent('[data-testid=map-card]')).toMatch(new RegExp(`^SN${tail[117].netuid}\\b.*#\\d+ of 128 by emission.*% of emission`));
    await screenshot(big, 'big-screen-march-2026-card-1080');
    await big.context().close();
  });

  it('on a laptop, the card for any subnet pointed at keeps off it and its neighbours; the map in words keeps its lines', async () => {
    const page = await openPage(await live.browser.newContext(LAPTOP), `${live.server.url}/?code=${code}`, errors);
    await page.fill('[data-testid=name]', 'Lara');
    await page.click('[data-testid=join]');
    await page.waitForSelector('[data-testid=play]');
    if (await page.isVisible('[data-testid=guide-skip]')) await page.click('[data-testid=guide-skip]');
    const map = await groupedMap(page);
    fairTargets(map.nodes.map((n) => n.hit!));
    labelsReadable(map, (await drawn(page)).canvas);
    await screenshot(page, 'play-march-2026-1280');
    const named = map.nodes.filter((n) => n.labelSize > 0);
    const tail = map.nodes.filter((n) => n.labelSize === 0);
    for (const n of [...named, ...[0, 7, 8, 59, 60, 63, 111, 117].map((i) => tail[i])]) await cardKeepsClear(page, n.netuid, 'point');
    await screenshot(page, 'play-march-2026-card-1280');
    // Picked with a click, a tail subnet is named on the map, over none of its neighbours.
    for (const i of [60, 0, 117]) {
      const at = centre(onPage(tail[i].hit!, (await drawn(page)).canvas));
      await page.mouse.click(at.x, at.y);
      await pickedLabelClear(page, tail[i].netuid);
    }
    await screenshot(page, 'play-march-2026-picked-1280');

    // The list a screen reader reads: one <li> per subnet kept across its rewrites (every 2 s), a line
    // rewritten only when its words changed, lines moved only when the order changed; no live region.
    await page.evaluate(() => {
      const ol = document.querySelector('[data-testid=map-text]')!;
      const seen = { items: Array.from(ol.children), order: Array.from(ol.children), batches: 0, idle: 0, unmoved: 0, lost: 0, sameText: 0, linesRewritten: 0 };
      (window as unknown as { __list: typeof seen }).__list = seen;
      new MutationObserver((records) => {
        seen.batches++;
        const removed = new Set<Node>();
        const added = new Set<Node>();
        for (const r of records) {
          if (r.target === ol) {
            r.removedNodes.forEach((n) => removed.add(n));
            r.addedNodes.forEach((n) => added.add(n));
          } else if (r.type === 'childList') {
            seen.linesRewritten++;
            if (r.removedNodes[0]?.textContent === r.addedNodes[0]?.textContent) seen.sameText++;
          } else if (r.type === 'characterData' && r.oldValue === r.target.textContent) seen.sameText++;
        }
        const order = Array.from(ol.children);
        if (removed.size === 0 && added.size === 0) seen.idle++;
        // A line moved in an unchanged order, or a line gone without coming back, is a rewrite the reader hears.
        if (order.every((li, i) => li === seen.order[i]) && removed.size > 0) seen.unmoved++;
        for (const n of removed) if (!added.has(n)) seen.lost++;
        seen.order = order;
      }).observe(ol, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
    });
    await page.waitForFunction(() => ((window as unknown as { __list: { batches: number } }).__list.batches ?? 0) >= 3, undefined, { timeout: 60_000 });
    const list = await page.evaluate(() => {
      const seen = (window as unknown as { __list: { items: Element[]; batches: number; idle: number; unmoved: number; lost: number; sameText: number; linesRewritten: number } }).__list;
      const ol = document.querySelector('[data-testid=map-text]')!;
      const now = Array.from(ol.children);
      return { ...seen, order: undefined, items: seen.items.length, kept: now.length === seen.items.length && now.every((li) => seen.items.includes(li)), live: ol.closest('[aria-live],[role=status],[role=log],[role=alert],[role=marquee],[role=timer]') !== null };
    });
    expect(list).toMatchObject({ items: 129, kept: true, unmoved: 0, lost: 0, sameText: 0, live: false });
    // Three rewrites of the list changed some lines, but not all 129 each time: the rest were left alone.
    expect(list.linesRewritten).toBeGreaterThan(0);
    expect(list.linesRewritten).toBeLessThan(3 * 129);
    await page.context().close();
  });

  for (const [name, device] of [['390', PHONE], ['360', SMALL_PHONE]] as const)
    it(`on a ${name} px phone, every leader is named legibly and is a fair target, the tail is one strip that opens, and the card keeps clear`, async () => {
      const phone = await openPage(await live.browser.newContext(device), `${live.server.url}/?code=${code}`, errors);
      await joinOnPhone(phone, `Tess${name}`, 'staker');
      if (await phone.isVisible('[data-testid=guide-skip]')) await phone.tap('[data-testid=guide-skip]');
      const map = await groupedMap(phone);
      const { canvas } = await drawn(phone);
      labelsReadable(map, canvas);
      const named = map.nodes.filter((n) => n.labelSize > 0);
      expect(named.map((n) => n.label)).toEqual(expect.arrayContaining(['Chutes', 'Templar', 'Nineteen', 'Gradients']));
      for (const n of named) expect(n.labelSize).toBeGreaterThanOrEqual(12);
      // The tail: one strip, a fair target, and its dots none.
      const strip = map.captions.find((c) => c.opens === 'tail')!;
      expect(strip.text).toMatch(/^118 others · \d+ % · tap to see them ›$/);
      expect(map.nodes.filter((n) => n.labelSize === 0).every((n) => n.hit === null)).toBe(true);
      fairTargets([...named.map((n) => n.hit!), strip.box]);
      // The whole map leaves the Act panel room to read and use before anything scrolls.
      expect(await sidePanelInSight(phone)).toBeGreaterThanOrEqual(220);
      await screenshot(phone, `phone-march-2026-${name}`);

      await cardKeepsClear(phone, named.find((n) => n.label === 'Nineteen')!.netuid, 'tap');
      await screenshot(phone, `phone-march-2026-${name}-leader-card`);

      // Opened, the tail fills the map: every subnet a fair target, a bar back to the whole map.
      const open = centre(onPage(strip.box, canvas));
      await phone.touchscreen.tap(open.x, open.y);
      // Laid out again once the map has the room the opened tail takes (a phone's map grows for it).
      await phone.waitForFunction((TARGET) => window.__arena?.map?.focus === 'tail' && window.__arena.map.nodes.every((n) => n.hit && n.hit.width >= TARGET && n.hit.height >= TARGET), TARGET);
      const { map: tail, canvas: opened } = await drawn(phone);
      expect(tail.nodes).toHaveLength(118);
      fairTargets([...tail.nodes.map((n) => n.hit!), tail.captions.find((c) => c.opens === 'all')!.box]);
      labelsReadable(tail, opened);
      // A tap on a subnet in the middle, in a corner, on the bar's row, on the bottom row: its card, over none of the tail's dots (the bottom row and the orange ring included).
      for (const i of [60, 0, 13, 117, 110]) {
        const { map: now, canvas: at, card } = await cardKeepsClear(phone, tail.nodes[i].netuid, 'tap');
        for (const d of now.nodes) expect(near(card, onPage(dot(d, d.reach), at)), `SN${tail.nodes[i].netuid}'s card over SN${d.netuid}`).toBe(false);
      }
      const picked = tail.nodes[60].netuid;
      await cardKeepsClear(phone, picked, 'tap');
      await phone.waitForFunction((id) => document.querySelector('[data-testid=epoch]')?.textContent?.startsWith(`SN${id} `), picked);
      await pickedLabelClear(phone, picked);
      labelsReadable((await drawn(phone)).map, (await drawn(phone)).canvas);
      await screenshot(phone, `phone-march-2026-${name}-tail`);

      const back = centre(onPage(tail.captions.find((c) => c.opens === 'all')!.box, opened));
      await phone.touchscreen.tap(back.x, back.y);
      await groupedMap(phone);
      await phone.waitForFunction(() => !document.querySelector('[data-hole=map]')!.classList.contains('tail'));
      expect(await sidePanelInSight(phone)).toBeGreaterThanOrEqual(220);
      await phone.context().close();
    });
});
