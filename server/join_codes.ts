import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../shared/protocol/index.ts';

/** A random join code; unpredictable, so a private game cannot be guessed by counting. */
export function randomJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * A code no live room uses. `taken` asks the matchmaker (across processes once Redis presence is
 * on); with 31^6 ≈ 887 M codes a collision is rare, so a few tries always suffice.
 */
export async function freshJoinCode(taken: (code: string) => Promise<boolean>): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = randomJoinCode();
    if (!(await taken(code))) return code;
  }
  throw new Error('could not find a free join code');
}
