// What a client hears back about one of its requests: an ack with the block it took effect at, or
// a typed error saying why nothing changed.
import type { Ack, Ref, WireError, WireErrorCode } from '../shared/protocol/index.ts';

interface Sender {
  send(type: string, message: unknown): void;
}

export function ack(client: Sender, action: string, block: number, ref?: Ref): void {
  const ack: Ack = { action, ...(ref !== undefined ? { ref } : {}), block };
  client.send('ack', ack);
}

export function refuse(client: Sender, action: string, code: WireErrorCode, message: string, ref?: Ref, facts?: WireError['facts']): void {
  const error: WireError = { code, message, action, ...(ref !== undefined ? { ref } : {}), ...(facts ? { facts } : {}) };
  client.send('error', error);
}
