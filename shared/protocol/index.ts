// The wire between clients and the room: message names, payload types, runtime validators, errors.
// Pure (no I/O): the room validates every message with it; clients and bots import its types.
// The synced state's schema is in schema.ts (import it directly; a client imports its types only).
export * from './actions.ts';
export * from './check.ts';
export * from './controls.ts';
export * from './errors.ts';
export * from './fields.ts';
export * from './messages.ts';
export * from './scenario_events.ts';
export * from './views.ts';
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, isJoinCode } from './join_code.ts';
