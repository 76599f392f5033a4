import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { resultsCsv, seriesCsv } from '../../server/export_csv.ts';
import { initializeExpress } from '../../server/http.ts';
import { freePort } from '../support/server_process.ts';

// The express routes alone (no game server): what a browser or a facilitator's spreadsheet gets.
const servers: Server[] = [];
async function serve(opts: Parameters<typeof initializeExpress>[1], port: number): Promise<string> {
  const app = express();
  initializeExpress(app, opts);
  servers.push(await new Promise<Server>((resolve) => { const s = app.listen(port, () => resolve(s)); }));
  return `http://localhost:${port}`;
}
afterAll(() => {
  for (const s of servers) s.close();
});

describe('http', () => {
  it('serves the built client at /, or a notice when it is not built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-client-'));
    writeFileSync(join(dir, 'index.html'), '<title>built client</title>');
    const built = await serve({ clientDir: dir }, 2616);
    expect(await (await fetch(`${built}/`)).text()).toContain('built client');
    const missing = await serve({ clientDir: join(dir, 'nope') }, 2617);
    expect(await (await fetch(`${missing}/`)).text()).toMatch(/client is not built/);
  });

  it('the monitor is off without a password, and asks for it when one is set', async () => {
    const off = await serve({ clientDir: '/nonexistent' }, 2618);
    expect((await fetch(`${off}/colyseus`)).status).toBe(404);
    const on = await serve({ clientDir: '/nonexistent', monitorPassword: 'pw' }, 2619);
    expect((await fetch(`${on}/colyseus/`)).status).toBe(401);
    const wrong = Buffer.from('admin:nope').toString('base64');
    expect((await fetch(`${on}/colyseus/`, { headers: { authorization: `Basic ${wrong}` } })).status).toBe(401);
    const right = Buffer.from('admin:pw').toString('base64');
    expect((await fetch(`${on}/colyseus/`, { headers: { authorization: `Basic ${right}` } })).status).toBe(200);
    // The user name counts too (it used to be ignored).
    const wrongUser = Buffer.from('root:pw').toString('base64');
    expect((await fetch(`${on}/colyseus/`, { headers: { authorization: `Basic ${wrongUser}` } })).status).toBe(401);
    const named = await serve({ clientDir: '/nonexistent', monitorPassword: 'pw', monitorUser: 'ops' }, await freePort());
    expect((await fetch(`${named}/colyseus/`, { headers: { authorization: `Basic ${right}` } })).status).toBe(401);
    expect((await fetch(`${named}/colyseus/`, { headers: { authorization: `Basic ${Buffer.from('ops:pw').toString('base64')}` } })).status).toBe(200);
  });

  it('CSV exports keep names as text and leave gaps blank', () => {
    const csv = resultsCsv({ code: 'ABCDEF', preset: 'workshop', seed: 1, block: 9, rows: [{ rank: 1, playerId: 'p1', name: '=HYPERLINK("x")', role: 'staker', bot: false, netWorth: '1', change: '-0.5', emissionIncome: '0', priceGains: '-0.5' }] });
    expect(csv.split('\n')[1]).toBe(`1,p1,"'=HYPERLINK(""x"")",staker,false,1,-0.5,0,-0.5`);
    const series = seriesCsv({ block: [0, 5], subnets: { '1': { price: [0.1, 0.2], taoIn: [1, 2], flowEma: [0, 1], emissionShare: [1, 1] }, '7': { price: [NaN, 0.3], taoIn: [NaN, 3], flowEma: [NaN, 0], emissionShare: [NaN, 0] } }, netWorth: { p1: [100, 101], p2: [50, 49] } }, { code: 'ABC', preset: 'workshop', seed: 1, block: 5, rows: [{ rank: 1, playerId: 'p1', name: 'Ava', role: 'staker', bot: false, netWorth: '101', change: '1', emissionIncome: '0', priceGains: '1' }] });
    expect(series.split('\n')).toEqual(['block,sn1_price,sn1_tao_in,sn1_flow_ema,sn1_emission_share,sn7_price,sn7_tao_in,sn7_flow_ema,sn7_emission_share,Ava_net_worth,p2_net_worth', '0,0.1,1,0,1,,,,,100,50', '5,0.2,2,1,1,0.3,3,0,0,101,49', '']);
  });
});
