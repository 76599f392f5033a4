// Until the game server lands, `npm start` runs a short headless demo of the engine.
import { auditConservation, Chain, chainParams, coldkey, formatAmount, hotkey, netuid, spotPrice, tao } from '../shared/engine/index.ts';

const chain = Chain.create({ params: chainParams({ tempo: 30, networkRateLimit: 0 }), seed: 'demo', initialIssuance: tao(1_000_000) });
const ok = (r: ReturnType<Chain['apply']>) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
};
ok(chain.apply({ type: 'create_wallet', coldkey: coldkey('owner'), balance: tao(5000) }));
ok(chain.apply({ type: 'create_wallet', coldkey: coldkey('staker'), balance: tao(1000) }));
ok(chain.apply({ type: 'register_subnet', coldkey: coldkey('owner'), hotkey: hotkey('owner-hk') }));
ok(chain.apply({ type: 'stake', coldkey: coldkey('staker'), hotkey: hotkey('owner-hk'), netuid: netuid(1), amount: tao(100) }));
for (let b = 0; b < 300; b++) chain.step();
const s = chain.subnet(netuid(1))!;
console.log('The game server is not built yet; this is a 300-block headless run of the engine.');
console.log(`block ${chain.block}: SN1 price ${spotPrice(s).toFixed(6)} τ/α, pool ${formatAmount(s.taoIn)} τ, emission share ${(s.emissionShare * 100).toFixed(1)} %`);
console.log(`staker holds ${formatAmount(chain.stake(coldkey('staker'), hotkey('owner-hk'), netuid(1)))} α; conservation: ${auditConservation(chain.state).length === 0 ? 'exact' : 'BROKEN'}`);
