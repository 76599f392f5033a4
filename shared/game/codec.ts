// The game's record and state as plain JSON, in the engine's snapshot convention: bigint as
// {"$rao": "digits"}, Maps as {"$map": [...]}. One codec serves chain snapshots and game records.
export { decode, encode } from '../engine/snapshot.ts';
