// The actions of the player's role, each with its preview. Every player may stake, unstake, move
// stake and give TAO away; owners, validators and miners get their own moves on top, and the
// role's key move comes first (lib/role_guide.ts). A preview warns, in the words of the refusal it
// foresees, before the tap.
import type { SubnetState } from '../../../shared/protocol/schema.ts';
import { subnetsByNetuid, transferRecipients } from '../lib/arena.ts';
import { alphaText, percent, subnetTitle, taoText } from '../lib/format.ts';
import { firstOf, type Foreseen, holdingCheck, minimumCheck, spendCheck, subnetOpensCheck } from '../lib/preflight.ts';
import { movePreview, poolLimits, type Preview, stakePreview, unstakePreview } from '../lib/preview.ts';
import { refusalWords } from '../lib/refusal_words.ts';
import { formOrder } from '../lib/role_guide.ts';
import { choiceLabel, validatorChoices } from '../lib/validators.ts';
import type { Connection } from '../net/connection.ts';
import { type ActionForm, actionForm, liveSelect } from './action_form.ts';
import { h, setText } from './dom.ts';
import { ownerBurnForm } from './owner_burn_form.ts';
import type { PlayData } from './play_data.ts';
import { weightsForm } from './weights_form.ts';

export type { PlayData } from './play_data.ts';

const describe = (p: Preview, unit: string) => (p.ok ? `≈ ${unit === 'α' ? alphaText(p.receive) : taoText(p.receive)} · slippage ${percent(p.slippage)} · fee ${taoText(p.fee)}` : { warn: p.reason });
/** A preview: the warning when a refusal is foreseen, else what the action would do. */
const unless = (foreseen: Foreseen | null, otherwise: () => string | { warn: string }) => (foreseen ? { warn: refusalWords(foreseen) } : otherwise());

export interface ActionsPanel {
  root: HTMLElement;
  refresh(): void;
  /** The map selected a subnet: point the subnet pickers at it. */
  select(netuid: number): void;
  /** Forms closed for good (the game is over). */
  close(): void;
  dispose(): void;
}

/** `watch` asks the screen to show a subnet in detail (the stake form needs its validators). */
export function actionsPanel(conn: Connection, data: () => PlayData, watch: (netuid: number) => void): ActionsPanel {
  const role = conn.role;
  const limits = () => poolLimits(conn.welcome?.pool);
  const subnets = () => subnetsByNetuid<SubnetState>(data().state?.subnets);
  const subnet = (n: number) => subnets().find((s) => s.netuid === n);
  const subnetOptions = (): [string, string][] => subnets().map((s) => [String(s.netuid), subnetTitle(s.netuid, s.name)]);
  const positions = () => (data().wallet?.positions ?? []).filter((p) => p.netuid !== 0);
  const positionOptions = (): [string, string][] => positions().map((p) => [`${p.netuid}|${p.hotkey}`, `SN${p.netuid} · ${alphaText(p.alpha)}`]);
  const balance = () => data().wallet?.balance;
  const forms = new Map<string, ActionForm>();
  const pickers: { el: HTMLSelectElement; setOptions(o: [string, string][]): void }[] = [];
  const refreshers: (() => void)[] = [];
  const nameOf = (id: string) => data().state?.players.get(id)?.name;

  // Stake: into a subnet, behind a validator the player picks (default: the subnet owner's hotkey).
  const stakeNet = liveSelect('stake-subnet');
  stakeNet.el.addEventListener('change', () => watch(Number(stakeNet.el.value)));
  pickers.push(stakeNet);
  const behind = liveSelect('stake-validator');
  const stakeAmount = h('input', { testid: 'stake-amount', inputMode: 'decimal', placeholder: 'TAO', autocomplete: 'off' });
  const choicesNote = h('p', { class: 'help', testid: 'stake-validators-note' });
  refreshers.push(() => {
    const d = data().detail;
    const n = Number(stakeNet.el.value);
    const list = d && d.netuid === n ? validatorChoices(d, nameOf) : [];
    behind.setOptions([['', 'the subnet owner (default)'], ...list.map((v): [string, string] => [v.hotkey, choiceLabel(v)])]);
    setText(choicesNote, d && d.netuid === n ? (list.length ? 'Listed best last-epoch yield first: dividends per α after the validator’s take.' : 'No validator with a permit and stake yet.') : 'Loading this subnet’s validators…');
  });
  forms.set(
    'stake',
    actionForm(conn, {
      key: 'stake',
      title: 'Stake',
      help: 'TAO into a subnet’s pool: you receive its alpha, held behind a validator whose dividends you share.',
      fields: [h('label', {}, 'Subnet', stakeNet.el), h('label', {}, 'Behind validator', behind.el), choicesNote, h('label', {}, 'Amount (τ)', stakeAmount)],
      submitLabel: 'Stake',
      preview: () => {
        const s = subnet(Number(stakeNet.el.value));
        if (!s || !stakeAmount.value) return '';
        return unless(firstOf(minimumCheck('stake', stakeAmount.value), spendCheck('stake', balance(), stakeAmount.value)), () => describe(stakePreview(s, stakeAmount.value, limits()), 'α'));
      },
      build: () =>
        stakeNet.el.value ? ['stake', { netuid: Number(stakeNet.el.value), amount: stakeAmount.value.trim(), ...(behind.el.value ? { hotkey: behind.el.value } : {}) }] : 'Pick a subnet.',
    }),
  );

  // Unstake
  const unstakePos = liveSelect('unstake-position');
  const unstakeAmount = h('input', { testid: 'unstake-amount', inputMode: 'decimal', placeholder: 'alpha', autocomplete: 'off' });
  const position = (v: string) => positions().find((p) => `${p.netuid}|${p.hotkey}` === v);
  const allButton = h('button', { type: 'button', onclick: () => (unstakeAmount.value = position(unstakePos.el.value)?.alpha ?? '') }, 'All');
  forms.set(
    'unstake',
    actionForm(conn, {
      key: 'unstake',
      title: 'Unstake',
      help: 'Sell alpha back to the pool for TAO.',
      fields: [h('label', {}, 'Position', unstakePos.el), h('div', { class: 'row' }, h('label', { class: 'grow' }, 'Amount (α)', unstakeAmount), allButton)],
      submitLabel: 'Unstake',
      preview: () => {
        const p = position(unstakePos.el.value);
        const s = p && subnet(p.netuid);
        if (!p) return 'You hold no alpha yet: stake first.';
        return s && unstakeAmount.value ? unless(holdingCheck('unstake', p.alpha, unstakeAmount.value), () => describe(unstakePreview(s, unstakeAmount.value, limits()), 'τ')) : `worth ${taoText(p.value)} if sold now`;
      },
      build: () => {
        const p = position(unstakePos.el.value);
        return p ? ['unstake', { netuid: p.netuid, hotkey: p.hotkey, amount: unstakeAmount.value.trim() }] : 'You hold no alpha yet: stake first.';
      },
    }),
  );
  refreshers.push(() => unstakePos.setOptions(positionOptions()));

  // Move stake
  const moveFrom = liveSelect('move-from');
  const moveTo = liveSelect('move-to');
  pickers.push(moveTo);
  const moveAmount = h('input', { testid: 'move-amount', inputMode: 'decimal', placeholder: 'alpha', autocomplete: 'off' });
  forms.set(
    'move',
    actionForm(conn, {
      key: 'move',
      title: 'Move stake',
      help: 'Sell alpha in one subnet and buy into another in one step: both pools charge slippage.',
      fields: [h('label', {}, 'From', moveFrom.el), h('label', {}, 'To subnet', moveTo.el), h('label', {}, 'Amount (α)', moveAmount)],
      submitLabel: 'Move',
      preview: () => {
        const p = position(moveFrom.el.value);
        const from = p && subnet(p.netuid);
        const to = subnet(Number(moveTo.el.value));
        return p && from && to && moveAmount.value ? unless(holdingCheck('move_stake', p.alpha, moveAmount.value), () => describe(movePreview(from, to, moveAmount.value, limits()), 'α')) : '';
      },
      build: () => {
        const p = position(moveFrom.el.value);
        return p ? ['move_stake', { fromNetuid: p.netuid, fromHotkey: p.hotkey, toNetuid: Number(moveTo.el.value), amount: moveAmount.value.trim() }] : 'You hold no alpha yet: stake first.';
      },
    }),
  );
  refreshers.push(() => moveFrom.setOptions(positionOptions()));

  // Transfer: the recipient by name, never a raw id. Last in the panel, after the role's own moves.
  const recipient = liveSelect('transfer-to');
  const transferAmount = h('input', { testid: 'transfer-amount', inputMode: 'decimal', placeholder: 'TAO', autocomplete: 'off' });
  const recipientName = () => nameOf(recipient.el.value) ?? '';
  forms.set(
    'transfer',
    actionForm(conn, {
      key: 'transfer',
      title: 'Transfer',
      help: 'Give free TAO to another player: a deal, a loan, a bribe — the chain does not ask.',
      fields: [h('label', {}, 'To', recipient.el), h('label', {}, 'Amount (τ)', transferAmount)],
      submitLabel: 'Transfer',
      preview: () => {
        const free = balance();
        if (!transferAmount.value || free === undefined) return '';
        return unless(spendCheck('transfer', free, transferAmount.value), () => `${recipientName() || 'nobody'} receives ${taoText(transferAmount.value.trim())} · you keep ${taoText(Number(free) - Number(transferAmount.value))}`);
      },
      build: () => (recipient.el.value ? ['transfer', { to: recipient.el.value, amount: transferAmount.value.trim() }] : 'No other player to send to yet.'),
    }),
  );
  refreshers.push(() => recipient.setOptions(transferRecipients(data().state?.players, conn.welcome?.playerId ?? null)));

  if (role === 'owner') {
    const name = h('input', { testid: 'register-subnet-name', maxLength: 32, placeholder: 'subnet name' });
    const product = h('input', { maxLength: 48, placeholder: 'what its miners produce' });
    forms.set(
      'register-subnet',
      actionForm(conn, {
        key: 'register-subnet',
        title: 'Register a subnet',
        help: 'Pays the network lock (back to you if the subnet is pruned); the lock doubles with each registration and decays over time.',
        fields: [h('label', {}, 'Name', name), h('label', {}, 'Product', product)],
        submitLabel: 'Register subnet',
        preview: () => {
          const st = data().state;
          if (!st) return '';
          const full = subnets().length >= st.subnetLimit;
          const prunable = subnets().find((s) => s.pruneCandidate);
          const facts = `lock ${taoText(st.lockCost)} · ${subnets().length}/${st.subnetLimit} slots used${full && prunable ? ` · would prune SN${prunable.netuid}` : ''}`;
          const foreseen = firstOf(subnetOpensCheck(st.clock.block, st.subnetOpensAt), spendCheck('register_subnet', balance(), st.lockCost), full && !prunable ? { code: 'SUBNET_LIMIT_REACHED', message: '', action: 'register_subnet' } : null);
          return foreseen ? { warn: `${refusalWords(foreseen)} (${facts})` } : `${facts} · possible now`;
        },
        build: () => ['register_subnet', { ...(name.value.trim() ? { name: name.value.trim() } : {}), ...(product.value.trim() ? { product: product.value.trim() } : {}) }],
      }),
    );
    const buyAmount = h('input', { testid: 'buyback-amount', inputMode: 'decimal', placeholder: 'TAO' });
    // An owner of several subnets picks which one each move is for; the picker shows only then.
    const ownedPicker = (testid: string) => {
      const pick = liveSelect(testid);
      const label = h('label', {}, 'Subnet', pick.el);
      refreshers.push(() => {
        const mine = data().wallet?.subnets ?? [];
        pick.setOptions(mine.map((n): [string, string] => [String(n), subnetTitle(n, subnet(n)?.name ?? '')]));
        label.hidden = mine.length < 2;
      });
      const owned = () => subnet(Number(pick.el.value || (data().wallet?.subnets[0] ?? -1)));
      return { label, owned };
    };
    const buyFor = ownedPicker('buyback-subnet');
    const owned = buyFor.owned;
    forms.set(
      'buyback',
      actionForm(conn, {
        key: 'buyback',
        title: 'Buy back',
        help: 'Spend TAO buying your subnet’s alpha: net inflow raises its Taoflow share of emission (the flywheel).',
        fields: [buyFor.label, h('label', {}, 'Amount (τ)', buyAmount)],
        submitLabel: 'Buy back',
        preview: () => {
          const s = owned();
          if (!s) return 'You own no subnet yet.';
          if (!buyAmount.value) return `SN${s.netuid} net flow ${s.flowEma >= 0 ? '+' : ''}${s.flowEma.toFixed(3)} τ/block`;
          return unless(firstOf(minimumCheck('buy_back', buyAmount.value), spendCheck('buy_back', balance(), buyAmount.value)), () => `SN${s.netuid}: ${describe(stakePreview(s, buyAmount.value, limits()), 'α')}`);
        },
        build: () => {
          const s = owned();
          return s ? ['buy_back', { amount: buyAmount.value.trim(), netuid: s.netuid }] : 'You own no subnet yet.';
        },
      }),
    );
    const naming = nameSubnetForm(conn, ownedPicker('name-subnet-subnet'));
    forms.set('name-subnet', naming.form);
    refreshers.push(naming.refresh);
    forms.set('owner-burn', ownerBurnForm(conn, data));
  }

  if (role === 'validator' || role === 'miner') {
    const regNet = liveSelect('register-neuron-subnet');
    pickers.push(regNet);
    forms.set(
      'register-neuron',
      actionForm(conn, {
        key: 'register-neuron',
        title: 'Register a UID',
        help: 'Burn TAO for a UID in a subnet. Your kit already gave you one: a second one is for a second subnet. The burn rises when many register and falls when few do.',
        fields: [h('label', {}, 'Subnet', regNet.el)],
        submitLabel: 'Register UID',
        preview: () => {
          const s = subnet(Number(regNet.el.value));
          const held = data().wallet?.neurons ?? [];
          const mine = held.map((n) => `SN${n.netuid} UID ${n.uid}`).join(', ');
          if (!s) return '';
          const facts = `burn ${taoText(s.burn)} · ${s.neurons} UIDs${mine ? ` · you hold ${mine}` : ''}`;
          const foreseen = firstOf(held.some((n) => n.netuid === s.netuid) ? { code: 'ALREADY_REGISTERED', message: '', action: 'register_neuron' } : null, spendCheck('register_neuron', balance(), s.burn));
          return foreseen ? { warn: `${refusalWords(foreseen)} (${facts})` } : facts;
        },
        build: () => ['register_neuron', { netuid: Number(regNet.el.value) }],
      }),
    );
  }

  if (role === 'miner') {
    const effort = h('input', { type: 'range', min: '0', max: '1', step: '0.05', value: '0.5', testid: 'effort' });
    forms.set(
      'effort',
      actionForm(conn, {
        key: 'effort',
        title: 'Effort',
        help: 'Compute spend each tempo: more effort, higher hidden quality, more incentive — and a bigger bill.',
        fields: [effort],
        submitLabel: 'Set effort',
        preview: () => `effort ${percent(Number(effort.value), 0)} (now ${percent(data().wallet?.neurons[0]?.effort ?? 0, 0)})`,
        build: () => ['set_effort', { effort: Number(effort.value) }],
      }),
    );
  }

  if (role === 'validator') {
    const weights = weightsForm(conn, data);
    forms.set('weights', weights.form);
    refreshers.push(weights.refresh);
    const take = h('input', { type: 'range', min: '0', max: '0.18', step: '0.01', value: '0.18', testid: 'take' });
    forms.set(
      'take',
      actionForm(conn, {
        key: 'take',
        title: 'Take',
        help: 'The share of your nominators’ dividends you keep. Lower take draws stake; stake earns dividends.',
        fields: [take],
        submitLabel: 'Set take',
        preview: () => `take ${percent(Number(take.value), 0)} (now ${percent(data().wallet?.take ?? 0, 0)})`,
        build: () => ['set_take', { take: Number(take.value) }],
      }),
    );
  }

  const root = h('div', { testid: 'actions' });
  let shownOrder = '';
  const arrange = () => {
    const w = data().wallet;
    const order = formOrder(role, { subnet: (w?.subnets.length ?? 0) > 0, uid: (w?.neurons.length ?? 0) > 0 }).filter((k) => forms.has(k));
    // Moving nodes keeps what the player typed; nothing moves under someone working in a form.
    if (order.join() === shownOrder || (shownOrder && root.contains(document.activeElement))) return;
    shownOrder = order.join();
    root.replaceChildren(...order.map((k) => forms.get(k)!.root));
  };
  arrange();

  return {
    root,
    refresh() {
      arrange();
      for (const p of pickers) {
        p.setOptions(subnetOptions());
        if (!p.el.value && data().selected !== null) p.el.value = String(data().selected);
      }
      refreshers.forEach((r) => r());
      forms.forEach((f) => f.refresh());
    },
    select(netuid) {
      for (const p of pickers) p.el.value = String(netuid);
      forms.forEach((f) => f.refresh());
    },
    close() {
      root.querySelectorAll('input, select, button').forEach((el) => ((el as HTMLInputElement).disabled = true));
      root.classList.add('closed');
    },
    dispose() {
      forms.forEach((f) => f.dispose());
    },
  };
}

/**
 * Rename the owner's subnet. Both fields follow the subnet's current name and product until the
 * owner edits one; an empty product keeps the current one.
 */
function nameSubnetForm(conn: Connection, which: { label: HTMLElement; owned: () => SubnetState | undefined }): { form: ActionForm; refresh(): void } {
  const owned = which.owned;
  const name = h('input', { testid: 'name-subnet-name', maxLength: 32, placeholder: 'subnet name', autocomplete: 'off' });
  const product = h('input', { testid: 'name-subnet-product', maxLength: 48, placeholder: 'unchanged when left empty', autocomplete: 'off' });
  let shown = '';
  const form = actionForm(conn, {
    key: 'name-subnet',
    title: 'Name your subnet',
    help: 'What the map, the board and the feed call it, and what its miners produce.',
    fields: [which.label, h('label', {}, 'Name', name), h('label', {}, 'Product', product)],
    submitLabel: 'Rename',
    preview: () => {
      const s = owned();
      return s ? `SN${s.netuid} is “${s.name}” now` : 'You own no subnet yet.';
    },
    build: () => {
      const s = owned();
      return s ? ['name_subnet', { netuid: s.netuid, name: name.value.trim(), ...(product.value.trim() ? { product: product.value.trim() } : {}) }] : 'You own no subnet yet.';
    },
  });
  return {
    form,
    refresh() {
      const s = owned();
      const current = `${s?.name ?? ''}\n${s?.product ?? ''}`;
      if (current === shown || document.activeElement === name || document.activeElement === product) return;
      shown = current;
      name.value = s?.name ?? '';
      product.value = s?.product ?? '';
    },
  };
}
