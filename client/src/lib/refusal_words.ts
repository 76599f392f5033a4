// The one place the words for each refusal live, keyed by the server's error code. A refusal is
// told in τ and α and in terms of what the player can do next; the server's own message, as sent,
// is the fallback for codes without words of their own (it is already meant for people).
import type { WireError } from '../../../shared/protocol/index.ts';
import { alphaText, taoText } from './format.ts';

type Facts = NonNullable<WireError['facts']>;
type Refusal = Pick<WireError, 'code' | 'message' | 'action'> & { facts?: Facts };

const money = (value: string, unit: Facts['unit']) => (unit === 'alpha' ? alphaText(value) : taoText(value));
const atBlock = (n: number) => `block ${n.toLocaleString('en-US')}`;

const WORDS: Record<string, (r: Refusal) => string> = {
  INSUFFICIENT_BALANCE: ({ facts: f, action }) =>
    f?.have !== undefined && f.need !== undefined
      ? `You have ${money(f.have, 'tao')} free; ${action === 'register_subnet' ? 'a subnet costs' : action === 'register_neuron' ? 'the UID burn is' : 'this needs'} ${money(f.need, 'tao')}.`
      : 'Not enough free TAO for this.',
  INSUFFICIENT_STAKE: ({ facts: f }) => (f?.have !== undefined && f.need !== undefined ? `You hold ${money(f.have, 'alpha')} there; this needs ${money(f.need, 'alpha')}.` : 'You do not hold that much alpha there.'),
  AMOUNT_BELOW_MINIMUM: ({ facts: f }) => `Too small: the chain takes at least ${f?.minimum ? money(f.minimum, 'tao') : 'its minimum'} per stake or unstake (or a whole position).`,
  RATE_LIMITED: ({ facts: f, action }) => {
    const when = f?.nextBlock !== undefined ? ` It opens again at ${atBlock(f.nextBlock)}.` : '';
    if (action === 'register_subnet') return `Only one subnet may be registered per period on the whole network.${when}`;
    if (action === 'set_weights') return `Weights may be set only every few blocks.${when}`;
    if (action === 'register_neuron') return 'This subnet has had its registration for this block: try again next block.';
    return `Not so fast.${when}`;
  },
  TOO_MANY_REGISTRATIONS: () => 'This subnet has taken all the registrations it allows for now: try again after its next adjustment interval.',
  STAKED_THIS_BLOCK: () => 'That stake was added in this block: it can be unstaked or moved from the next block.',
  POOL_LIMIT: () => 'The pool is too small for that amount: try less.',
  SLIPPAGE_EXCEEDED: () => 'The price moved past your limit before the block: nothing was traded.',
  SUBNET_NOT_FOUND: () => 'That subnet no longer exists: it may have been pruned. Pick another.',
  SUBNET_LIMIT_REACHED: () => 'Every subnet slot is taken and none is past its immunity yet: wait until one can be pruned.',
  NOT_SUBNET_OWNER: () => 'Only the subnet’s owner can do that.',
  NOT_REGISTERED: () => 'You hold no UID in that subnet: register one first.',
  ALREADY_REGISTERED: () => 'You already hold a UID in that subnet.',
  REGISTRATIONS_FULL: () => 'Every UID in that subnet is still immune: no place to take yet.',
  NOT_A_VALIDATOR: () => 'No validator permit yet: permits go to the top UIDs by stake at each epoch. Stake on your own hotkey and wait for the epoch.',
  UNKNOWN_HOTKEY: () => 'That validator is gone. Pick another.',
  TAKE_OUT_OF_RANGE: () => 'Take must be between 0 % and 18 %.',
  INVALID_PAYLOAD: ({ action, message }) => (action === 'name_subnet' || action === 'register_subnet' ? `That subnet name or product is refused: ${message}.` : message),
  INVALID_AMOUNT: () => 'Enter an amount like 12.5 (at most 9 decimals, more than zero).',
  NOT_STARTED: () => 'The game has not started yet: the facilitator starts it. Your action was not queued.',
  GAME_OVER: () => 'The game is over: your result is final.',
  TOO_MANY_MESSAGES: () => 'Too many taps at once: wait a moment.',
  QUEUE_FULL: () => 'Several of your actions already wait for the next block: wait a moment.',
  SPECTATOR: () => 'Spectators watch; join with a role to play.',
  REMOVED: () => 'The facilitator removed you from this game.',
  WRONG_ROLE: () => 'Your role cannot do that.',
  UNKNOWN_PLAYER: () => 'That player is not in this game.',
  PLAYER_GONE: () => 'You were removed from this game.',
  INTERNAL: () => 'The server failed; nothing was changed. Try again.',
};

/** What to tell the player about a refusal. */
export function refusalWords(r: Refusal): string {
  const words = WORDS[String(r.code)];
  return words ? words(r) : r.message;
}
