// What every action form reads: the connection, the player's data, and the lookups over it that
// several forms share (subnets, positions, balance); and what a form gives the panel back.
import type { PositionView } from '../../../../shared/protocol/index.ts';
import type { SubnetState } from '../../../../shared/protocol/schema.ts';
import { subnetsByNetuid } from '../../lib/arena.ts';
import { alphaText, percent, subnetTitle, taoText } from '../../lib/format.ts';
import type { Foreseen } from '../../lib/preflight.ts';
import { poolLimits, type Preview } from '../../lib/preview.ts';
import { refusalWords } from '../../lib/refusal_words.ts';
import type { Connection } from '../../net/connection.ts';
import type { ActionForm, liveSelect } from '../action_form.ts';
import type { PlayData } from '../play_data.ts';

export type Picker = ReturnType<typeof liveSelect>;

/** A form on the Act tab, with what the panel keeps up to date for it. */
export interface RoleForm {
  form: ActionForm;
  /** Its own pickers and fields brought up to date with the player's data. */
  refresh?(): void;
  /** Subnet pickers listing every subnet and following the map's selection. */
  subnetPickers?: Picker[];
}

export interface FormContext {
  conn: Connection;
  data: () => PlayData;
  /** Asks the screen to show a subnet in detail (the stake form needs its validators). */
  watch(netuid: number): void;
  limits(): ReturnType<typeof poolLimits>;
  subnets(): SubnetState[];
  subnet(netuid: number): SubnetState | undefined;
  /** The player's alpha positions (root excluded), keyed `netuid|hotkey` in pickers. */
  positions(): PositionView[];
  position(key: string): PositionView | undefined;
  positionOptions(): [string, string][];
  /** Free TAO, as the wallet says it. */
  balance(): string | undefined;
  nameOf(playerId: string): string | undefined;
}

export function formContext(conn: Connection, data: () => PlayData, watch: (netuid: number) => void): FormContext {
  const subnets = () => subnetsByNetuid<SubnetState>(data().state?.subnets);
  const positions = () => (data().wallet?.positions ?? []).filter((p) => p.netuid !== 0);
  return {
    conn,
    data,
    watch,
    limits: () => poolLimits(conn.welcome?.pool),
    subnets,
    subnet: (n) => subnets().find((s) => s.netuid === n),
    positions,
    position: (key) => positions().find((p) => `${p.netuid}|${p.hotkey}` === key),
    positionOptions: () => positions().map((p) => [`${p.netuid}|${p.hotkey}`, `SN${p.netuid} · ${alphaText(p.alpha)}`]),
    balance: () => data().wallet?.balance,
    nameOf: (id) => data().state?.players.get(id)?.name,
  };
}

export const subnetOptions = (ctx: FormContext): [string, string][] => ctx.subnets().map((s) => [String(s.netuid), subnetTitle(s.netuid, s.name)]);

/** A pool preview in a line: what the player receives, the slippage and the fee; or why not. */
export const poolLine = (p: Preview, unit: 'α' | 'τ') => (p.ok ? `≈ ${unit === 'α' ? alphaText(p.receive) : taoText(p.receive)} · slippage ${percent(p.slippage)} · fee ${taoText(p.fee)}` : { warn: p.reason });

/** A preview: the warning when a refusal is foreseen, else what the action would do. */
export const unless = (foreseen: Foreseen | null, otherwise: () => string | { warn: string }) => (foreseen ? { warn: refusalWords(foreseen) } : otherwise());
