// The game layer's public surface: scenarios and presets, the Game, scores and time series.
export type { ActResult, GameAction, GameActionType, GameError, GameErrorCode, GameEvent, PlayerId, Role, ScenarioEvent } from './types.ts';
export { gameError, playerId, ROLES } from './types.ts';
export type { BotSeat, Economy, GameSettings, GenesisSubnetSpec, Kit, Scenario, ScheduledEvent } from './scenario.ts';
export { PRESETS, presetNames } from './presets.ts';
export { buildScenario, isScenarioError } from './overrides.ts';
export type { ScenarioError } from './overrides.ts';
export { parseScenarioEvent } from './scenario_events.ts';
export { Game } from './game.ts';
export type { GameSnapshot } from './game.ts';
export type { BotRefusal } from './bot_turns.ts';
export { EXTERNAL_BOT } from './players.ts';
export type { JoinOptions, JoinResult, PlayerInfo } from './players.ts';
export type { SubnetInfo } from './queries.ts';
export type { LeaderboardRow } from './leaderboard.ts';
export { liquidationValue, netWorth, parsePosition, sellInTurn } from './liquidation.ts';
export type { Position } from './liquidation.ts';
export { BLOCK_COLUMNS, EPOCH_COLUMNS, SUBNET_COLUMNS, toCsv, topShare } from './series.ts';
export type { SeriesData } from './series.ts';
