// What each role is for, and the few steps a first-time player needs: the goal in one line, a
// short guide, and which of the role's moves comes first on its screen.
import type { JoinRole } from '../../../shared/protocol/index.ts';

type Role = Exclude<JoinRole, 'spectator'>;

export const SCORE_RULE = 'Your score is your return: the change in your net worth as a % of what you started with, ranked against players of your role. The board ranks everyone by TAO gained.';

export const GOALS: Record<Role, string> = {
  owner: 'Make your subnet the one people buy: net TAO flowing into its pool wins it emission, and you earn the owner’s cut of every epoch.',
  validator: 'Score the miners honestly and early: weights near the consensus earn dividends, and every α staked behind you multiplies them.',
  miner: 'Do good work at a cost you can carry: effort raises your quality, validators score it, incentive pays you — compute bills come each tempo.',
  staker: 'Put TAO where it earns: pick subnets whose emission and price grow, and a validator whose dividends are high and take is low.',
};

export interface GuideStep {
  title: string;
  text: string;
}

export const GUIDE: Record<Role, GuideStep[]> = {
  owner: [
    { title: 'Your subnet', text: 'Your kit registered a subnet for you if the network allowed it (one new subnet per period). If not, “Register a subnet” comes first and says from which block it opens. Its pool holds TAO and your alpha.' },
    { title: 'Win emission with inflow', text: 'Each block’s TAO emission goes to subnets by their net inflow (Taoflow). Buy back your own alpha to push TAO in; stakers joining helps too.' },
    { title: 'Stay off the pruning list', text: 'With every slot full, the subnet with the lowest EMA price past its immunity is pruned when someone registers. Keep your price up.' },
  ],
  validator: [
    { title: 'You hold a UID and self-stake', text: 'Your validator permit comes at the next epoch after your stake. Then set weights: score every miner of your subnet.' },
    { title: 'Weights earn dividends', text: 'Yuma clips weight above the stake-weighted consensus: scoring like the others (and early) builds bonds that pay dividends. “Use my observations” fills your readings.' },
    { title: 'Attract stake', text: 'A lower take draws nominators; their stake multiplies your dividends.' },
  ],
  miner: [
    { title: 'You hold a UID', text: 'Your kit registered you in a subnet. Validators read your quality and weight you; incentive pays you alpha each epoch.' },
    { title: 'Set your effort', text: 'More effort, higher quality, more incentive — and a bigger compute bill in TAO each tempo. Find the level that pays.' },
    { title: 'Watch for deregistration', text: 'A full subnet replaces its weakest UID past immunity when someone registers. Stay useful to stay in.' },
  ],
  staker: [
    { title: 'Stake TAO into subnets', text: 'Staking buys a subnet’s alpha from its pool. Its price moves with flows; unstaking sells it back.' },
    { title: 'Choose a validator', text: 'Your alpha sits behind a validator: you earn its dividends per α, minus its take. Compare them in the Stake form.' },
    { title: 'Move with the flows', text: 'Emission follows net inflow. Watch the map (size: pool; colour and arrow: flow) and the events, and move stake when things change.' },
  ],
};

/** The key of a role's first form: its own key move, never a second registration it does not need. */
export function formOrder(role: JoinRole, has: { subnet: boolean; uid: boolean }): string[] {
  const common = ['stake', 'unstake', 'move'];
  switch (role) {
    case 'owner':
      return has.subnet ? ['buyback', 'name-subnet', 'owner-burn', ...common, 'register-subnet', 'transfer'] : ['register-subnet', ...common, 'buyback', 'name-subnet', 'owner-burn', 'transfer'];
    case 'validator':
      return has.uid ? ['weights', 'take', ...common, 'register-neuron', 'transfer'] : ['register-neuron', 'weights', 'take', ...common, 'transfer'];
    case 'miner':
      return has.uid ? ['effort', ...common, 'register-neuron', 'transfer'] : ['register-neuron', 'effort', ...common, 'transfer'];
    default:
      return [...common, 'transfer'];
  }
}

const GUIDE_KEY = (role: string) => `arena.guide.${role}`;

/** Whether this browser has already seen (or skipped) the role's guide. */
export const guideSeen = (store: Pick<Storage, 'getItem'>, role: string): boolean => store.getItem(GUIDE_KEY(role)) === 'seen';
export const markGuideSeen = (store: Pick<Storage, 'setItem'>, role: string): void => store.setItem(GUIDE_KEY(role), 'seen');
