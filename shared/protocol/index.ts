// The wire between clients and the room: message names, payload types, runtime validators, errors.
// Pure (no I/O): the server validates with it, the client validates before sending.
export * from './check.ts';
export * from './errors.ts';
export * from './messages.ts';
export * from './views.ts';
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, isJoinCode } from './join_code.ts';
