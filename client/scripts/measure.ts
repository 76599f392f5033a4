// `npm run bench:client`: what a person feels, measured in headless chromium against the real
// server — time to the first interactive frame of the lobby, and frame rate on the `mainnet`
// preset (128 subnets) on the spectator and play screens while blocks run, and what each frame
// cost the browser in CPU time (which other jobs on a shared machine move far less than the frame
// rate). Prints medians.
import type { Page } from 'playwright-core';
import { processes } from '../../server/cli/proc_cpu.ts';
import { buildClient } from '../../test/e2e/harness_build.ts';
import { LAPTOP, launchBrowser, PROJECTOR, startServer } from '../../test/e2e/harness.ts';

const LOADS = 5;
const SAMPLE_MS = 5000;
const SAMPLES = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Frames per second the page draws, counted with requestAnimationFrame over `ms`. Sent as source
 * text: tsx would wrap a named inner function in a helper the page does not have.
 */
const fps = (page: Page, ms: number) =>
  page.evaluate(`new Promise((done) => {
    let frames = 0;
    const t0 = performance.now();
    const tick = () => {
      frames++;
      const t = performance.now() - t0;
      if (t < ${ms}) requestAnimationFrame(tick);
      else done((frames / t) * 1000);
    };
    requestAnimationFrame(tick);
  })`) as Promise<number>;

/**
 * CPU milliseconds used so far by this script's chromium processes (browser, GPU, renderers); null
 * without Linux's /proc. The server, also a child, is left out.
 */
function browserCpuMs(): number | null {
  const procs = processes();
  if (!procs) return null;
  const ours = (pid: number): boolean => {
    for (let p = procs.get(pid)?.parent; p !== undefined && p > 1; p = procs.get(p)?.parent) if (p === process.pid) return true;
    return false;
  };
  let seconds = 0;
  for (const [pid, p] of procs) if (p.command.startsWith('chrom') && ours(pid)) seconds += p.cpuSeconds;
  return seconds * 1000;
}

if (!process.argv.includes('--no-build')) buildClient(`bench-${process.pid}-${Date.now()}`);
const server = await startServer();
const browser = await launchBrowser();
try {
  const interactive: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext(LAPTOP);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.__arena?.interactiveAt !== undefined);
    // The lobby is mounted; wait for the next frame, the first one a person can act on.
    interactive.push(await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())))));
    await context.close();
  }

  const fac = await (await browser.newContext(LAPTOP)).newPage();
  await fac.goto(server.url);
  await fac.waitForSelector('[data-testid=lobby]');
  await fac.click('[data-testid=tab-create]');
  await fac.selectOption('[data-testid=preset]', 'mainnet');
  await fac.click('[data-testid=create]');
  await fac.waitForSelector('[data-testid=facilitator]', { timeout: 120_000 });
  const code = (await fac.textContent('[data-testid=fac-code]'))!.trim();
  // The mainnet pace is a block every 12 s; ×96 gives 8 blocks a second, so the map redraws often.
  await fac.evaluate(() => {
    const speed = document.querySelector<HTMLInputElement>('[data-testid=speed]')!;
    speed.value = String(Math.log2(96));
    speed.dispatchEvent(new Event('change', { bubbles: true }));
  });

  // One page at a time (the others closed): on two cores the server already takes one.
  await fac.context().close();
  const measure = async (url: string, viewport: typeof LAPTOP, join: boolean) => {
    const context = await browser.newContext(viewport);
    const page = await context.newPage();
    await page.goto(url);
    if (join) {
      await page.fill('[data-testid=name]', 'Bench');
      await page.click('[data-testid=join]');
    }
    await page.waitForFunction(() => (window.__arena?.block ?? 0) > 0 && window.__arena?.scene !== 'Lobby', undefined, { timeout: 120_000 });
    const before = (await page.evaluate(() => window.__arena?.block)) ?? 0;
    const samples: number[] = [];
    const costs: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const cpu = browserCpuMs();
      const rate = await fps(page, SAMPLE_MS);
      samples.push(rate);
      if (cpu !== null) costs.push((browserCpuMs()! - cpu) / ((rate * SAMPLE_MS) / 1000));
    }
    const blocks = ((await page.evaluate(() => window.__arena?.block)) ?? 0) - before;
    const subnets = await page.evaluate(() => Object.keys(window.__arena?.pools ?? {}).length);
    await context.close();
    return { fps: +median(samples).toFixed(1), cpuMsPerFrame: costs.length ? +median(costs).toFixed(1) : null, blocks, subnets };
  };
  const spectator = await measure(`${server.url}/?code=${code}&watch`, PROJECTOR, false);
  const play = await measure(`${server.url}/?code=${code}`, LAPTOP, true);

  const result = { firstInteractiveMs: Math.round(median(interactive)), spectatorFps: spectator.fps, playFps: play.fps, spectatorCpuMsPerFrame: spectator.cpuMsPerFrame, playCpuMsPerFrame: play.cpuMsPerFrame, blocksPerSecond: +(spectator.blocks / ((SAMPLES * SAMPLE_MS) / 1000)).toFixed(1), subnets: play.subnets };
  console.log(`time to first interactive frame (lobby, median of ${LOADS}): ${result.firstInteractiveMs} ms`);
  console.log(`mainnet preset, ${result.subnets} subnets, ${result.blocksPerSecond} blocks/s while sampling (medians of ${SAMPLES} × ${SAMPLE_MS / 1000} s):`);
  console.log(`  spectator 1920×1080: ${result.spectatorFps} fps   play 1280×720: ${result.playFps} fps`);
  console.log(`  browser CPU per frame drawn: spectator ${result.spectatorCpuMsPerFrame ?? '—'} ms   play ${result.playCpuMsPerFrame ?? '—'} ms`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.stop();
}
