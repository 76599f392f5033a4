import { ArraySchema, MapSchema, Schema, type } from '@colyseus/schema';

/**
 * The synced state: what everyone in a room sees, small and flat (schema 3: no inheritance, few
 * fields per class). Private data (wallets, observations, neuron tables) is never here; it goes by
 * targeted messages (shared/protocol/views.ts). Money is a decimal string of TAO; prices and
 * shares are numbers for display. The client imports these types only (`import type`).
 */

export class ClockState extends Schema {
  @type('uint32') block = 0;
  /** lobby (waiting for the facilitator's start) | running | paused | ended */
  @type('string') phase = 'lobby';
  /** Multiplier of the scenario's block rate. */
  @type('float32') speed = 1;
  /** Blocks per second at speed 1. */
  @type('float32') blocksPerSecond = 1;
  @type('uint16') tempo = 360;
  /** Blocks until the TAO block emission next halves at the current emission (0 = none ahead). */
  @type('uint32') halvingIn = 0;
  /** TAO emitted per block now. */
  @type('string') blockEmission = '0';
  /** Last block of the game (0 = open-ended). */
  @type('uint32') endBlock = 0;
  /** A practice round: nothing counts until the facilitator starts the real game. */
  @type('boolean') practice = false;
}

export class SubnetState extends Schema {
  @type('uint16') netuid = 0;
  @type('string') name = '';
  /** What its miners produce, as the owner put it ('' when not said). */
  @type('string') product = '';
  /** Player id of the owner ('' when not a player: a genesis subnet). */
  @type('string') ownerId = '';
  @type('string') ownerName = '';
  /** Pool reserves: TAO and alpha, to 6 significant digits (for display and previews). */
  @type('string') taoIn = '0';
  @type('string') alphaIn = '0';
  /** Spot price (TAO per alpha) and its EMA (SubnetMovingPrice). */
  @type('float32') price = 0;
  @type('float32') emaPrice = 0;
  /** EMA of net TAO flow (TAO per block, signed): Taoflow's input. */
  @type('float32') flowEma = 0;
  /** Share of the block's TAO emission, 0..1. */
  @type('float32') emissionShare = 0;
  @type('uint32') registeredAt = 0;
  /** Block until which the subnet cannot be pruned. */
  @type('uint32') immuneUntil = 0;
  /** The subnet that would be deregistered next if a new one registers with slots full. */
  @type('boolean') pruneCandidate = false;
  @type('uint16') neurons = 0;
  /** Cost to register a UID now (TAO). */
  @type('string') burn = '0';
}

export class PlayerState extends Schema {
  @type('string') id = '';
  @type('string') name = '';
  /** owner | validator | miner | staker */
  @type('string') role = '';
  /** Played by a program: in-process bots and external bots that said so. */
  @type('boolean') bot = false;
  @type('boolean') connected = false;
  @type('boolean') removed = false;
  /** Net worth at liquidation value, its change since the start (TAO). */
  @type('string') netWorth = '0';
  @type('string') change = '0';
  @type('float32') changePct = 0;
  @type('string') emissionIncome = '0';
  @type('string') priceGains = '0';
  /** 1-based rank by net worth; per-role rank beside it. */
  @type('uint16') rank = 0;
  @type('uint16') roleRank = 0;
}

export class FeedEvent extends Schema {
  @type('uint32') block = 0;
  /** The chain or game event type (subnet_registered, subnet_pruned, halving, big_stake, …). */
  @type('string') kind = '';
  /** A one-line account for the ticker. */
  @type('string') text = '';
  /** Subnet concerned, or -1. */
  @type('int16') netuid = -1;
}

export class ArenaState extends Schema {
  /** Join code (= room id). */
  @type('string') code = '';
  @type('string') preset = '';
  @type(ClockState) clock = new ClockState();
  /** Network-wide cost to register a subnet now (TAO), and how many slots there are. */
  @type('string') lockCost = '0';
  @type('uint16') subnetLimit = 0;
  /** First block at which the network's rate limit lets the next subnet register (0: any time). */
  @type('uint32') subnetOpensAt = 0;
  /** Keyed by netuid as a string. */
  @type({ map: SubnetState }) subnets = new MapSchema<SubnetState>();
  /** Keyed by player id: the leaderboard. Spectators are not players. */
  @type({ map: PlayerState }) players = new MapSchema<PlayerState>();
  /** The last few events, oldest first. */
  @type([FeedEvent]) events = new ArraySchema<FeedEvent>();
  @type('uint16') spectators = 0;
}
