// Join codes travel by voice, projector and QR code: normalise whatever a person types.
import { isJoinCode } from '../../../shared/protocol/index.ts';

/** " ab c-12x " → "ABC12X"; null when what is left cannot be a code. */
export function normaliseCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  return isJoinCode(code) ? code : null;
}

export interface LinkIntent {
  code: string | null;
  /** `?watch` opens the spectator screen straight away (the projector's link). */
  watch: boolean;
}

export function readLink(search: string): LinkIntent {
  const params = new URLSearchParams(search);
  return { code: normaliseCode(params.get('code') ?? ''), watch: params.has('watch') };
}

/** The link players scan: this page with the code, so the lobby opens on the join form. */
export function joinLink(origin: string, code: string, watch = false): string {
  return `${origin.replace(/\/+$/, '')}/?code=${encodeURIComponent(code)}${watch ? '&watch' : ''}`;
}
