// The lobby card: join by code, create a game (facilitator), or play a public game now.
import type { CreateOptions, GameListing, JoinRole } from '../../../shared/protocol/index.ts';
import { normaliseCode } from '../lib/join_link.ts';
import { h, fill } from './dom.ts';

export interface LobbyCallbacks {
  join(code: string, name: string, role: JoinRole): void;
  create(options: CreateOptions): void;
  quickPlay(name: string, role: JoinRole): void;
  refreshGames(): void;
}

const ROLE_HELP: Record<JoinRole, string> = {
  staker: 'stake TAO into subnets; earn dividends and price gains',
  owner: 'register a subnet, buy back its alpha, win emission',
  validator: 'score miners, set weights, earn dividends',
  miner: 'register a UID, choose effort, earn incentive',
  spectator: 'watch only (big screen)',
};

export interface LobbyScreen {
  root: HTMLElement;
  setGames(games: GameListing[] | null): void;
  setBusy(text: string | null): void;
  setError(text: string | null): void;
}

export function lobbyScreen(presets: { name: string; help: string }[], initial: { code: string | null; name: string }, cb: LobbyCallbacks): LobbyScreen {
  const name = h('input', { testid: 'name', maxLength: 24, value: initial.name, placeholder: 'your name', autocomplete: 'nickname' });
  const code = h('input', { testid: 'code', maxLength: 7, value: initial.code ?? '', placeholder: 'ABC234', autocapitalize: 'characters', inputMode: 'text', style: 'text-transform:uppercase;letter-spacing:0.15em' });
  const roles = h('div', { class: 'roles', role: 'radiogroup' });
  for (const r of Object.keys(ROLE_HELP) as JoinRole[])
    roles.append(h('label', { title: ROLE_HELP[r] }, h('input', { type: 'radio', name: 'role', value: r, testid: `role-${r}`, checked: r === 'staker' }), r));
  const roleHelp = h('p', { class: 'help', testid: 'role-help' }, ROLE_HELP.staker);
  roles.addEventListener('change', () => (roleHelp.textContent = ROLE_HELP[role()]));
  const role = () => (roles.querySelector<HTMLInputElement>('input:checked')?.value ?? 'staker') as JoinRole;
  const who = () => name.value.trim() || 'Player';

  const error = h('p', { class: 'error', testid: 'lobby-error', role: 'alert' });
  const busy = h('p', { class: 'muted', testid: 'lobby-busy' });

  const joinForm = h(
    'form',
    {
      class: 'stack',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const c = normaliseCode(code.value);
        if (!c) return void (error.textContent = 'A join code is 6 letters and digits, as on the big screen.');
        cb.join(c, who(), role());
      },
    },
    h('label', {}, 'Join code', code),
    h('button', { class: 'primary', type: 'submit', testid: 'join' }, 'Join game'),
  );

  const preset = h('select', { testid: 'preset' }, ...presets.map((p) => h('option', { value: p.name }, p.name)));
  const presetHelp = h('p', { class: 'help', testid: 'preset-help' }, presets[0]?.help ?? '');
  preset.addEventListener('change', () => (presetHelp.textContent = presets.find((p) => p.name === preset.value)?.help ?? ''));
  const seed = h('input', { testid: 'seed', placeholder: 'random', maxLength: 64 });
  const isPublic = h('input', { type: 'checkbox', testid: 'public' });
  const autostart = h('input', { type: 'checkbox', testid: 'autostart', checked: true });
  const practice = h('input', { type: 'checkbox', testid: 'practice' });
  const createForm = h(
    'form',
    {
      class: 'stack',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const s = seed.value.trim();
        cb.create({ preset: preset.value, name: who(), public: isPublic.checked, autostart: autostart.checked, practice: practice.checked, ...(s ? { seed: /^\d{1,15}$/.test(s) ? Number(s) : s } : {}) });
      },
    },
    h('label', {}, 'Preset', preset),
    presetHelp,
    h('label', {}, 'Seed', seed),
    h('p', { class: 'help' }, 'The same seed and the same moves replay the same game; leave empty for a fresh one.'),
    h('label', { class: 'row' }, isPublic, 'Public'),
    h('p', { class: 'help' }, 'Public games are listed for anyone to join; private ones only by code.'),
    h('label', { class: 'row' }, autostart, 'Start at once'),
    h('p', { class: 'help' }, 'Off: blocks wait until you press Start, so the room can join first.'),
    h('label', { class: 'row' }, practice, 'Practice round first'),
    h('p', { class: 'help' }, 'Every screen says "Practice round" until you press "Start the real game": kits are restored, everyone keeps their seat.'),
    h('button', { class: 'primary', type: 'submit', testid: 'create' }, 'Create game as facilitator'),
  );

  const games = h('div', { class: 'stack', testid: 'games' });
  const browse = h(
    'div',
    { class: 'stack' },
    h('div', { class: 'row' }, h('button', { class: 'primary grow', testid: 'quick-play', onclick: () => cb.quickPlay(who(), role()) }, 'Quick play'), h('button', { onclick: () => cb.refreshGames() }, 'Refresh')),
    h('p', { class: 'help' }, 'Quick play joins a public game with a free seat, or starts one; bots keep the seats full.'),
    games,
  );

  const panes: Record<string, HTMLElement> = { join: joinForm, create: createForm, browse };
  const body = h('div', {});
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const show = (key: string) => {
    fill(body, panes[key]);
    tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.key === key)));
    if (key === 'browse') cb.refreshGames();
  };
  for (const [key, label] of [['join', 'Join'], ['create', 'Create'], ['browse', 'Public games']]) {
    const b = h('button', { type: 'button', role: 'tab', testid: `tab-${key}`, onclick: () => show(key) }, label);
    b.dataset.key = key;
    tabs.append(b);
  }

  const card = h(
    'div',
    { class: 'panel card stack', testid: 'lobby' },
    h('div', { class: 'brand' }, 'Subnet Arena'),
    h('p', { class: 'help' }, 'A live model of the Bittensor network economy. Pick a name and a role, then join.'),
    h('label', {}, 'Name', name),
    h('div', { class: 'stack' }, h('span', { class: 'muted' }, 'Role'), roles, roleHelp),
    tabs,
    body,
    busy,
    error,
  );
  show('join');

  return {
    root: h('div', { class: 'screen lobby' }, card),
    setGames(list) {
      if (!list) return fill(games, h('p', { class: 'muted' }, 'Could not load the list.'));
      if (list.length === 0) return fill(games, h('p', { class: 'muted' }, 'No public game right now — quick play starts one.'));
      fill(
        games,
        ...list.map((g) =>
          h(
            'div',
            { class: 'row panel' },
            h('span', { class: 'grow' }, h('b', {}, g.code), ` ${g.preset} · block ${g.block} · ${g.players} players · ${g.freeSeats} free`),
            h('button', { onclick: () => cb.join(g.code, who(), role()), disabled: g.phase === 'ended' }, 'Join'),
          ),
        ),
      );
    },
    setBusy(text) {
      busy.textContent = text ?? '';
      card.querySelectorAll('button').forEach((b) => ((b as HTMLButtonElement).disabled = text !== null && b.getAttribute('role') !== 'tab'));
    },
    setError(text) {
      error.textContent = text ?? '';
    },
  };
}
