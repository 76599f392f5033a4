// The actions of the player's role, each with its preview. Every player may stake, unstake, move
// stake and give TAO away; owners, validators and miners get their own moves on top.
import type { SubnetState } from '../../../shared/protocol/schema.ts';
import { subnetsByNetuid, transferRecipients } from '../lib/arena.ts';
import { alphaText, percent, subnetTitle, taoText } from '../lib/format.ts';
import { movePreview, poolLimits, type Preview, stakePreview, transferPreview, unstakePreview } from '../lib/preview.ts';
import type { Connection } from '../net/connection.ts';
import { type ActionForm, actionForm, liveSelect } from './action_form.ts';
import { h } from './dom.ts';
import type { PlayData } from './play_data.ts';
import { weightsForm } from './weights_form.ts';

export type { PlayData } from './play_data.ts';

const describe = (p: Preview, unit: string) => (p.ok ? `≈ ${unit === 'α' ? alphaText(p.receive) : taoText(p.receive)} · slippage ${percent(p.slippage)} · fee ${p.fee}` : p.reason);

export interface ActionsPanel {
  root: HTMLElement;
  refresh(): void;
  /** The map selected a subnet: point the subnet pickers at it. */
  select(netuid: number): void;
  dispose(): void;
}

export function actionsPanel(conn: Connection, data: () => PlayData): ActionsPanel {
  const role = conn.role;
  const limits = () => poolLimits(conn.welcome?.pool);
  const subnets = () => subnetsByNetuid<SubnetState>(data().state?.subnets);
  const subnet = (n: number) => subnets().find((s) => s.netuid === n);
  const subnetOptions = (): [string, string][] => subnets().map((s) => [String(s.netuid), subnetTitle(s.netuid, s.name)]);
  const positions = () => (data().wallet?.positions ?? []).filter((p) => p.netuid !== 0);
  const positionOptions = (): [string, string][] => positions().map((p) => [`${p.netuid}|${p.hotkey}`, `SN${p.netuid} · ${alphaText(p.alpha)}`]);
  const forms: ActionForm[] = [];
  const pickers: { el: HTMLSelectElement; setOptions(o: [string, string][]): void }[] = [];
  const refreshers: (() => void)[] = [];

  // Stake
  const stakeNet = liveSelect('stake-subnet');
  pickers.push(stakeNet);
  const stakeAmount = h('input', { testid: 'stake-amount', inputMode: 'decimal', placeholder: 'TAO', autocomplete: 'off' });
  forms.push(
    actionForm(conn, {
      key: 'stake',
      title: 'Stake',
      help: 'TAO into a subnet’s pool, behind its owner’s validator: you receive alpha.',
      fields: [h('label', {}, 'Subnet', stakeNet.el), h('label', {}, 'Amount (τ)', stakeAmount)],
      submitLabel: 'Stake',
      preview: () => {
        const s = subnet(Number(stakeNet.el.value));
        return s && stakeAmount.value ? describe(stakePreview(s, stakeAmount.value, limits()), 'α') : '';
      },
      build: () => (stakeNet.el.value ? ['stake', { netuid: Number(stakeNet.el.value), amount: stakeAmount.value.trim() }] : 'Pick a subnet.'),
    }),
  );

  // Unstake
  const unstakePos = liveSelect('unstake-position');
  const unstakeAmount = h('input', { testid: 'unstake-amount', inputMode: 'decimal', placeholder: 'alpha', autocomplete: 'off' });
  const position = (v: string) => positions().find((p) => `${p.netuid}|${p.hotkey}` === v);
  const allButton = h('button', { type: 'button', onclick: () => (unstakeAmount.value = position(unstakePos.el.value)?.alpha ?? '') }, 'All');
  forms.push(
    actionForm(conn, {
      key: 'unstake',
      title: 'Unstake',
      help: 'Sell alpha back to the pool for TAO.',
      fields: [h('label', {}, 'Position', unstakePos.el), h('div', { class: 'row' }, h('label', { class: 'grow' }, 'Amount (α)', unstakeAmount), allButton)],
      submitLabel: 'Unstake',
      preview: () => {
        const p = position(unstakePos.el.value);
        const s = p && subnet(p.netuid);
        return s && unstakeAmount.value ? describe(unstakePreview(s, unstakeAmount.value, limits()), 'τ') : '';
      },
      build: () => {
        const p = position(unstakePos.el.value);
        return p ? ['unstake', { netuid: p.netuid, hotkey: p.hotkey, amount: unstakeAmount.value.trim() }] : 'You hold no alpha yet.';
      },
    }),
  );
  refreshers.push(() => unstakePos.setOptions(positionOptions()));

  // Move stake
  const moveFrom = liveSelect('move-from');
  const moveTo = liveSelect('move-to');
  pickers.push(moveTo);
  const moveAmount = h('input', { testid: 'move-amount', inputMode: 'decimal', placeholder: 'alpha', autocomplete: 'off' });
  forms.push(
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
        return from && to && moveAmount.value ? describe(movePreview(from, to, moveAmount.value, limits()), 'α') : '';
      },
      build: () => {
        const p = position(moveFrom.el.value);
        return p ? ['move_stake', { fromNetuid: p.netuid, fromHotkey: p.hotkey, toNetuid: Number(moveTo.el.value), amount: moveAmount.value.trim() }] : 'You hold no alpha yet.';
      },
    }),
  );
  refreshers.push(() => moveFrom.setOptions(positionOptions()));

  // Transfer: the recipient by name, never a raw id. Last in the panel, after the role's own moves.
  const recipient = liveSelect('transfer-to');
  const transferAmount = h('input', { testid: 'transfer-amount', inputMode: 'decimal', placeholder: 'TAO', autocomplete: 'off' });
  const recipientName = () => data().state?.players.get(recipient.el.value)?.name ?? '';
  const transfer = actionForm(conn, {
    key: 'transfer',
    title: 'Transfer',
    help: 'Give free TAO to another player: a deal, a loan, a bribe — the chain does not ask.',
    fields: [h('label', {}, 'To', recipient.el), h('label', {}, 'Amount (τ)', transferAmount)],
    submitLabel: 'Transfer',
    preview: () => {
      const balance = data().wallet?.balance;
      if (!transferAmount.value || balance === undefined) return '';
      const p = transferPreview(balance, transferAmount.value);
      return p.ok ? `${recipientName() || 'nobody'} receives ${taoText(transferAmount.value.trim())} · you keep ${taoText(p.keep)}` : p.reason;
    },
    build: () => (recipient.el.value ? ['transfer', { to: recipient.el.value, amount: transferAmount.value.trim() }] : 'No other player to send to yet.'),
  });
  refreshers.push(() => recipient.setOptions(transferRecipients(data().state?.players, conn.welcome?.playerId ?? null)));

  if (role === 'owner') {
    const name = h('input', { testid: 'register-subnet-name', maxLength: 32, placeholder: 'subnet name' });
    const product = h('input', { maxLength: 48, placeholder: 'what its miners produce' });
    forms.unshift(
      actionForm(conn, {
        key: 'register-subnet',
        title: 'Register a subnet',
        help: 'Pays the network lock: it doubles with each registration and decays back over time. With slots full, the lowest-EMA-price subnet past immunity is pruned.',
        fields: [h('label', {}, 'Name', name), h('label', {}, 'Product', product)],
        submitLabel: 'Register subnet',
        preview: () => `lock cost now ${taoText(data().state?.lockCost ?? '0')} · ${subnets().length}/${data().state?.subnetLimit ?? '?'} slots used`,
        build: () => ['register_subnet', { ...(name.value.trim() ? { name: name.value.trim() } : {}), ...(product.value.trim() ? { product: product.value.trim() } : {}) }],
      }),
    );
    const buyAmount = h('input', { testid: 'buyback-amount', inputMode: 'decimal', placeholder: 'TAO' });
    const owned = () => subnet(data().wallet?.subnets[0] ?? -1);
    forms.splice(
      1,
      0,
      actionForm(conn, {
        key: 'buyback',
        title: 'Buy back',
        help: 'Spend TAO buying your subnet’s alpha: net inflow raises its Taoflow share of emission (the flywheel).',
        fields: [h('label', {}, 'Amount (τ)', buyAmount)],
        submitLabel: 'Buy back',
        preview: () => {
          const s = owned();
          if (!s) return 'You own no subnet yet.';
          return buyAmount.value ? `SN${s.netuid}: ${describe(stakePreview(s, buyAmount.value, limits()), 'α')}` : `SN${s.netuid} flow EMA ${s.flowEma.toFixed(3)} τ/block`;
        },
        build: () => ['buy_back', { amount: buyAmount.value.trim() }],
      }),
    );
    const naming = nameSubnetForm(conn, owned);
    forms.splice(2, 0, naming.form);
    refreshers.push(naming.refresh);
  }

  if (role === 'validator' || role === 'miner') {
    const regNet = liveSelect('register-neuron-subnet');
    pickers.push(regNet);
    forms.unshift(
      actionForm(conn, {
        key: 'register-neuron',
        title: 'Register a UID',
        help: 'Burn TAO for a UID in a subnet. The burn rises when many register and falls when few do.',
        fields: [h('label', {}, 'Subnet', regNet.el)],
        submitLabel: 'Register UID',
        preview: () => {
          const s = subnet(Number(regNet.el.value));
          const mine = data().wallet?.neurons.map((n) => `SN${n.netuid} UID ${n.uid}`).join(', ');
          return `${s ? `burn now ${taoText(s.burn)} · ${s.neurons} UIDs` : ''}${mine ? ` · you hold ${mine}` : ''}`;
        },
        build: () => ['register_neuron', { netuid: Number(regNet.el.value) }],
      }),
    );
  }

  if (role === 'miner') {
    const effort = h('input', { type: 'range', min: '0', max: '1', step: '0.05', value: '0.5', testid: 'effort' });
    forms.push(
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
    forms.push(weights.form);
    refreshers.push(weights.refresh);
    const take = h('input', { type: 'range', min: '0', max: '0.18', step: '0.01', value: '0.18', testid: 'take' });
    forms.push(
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

  forms.push(transfer);

  return {
    root: h('div', { testid: 'actions' }, ...forms.map((f) => f.root)),
    refresh() {
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
    dispose() {
      forms.forEach((f) => f.dispose());
    },
  };
}

/**
 * Rename the owner's subnet. Both fields follow the subnet's current name and product until the
 * owner edits one; an empty product keeps the current one.
 */
function nameSubnetForm(conn: Connection, owned: () => SubnetState | undefined): { form: ActionForm; refresh(): void } {
  const name = h('input', { testid: 'name-subnet-name', maxLength: 32, placeholder: 'subnet name', autocomplete: 'off' });
  const product = h('input', { testid: 'name-subnet-product', maxLength: 48, placeholder: 'unchanged when left empty', autocomplete: 'off' });
  let shown = '';
  const form = actionForm(conn, {
    key: 'name-subnet',
    title: 'Name your subnet',
    help: 'What the map, the board and the feed call it, and what its miners produce.',
    fields: [h('label', {}, 'Name', name), h('label', {}, 'Product', product)],
    submitLabel: 'Rename',
    preview: () => {
      const s = owned();
      return s ? `SN${s.netuid} is “${s.name}” now` : 'You own no subnet yet.';
    },
    build: () => (owned() ? ['name_subnet', { name: name.value.trim(), ...(product.value.trim() ? { product: product.value.trim() } : {}) }] : 'You own no subnet yet.'),
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
