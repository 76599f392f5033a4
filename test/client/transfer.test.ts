import { describe, expect, it } from 'vitest';
import { transferRecipients } from '../../client/src/lib/arena.ts';
import { transferPreview } from '../../client/src/lib/preview.ts';

const player = (id: string, name: string, role: string, bot = false, removed = false) => ({ id, name, role, bot, removed });

describe('transfer', () => {
  it('previews what the sender keeps, to the rao', () => {
    expect(transferPreview('900', '25')).toEqual({ ok: true, keep: '875' });
    expect(transferPreview('0.000000003', '0.000000001')).toEqual({ ok: true, keep: '0.000000002' });
    expect(transferPreview('900', '900')).toEqual({ ok: true, keep: '0' });
  });

  it('says why an amount cannot be sent, as the stake form does', () => {
    expect(transferPreview('900', '900.000000001')).toEqual({ ok: false, reason: 'more than your free balance' });
    expect(transferPreview('900', 'ten')).toEqual({ ok: false, reason: 'enter an amount like 12.5' });
    expect(transferPreview('900', '0')).toEqual({ ok: false, reason: 'enter more than zero' });
    expect(transferPreview('900', '1.0000000001')).toEqual({ ok: false, reason: 'at most 9 decimals' });
  });

  it('lists every other player still in the game by name, people before bots', () => {
    const players = {
      a: player('a', 'Alice', 'staker'),
      b: player('b', 'bot Whale', 'staker', true),
      c: player('c', 'Bob', 'miner'),
      d: player('d', 'Gone', 'owner', false, true),
      e: player('e', 'Bob', 'validator'),
    };
    expect(transferRecipients(players, 'a')).toEqual([
      ['c', 'Bob · miner'],
      ['e', 'Bob · validator'],
      ['b', 'bot Whale · staker · bot'],
    ]);
    expect(transferRecipients(players, null).map(([id]) => id)).toEqual(['a', 'c', 'e', 'b']);
  });
});
