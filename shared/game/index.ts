// The game layer's public surface: scenarios and presets, the Game, scores and time series.
export type { ActResult, GameAction, GameActionType, GameError, GameErrorCode, GameEvent, PlayerId, Role, ScenarioEvent } from './types.ts';
export { gameError, playerId, ROLES } from './types.ts';
export type { BotSeat, Economy, GameSettings, GenesisSubnetSpec, Kit, Scenario, ScheduledEvent } from './scenario.ts';
export { PRESETS, presetNames } from './presets.ts';
export { buildScenario, isScenarioError } from './overrides.ts';
export type { ScenarioError } from './overrides.ts';
export { parseScenarioEvent } from './scenario_events.ts';
export { EXTERNAL_BOT, Game } from './game.ts';
export type { BotRefusal, GameSnapshot, JoinOptions, JoinResult, PlayerInfo, SubnetInfo } from './game.ts';
export type { LeaderboardRow } from './leaderboard.ts';
export { liquidationValue, netWorth, parsePosition, sellInTurn } from './liquidation.ts';
export type { Position } from './liquidation.ts';
export { BLOCK_COLUMNS, EPOCH_COLUMNS, SUBNET_COLUMNS, toCsv, topShare } from './series.ts';
export type { SeriesData, SeriesSummary } from './series.ts';
export { MECHANISMS, playSeed, quantile, STAND_INS, summariseSeeds, WORKSHOP_ROOM, WORKSHOP_SCRIPT } from './balance.ts';
export type { BalanceSummary, SeedFigures } from './balance.ts';
export { debrief, StoryLog } from './debrief.ts';
export type { Debrief, DebriefChart, DebriefInput, DebriefPage, DebriefTopic, StoryEvent } from './debrief.ts';
