import { describe, expect, it } from 'vitest';
import { alertsBetween, type Look, nextPruned } from '../../client/src/lib/alerts.ts';
import { clockLine, toMapSubnet } from '../../client/src/lib/arena.ts';
import { firstOf, holdingCheck, minimumCheck, spendCheck, subnetOpensCheck } from '../../client/src/lib/preflight.ts';
import { refusalWords } from '../../client/src/lib/refusal_words.ts';
import { formOrder, guideSeen, markGuideSeen } from '../../client/src/lib/role_guide.ts';
import { rankText, returnText, roleRankText, standingOf } from '../../client/src/lib/standing.ts';
import { personalSummary } from '../../client/src/lib/summary.ts';
import { validatorChoices } from '../../client/src/lib/validators.ts';

describe('refusal words', () => {
  it('tell a refusal in τ and α from its numbers, not in rao', () => {
    expect(refusalWords({ code: 'INSUFFICIENT_BALANCE', message: 'balance 600000000000 rao is less than 5000000000000 rao', action: 'stake', facts: { unit: 'tao', have: '600', need: '5000' } })).toBe('You have 600.00 τ free; this needs 5,000.00 τ.');
    expect(refusalWords({ code: 'INSUFFICIENT_STAKE', message: 'x', action: 'unstake', facts: { unit: 'alpha', have: '12.5', need: '20' } })).toBe('You hold 12.50 α there; this needs 20.00 α.');
    expect(refusalWords({ code: 'RATE_LIMITED', message: 'x', action: 'register_subnet', facts: { nextBlock: 300 } })).toMatch(/opens again at block 300/);
    expect(refusalWords({ code: 'INSUFFICIENT_BALANCE', message: 'x', action: 'register_subnet', facts: { unit: 'tao', have: '100', need: '300' } })).toBe('You have 100.00 τ free; a subnet costs 300.00 τ.');
  });
  it('say which field of a subnet form was refused', () => {
    expect(refusalWords({ code: 'INVALID_PAYLOAD', message: "name must be 1 to 32 letters, digits, spaces or ._'-", action: 'name_subnet' })).toBe("That subnet name or product is refused: name must be 1 to 32 letters, digits, spaces or ._'-.");
  });
  it('fall back to the server message for a code without words', () => {
    expect(refusalWords({ code: 'WEIGHTS_MALFORMED', message: 'weights must not be negative', action: 'set_weights' })).toBe('weights must not be negative');
  });
});

describe('preflight: the refusal a form can foresee', () => {
  it('warns of an unaffordable spend, a stake below the minimum, more alpha than held, a registration too soon', () => {
    expect(spendCheck('stake', '600', '5000')).toMatchObject({ code: 'INSUFFICIENT_BALANCE', facts: { have: '600', need: '5000' } });
    expect(spendCheck('stake', '600', '600')).toBeNull();
    expect(spendCheck('stake', '600', 'abc')).toBeNull();
    expect(minimumCheck('stake', '0.000001', 2_000_000n)).toMatchObject({ code: 'AMOUNT_BELOW_MINIMUM', facts: { minimum: '0.002' } });
    expect(minimumCheck('stake', '1', 2_000_000n)).toBeNull();
    expect(holdingCheck('unstake', '10', '10.5')).toMatchObject({ code: 'INSUFFICIENT_STAKE' });
    expect(subnetOpensCheck(10, 300)).toMatchObject({ code: 'RATE_LIMITED', facts: { nextBlock: 300 } });
    expect(subnetOpensCheck(300, 300)).toBeNull();
    expect(firstOf(null, holdingCheck('unstake', '1', '2'), spendCheck('stake', '1', '2'))?.code).toBe('INSUFFICIENT_STAKE');
  });
});

describe('each role sees its key move first', () => {
  it('puts weights first for a validator holding a UID, and never a second registration first', () => {
    expect(formOrder('validator', { subnet: false, uid: true })[0]).toBe('weights');
    expect(formOrder('miner', { subnet: false, uid: true })[0]).toBe('effort');
    expect(formOrder('miner', { subnet: false, uid: false })[0]).toBe('register-neuron');
    expect(formOrder('owner', { subnet: true, uid: false })[0]).toBe('buyback');
    expect(formOrder('owner', { subnet: false, uid: false })[0]).toBe('register-subnet');
    expect(formOrder('staker', { subnet: false, uid: false })[0]).toBe('stake');
  });
  it('remembers a seen guide per role', () => {
    const store = new Map<string, string>();
    const s = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(guideSeen(s, 'miner')).toBe(false);
    markGuideSeen(s, 'miner');
    expect(guideSeen(s, 'miner')).toBe(true);
    expect(guideSeen(s, 'owner')).toBe(false);
  });
});

describe('standing: a score every role can win', () => {
  const p = (id: string, role: string, changePct: number, rank: number, roleRank: number) => ({ id, role, removed: false, change: String(changePct), changePct, rank, roleRank });
  it('is the return and the rank within the role, with the overall rank beside it', () => {
    const s = standingOf({ a: p('a', 'miner', 12.5, 3, 1), b: p('b', 'miner', 2, 4, 2), c: p('c', 'owner', 50, 1, 1), d: p('d', 'staker', 20, 2, 1) }, 'b')!;
    expect(returnText(s.returnPct)).toBe('+2.0 %');
    expect(roleRankText(s)).toBe('#2 of 2 miners');
    expect(rankText(s)).toBe('#4 of 4');
    expect(returnText(-3.25)).toBe('−3.3 %');
    expect(standingOf({}, 'x')).toBeNull();
  });
});

describe('alerts: what happened to this player', () => {
  const look = (o: Partial<Omit<Look, 'wallet'>> & { wallet?: Partial<Look['wallet']> } = {}): Look => ({
    events: [],
    subnets: [{ netuid: 1, pruneCandidate: false }, { netuid: 2, pruneCandidate: true }],
    subnetLimit: 2,
    ...o,
    wallet: { block: 100, balance: '100', subnets: [], neurons: [], positions: [], ...o.wallet },
  });
  it('sets a baseline on the first look, then tells a lost UID, a pruned subnet with what came back, a permit and a network event', () => {
    const uid = { netuid: 2, uid: 4, hotkey: 'hk', permit: false };
    expect(alertsBetween(null, look({ wallet: { neurons: [uid] } }))).toEqual([]);
    const lost = alertsBetween(look({ wallet: { neurons: [uid] } }), look({ events: [{ block: 9, kind: 'subnet_pruned', text: 'x', netuid: 2 }] }));
    expect(lost[0].text).toMatch(/UID 4 in SN2 was deregistered: its subnet was pruned/);
    const owner = alertsBetween(look({ wallet: { subnets: [2] } }), look({ wallet: { balance: '400', subnets: [] } }));
    expect(owner[0].text).toMatch(/SN2 was pruned.*\+300\.00 τ/);
    expect(alertsBetween(look({ wallet: { neurons: [uid] } }), look({ wallet: { neurons: [{ ...uid, permit: true }] } }))[0].text).toMatch(/validator permit in SN2/);
    // Clipped: told once when the share of weight kept falls below 80 %, not at every epoch after.
    const kept = (trust: number) => look({ wallet: { neurons: [{ ...uid, permit: true, trust }] } });
    expect(alertsBetween(kept(0.95), kept(0.62))).toEqual([{ kind: 'warning', text: expect.stringMatching(/^Yuma clipped your weights in SN2: 62 % of your weight counted/) }]);
    expect(alertsBetween(kept(0.62), kept(0.55))).toEqual([]);
    expect(alertsBetween(kept(0.62), kept(0.97))).toEqual([]);
    const shock = { block: 5, kind: 'scenario_event', text: 'Event: market shock', netuid: -1 };
    expect(alertsBetween(look(), look({ events: [shock] })).map((a) => a.text)).toEqual(['Event: market shock']);
    expect(alertsBetween(look({ events: [shock] }), look({ events: [shock] }))).toEqual([]);
  });
  it('takes a wallet from an earlier block (the real game after a practice round) as a new baseline, not as losses', () => {
    const practice = look({ wallet: { block: 800, subnets: [2], neurons: [{ netuid: 2, uid: 4, hotkey: 'hk', permit: true }] } });
    expect(alertsBetween(practice, look({ wallet: { block: 3 } }))).toEqual([]);
    expect(alertsBetween(practice, look({ wallet: { block: 801 } })).length).toBe(2);
  });
  it('names the next subnet to be pruned only once every slot is full, and warns its owner once', () => {
    expect(nextPruned({ subnets: [{ netuid: 2, pruneCandidate: true }], subnetLimit: 6 })).toBeNull();
    const before = look({ subnetLimit: 3, wallet: { subnets: [2] } });
    const after = look({ wallet: { subnets: [2] } });
    expect(alertsBetween(before, after).map((a) => a.kind)).toEqual(['warning']);
    expect(alertsBetween(after, after)).toEqual([]);
    expect(toMapSubnet({ netuid: 2, name: '', taoIn: '1', alphaIn: '1', price: 1, emaPrice: 1, flowEma: 0, emissionShare: 0, immuneUntil: 0, pruneCandidate: true, ownerName: '', burn: '1', neurons: 1 }, 5, false).pruneCandidate).toBe(false);
  });
});

describe('the end of the game', () => {
  it('stops counting down', () => {
    expect(clockLine({ block: 9000, phase: 'ended', tempo: 45, halvingIn: 10, speed: 1, blocksPerSecond: 5, endBlock: 9000 })).toBe('block 9,000 · final');
    expect(clockLine({ block: 90, phase: 'running', tempo: 45, halvingIn: 0, speed: 1, blocksPerSecond: 5, endBlock: 0, practice: true })).toBe('Practice round · block 90 · ×1');
  });
  it('adds up the parts and says why from the player’s own history', () => {
    const w = { netWorth: '1200', change: '200', emissionIncome: '150', priceGains: '80', business: '-30', balance: '300', positions: [{ netuid: 4, hotkey: 'h', alpha: '500', value: '900' }] };
    // The player joined after the first sample: no figure there.
    const series = { block: [0, 50, 100, 200], subnets: { '4': { price: [1, 1, 1.5, 1.2], taoIn: [], flowEma: [], emissionShare: [] } }, netWorth: { me: [Number.NaN, 1000, 1300, 1200] } };
    const s = personalSummary('me', 'staker', w, series);
    expect(s.parts).toContainEqual(['Started with', '1,000.00 τ']);
    expect(s.parts).toContainEqual(['Locks, burns & bills', '-30.00 τ']);
    expect(s.why[0]).toBe('58 % of what moved your net worth was emission income (+150.00 τ).');
    expect(s.why[1]).toMatch(/SN4 \(900\.00 τ\), saw its price rise 20 %/);
    expect(s.why[2]).toMatch(/peaked at 1,300\.00 τ at block 100; you ended 100\.00 τ below it/);
    expect(s.why[3]).toMatch(/25 % of your net worth sat as free TAO/);
  });
});

describe('choosing a validator to stake behind', () => {
  it('lists permit holders with stake, best yield per α after take first', () => {
    const n = (uid: number, permit: boolean, stake: string, emission: string, take: number) => ({ uid, hotkey: `hk${uid}`, owner: uid === 1 ? 'p1' : null, stake, validatorPermit: permit, incentive: 0, dividends: 0, trust: 0, consensus: 0, take, bonds: 0, emission, registeredAt: 0, immune: false });
    const list = validatorChoices({ netuid: 1, block: 1, name: '', burn: '1', neurons: [n(0, true, '1000', '10', 0.18), n(1, true, '100', '2', 0), n(2, false, '0', '5', 0.18)] }, (id) => (id === 'p1' ? 'Vera' : undefined));
    expect(list.map((v) => v.uid)).toEqual([1, 0]);
    expect(list[0]).toMatchObject({ who: 'Vera', yieldPerAlpha: 0.02 });
    expect(list[1].yieldPerAlpha).toBeCloseTo(0.0082);
  });
});

describe('the map does not say flow by colour alone', () => {
  it('gives each node the direction of its net flow', async () => {
    const { layoutNetwork } = await import('../../client/src/lib/map_layout.ts');
    const base = { name: '', poolTao: 10, emissionShare: 0.1, pruneCandidate: false, immune: false };
    const nodes = layoutNetwork([{ ...base, netuid: 1, netFlow: 2 }, { ...base, netuid: 2, netFlow: -0.5 }, { ...base, netuid: 3, netFlow: 0 }], { x: 0, y: 0, width: 300, height: 200 }, 3);
    expect(nodes.map((n) => n.flow)).toEqual([1, -1, 0]);
  });
});
