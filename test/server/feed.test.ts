import { describe, expect, it } from 'vitest';
import { netuid, tao } from '../../shared/engine/index.ts';
import type { GameEvent } from '../../shared/game/index.ts';
import { describeEvent, type Namer } from '../../server/feed.ts';

const names: Namer = { subnetName: () => 'Chutes', prunedName: () => 'Chutes', nameOf: () => null };
const epoch = (ownerBurned: bigint): GameEvent => ({ type: 'epoch', block: 90, netuid: netuid(4), distributed: tao(40), ownerCut: tao(7), incentive: tao(16), dividends: tao(17), burned: ownerBurned, ownerBurned });

describe('the event feed at an epoch', () => {
  it("names the owner's burn of miner emission (run_coinbase.rs:538-553)", () => {
    expect(describeEvent(epoch(12_345_678_901n), names)).toEqual({ block: 90, kind: 'owner_burned', text: "The owner of Chutes (SN4) burns its miners' emission: 12.35 α this epoch", netuid: 4 });
  });

  it('stays quiet at an epoch where nothing was burned by the owner', () => {
    expect(describeEvent(epoch(0n), names)).toBeNull();
  });
});
