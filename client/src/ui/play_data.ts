// What the play screen knows at a moment, read by the Act panel and its forms.
import type { ObservationsView, SubnetDetailView, WalletView } from '../../../shared/protocol/index.ts';
import type { ArenaState } from '../../../shared/protocol/schema.ts';

export interface PlayData {
  state: ArenaState | null;
  wallet: WalletView | null;
  detail: SubnetDetailView | null;
  observations: ObservationsView | null;
  selected: number | null;
}
