/** Join codes: read aloud and typed from a projector, so no 0/O, 1/I/L look-alikes. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A well-formed code (case-insensitive input should be upper-cased first). */
export const isJoinCode = (s: unknown): s is string =>
  typeof s === 'string' && s.length === JOIN_CODE_LENGTH && [...s].every((c) => JOIN_CODE_ALPHABET.includes(c));
