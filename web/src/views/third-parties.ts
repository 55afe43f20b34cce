import type { RoleView, ThirdPartiesResponse } from '../../../src/server/api-types.ts';
import { api } from '../api.ts';
import { formatCount, h, replace } from '../dom.ts';
import { NO_FILTERS, type State } from '../state.ts';
import { contextLabel, dyadParts, emptyNote, failureNote, latest, loadingNote, markRendered, type Shell, type ViewHandle } from '../ui.ts';

/** Who else appears with the dyad, and on which issues. */
export function thirdPartiesView(shell: Shell): ViewHandle {
  const title = h('h2', { id: 'third-title' }, 'Third parties');
  const body = h('div', { 'aria-live': 'polite' });
  const root = h(
    'section',
    { class: 'view', 'aria-labelledby': 'third-title' },
    title,
    h('p', { class: 'hint' }, 'Actors that deal with either side of the dyad, in the same documents or as the theater of its events.'),
    body,
  );
  const load = latest<ThirdPartiesResponse>();
  let shownKey = '';

  const role = (v: RoleView): HTMLElement =>
    h('td', { class: 'num' }, v.events === 0 ? '—' : `${formatCount(v.events)} (${formatCount(v.cooperation)} coop., ${formatCount(v.conflict)} confl.)`);

  const render = (r: ThirdPartiesResponse): void => {
    markRendered(root);
    root.removeAttribute('aria-busy');
    const [a, b] = dyadParts(r.dyad);
    title.textContent = `Third parties: ${a} – ${b}`;
    if (r.parties.length === 0) {
      replace(body, emptyNote('No third party appears with this dyad.', 'Add documents that involve other actors, or pick another dyad.'));
      return;
    }
    replace(
      body,
      h(
        'table',
        { class: 'third-parties' },
        h('caption', { class: 'visually-hidden' }, `Third parties of ${a} – ${b}`),
        h('thead', {}, h('tr', {}, ...['Actor', 'Events', `With ${a}`, `With ${b}`, 'As theater', 'Alignment', 'Issues', 'Types', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...r.parties.map((p) =>
            h(
              'tr',
              { 'data-actor': p.actor },
              h('th', { scope: 'row' }, p.actor),
              h('td', { class: 'num' }, formatCount(p.events)),
              role(p.withA),
              role(p.withB),
              role(p.asTheater),
              h('td', {}, h('span', { class: `alignment ${p.alignment}` }, p.alignment)),
              h('td', {}, p.contexts.map((c) => `${contextLabel(c.context)} (${c.events})`).join(', ') || '—'),
              h('td', {}, p.types.map((t) => `${t.type} (${t.events})`).join(', ') || '—'),
              h(
                'td',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    disabled: p.asTheater.events === 0,
                    'aria-label': `Events of ${a} – ${b} about ${p.actor}`,
                    onclick: () => shell.go((s) => ({ ...s, view: 'events', event: '', filters: { ...NO_FILTERS, scope: 'counted', theater: p.actor } })),
                  },
                  `Dyad events about ${p.actor}`,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const fetchFor = (state: State): void => {
    root.setAttribute('aria-busy', 'true');
    replace(body, loadingNote('third parties'));
    load(
      (signal) => api.thirdParties({ dyad: state.dyad }, signal),
      render,
      (error) => {
        root.removeAttribute('aria-busy');
        replace(body, failureNote('third parties', error, () => fetchFor(state)));
      },
    );
  };

  return {
    root,
    show(state) {
      if (state.dyad === shownKey) return;
      shownKey = state.dyad;
      fetchFor(state);
    },
    invalidate() {
      shownKey = '';
    },
  };
}
