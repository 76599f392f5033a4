// Browser-test harness: the real server on a free port, Debian's chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { unpack } from '@colyseus/msgpackr';
import { decode } from '@colyseus/schema';
import { Protocol } from 'colyseus.js';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, has } from '../support/programs.ts';
import { ROOT, type ServerProcess, spawnServer } from '../support/server_process.ts';
import { buildClient } from './harness_build.ts';

export { CHROMIUM, ROOT };

/** Browser suites run where Debian's chromium is installed (the global setup says when it is not). */
export const browserReady = has('chromium');

export const OUTPUT = resolve(ROOT, 'test/output');

export type RunningServer = ServerProcess;

/** The real server in its own process on a free port, with a database of its own. */
export const startServer = (env: Record<string, string> = {}): Promise<RunningServer> => spawnServer({ env });

/**
 * A suite's real server and browser: the client built (once per run), both started before the
 * suite's tests and stopped after them. Call it first in the suite so its own hooks run inside.
 */
export function serverAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  const live = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    buildClient();
    live.server = await startServer();
    live.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}

/** The facilitator's way in: the lobby's create form. Returns the join code. */
export async function createFromLobby(page: Page, o: { preset: string; practice?: boolean; autostart?: boolean }): Promise<string> {
  await page.fill('[data-testid=name]', 'Facilitator');
  await page.click('[data-testid=tab-create]');
  await page.selectOption('[data-testid=preset]', o.preset);
  if (o.practice) await page.check('[data-testid=practice]');
  if (o.autostart === false) await page.uncheck('[data-testid=autostart]');
  await page.click('[data-testid=create]');
  // A full network takes a while to build on a busy machine.
  await page.waitForSelector('[data-testid=facilitator]', { timeout: 120_000 });
  return (await page.textContent('[data-testid=fac-code]'))!.trim();
}

/** A person's way in on a phone opened at the room's link: a name, a role, Join, until the play screen. */
export async function joinOnPhone(page: Page, name: string, role: string): Promise<void> {
  await page.fill('[data-testid=name]', name);
  await page.tap(`[data-testid=role-${role}]`);
  await page.tap('[data-testid=join]');
  await page.waitForSelector('[data-testid=play]');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

export const LAPTOP = { viewport: { width: 1280, height: 720 } };
export const PROJECTOR = { viewport: { width: 1920, height: 1080 } };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A page that fails the test on any uncaught page error. */
export async function openPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  // Generous waits: a 2-core CI machine runs the server, three browsers and other suites at once.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: resolve(OUTPUT, `${name}.png`) });
}

/** The debug object the client publishes (`window.__arena`). */
export const arena = (page: Page) => page.evaluate(() => window.__arena ?? null);

/** Waits until the page's block passes `block` (the clock is running). */
export async function blockAbove(page: Page, block: number): Promise<number> {
  await page.waitForFunction((b) => (window.__arena?.block ?? -1) > b, block);
  return (await arena(page))!.block!;
}

/**
 * Every `type` message the page sends from now on, decoded as the server reads it (a ROOM_DATA
 * byte, the type, a msgpack body): what a form really put on the wire. Call before the page joins.
 */
export function sentMessages<T = Record<string, unknown>>(page: Page, type: string): T[] {
  const out: T[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      if (typeof payload === 'string' || payload[0] !== Protocol.ROOM_DATA) return;
      const it = { offset: 1 };
      if (decode.string(payload, it) === type) out.push(unpack(payload.subarray(it.offset)) as T);
    }),
  );
  return out;
}
