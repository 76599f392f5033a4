import { ErrorCode, ServerError } from '@colyseus/core';

/**
 * A create or join refused for a reason the client is told ("CODE: message"); not a server fault.
 * A ServerError, so Colyseus passes it to the client without printing a stack trace.
 */
export class Refusal extends ServerError {
  constructor(message: string) {
    super(ErrorCode.MATCHMAKE_UNHANDLED, message);
  }
}

/** At most this many refusal lines a second: a flood of refused requests must not become a flood of log. */
const LINES_PER_SECOND = 5;
let windowStart = 0;
let written = 0;
let suppressed = 0;

/** One line per refused request (who, what, why), throttled; the count of the ones left out follows. */
export function logRefusal(what: string, address: string, message: string, now = Date.now(), write: (line: string) => void = console.warn): void {
  if (now - windowStart >= 1000) {
    if (suppressed > 0) write(`refused ${suppressed} more requests in the last second`);
    windowStart = now;
    written = 0;
    suppressed = 0;
  }
  if (written >= LINES_PER_SECOND) {
    suppressed++;
    return;
  }
  written++;
  write(`refused ${what} from ${address}: ${message.slice(0, 160)}`);
}
