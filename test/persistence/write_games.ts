// Writes stored games as a running server would (archive entry by entry, snapshots, clock marks),
// then dies by SIGKILL so the database is left as a crash leaves it: the latest writes only in the
// write-ahead log. `tsx test/persistence/write_games.ts <db> <games>` prints one JSON line first.
import { GameHost } from '../../server/game_host.ts';
import type { RoomMeta } from '../../server/persistence/archive.ts';
import { RoomArchive, SNAPSHOT_EVERY_BLOCKS } from '../../server/persistence/archive.ts';
import { shadowsOf } from '../../server/persistence/shadow.ts';
import { GameStore } from '../../server/persistence/store.ts';
import { digestOf } from '../../server/secrets.ts';

const [path, count] = [process.argv[2], Number(process.argv[3] ?? 1)];
const store = GameStore.open(path);
const codes: string[] = [];
for (let i = 0; i < count; i++) {
  const code = `GAME${'ABCDEFGHJK'[i]}${i % 2 === 0 ? 'X' : 'Y'}`;
  const host = GameHost.create({ preset: 'workshop', seed: 7 + i }) as GameHost;
  // Odd games have a person in them, even ones only bots: a restore brings the occupied ones back first.
  const players: RoomMeta['players'] = [];
  const meta = (): RoomMeta => ({ facilitatorKey: digestOf(`fac-${code}`), isPublic: false, quickplay: false, seats: 16, phase: 'running', speed: 1, players });
  const archive = RoomArchive.begin(store, code, host, meta(), 1000 + i);
  if (i % 2 === 1 || count === 1) {
    const joined = host.join('Ann', 'staker', false);
    if (!joined.ok) throw new Error(joined.error.message);
    players.push([joined.playerId, { key: digestOf(`ann-${code}`), name: 'Ann', role: 'staker', removed: false }]);
    archive.meta(meta());
  }
  const run = (blocks: number) => {
    for (let b = 0; b < blocks; b++) {
      host.step();
      archive.afterBlock(host);
    }
  };
  run(SNAPSHOT_EVERY_BLOCKS + 5);
  if (players.length > 0) {
    const r = host.act(players[0][0], { type: 'stake', netuid: 1, amount: 3_000_000_000n });
    if (!r.ok) throw new Error(r.error.message);
  }
  run(20);
  codes.push(code);
}
// The snapshots are written by the snapshot thread: the crash comes once they are in.
await shadowsOf(store)!.settled();
process.stdout.write(JSON.stringify({ codes }) + '\n', () => process.kill(process.pid, 'SIGKILL'));
