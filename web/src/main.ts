import type { DyadsResponse, Interval } from '../../src/server/api-types.ts';
import { api } from './api.ts';
import { formatCount, h, options, replace } from './dom.ts';
import { hashFromState, stateFromHash, VIEWS, type State, type View } from './state.ts';
import { emptyNote, failureNote, loadingNote, type Shell, type ViewHandle } from './ui.ts';
import { documentsView } from './views/documents.ts';
import { evidencePanel } from './views/evidence.ts';
import { eventsView } from './views/events.ts';
import { matrixView } from './views/matrix.ts';
import { overviewView } from './views/overview.ts';
import { thirdPartiesView } from './views/third-parties.ts';

const VIEW_LABELS: Readonly<Record<View, string>> = {
  overview: 'Overview',
  matrix: 'Contradictions',
  events: 'Events',
  documents: 'Documents',
  'third-parties': 'Third parties',
};

let dyads: DyadsResponse | null = null;
let current: State = stateFromHash(location.hash);

const go = (change: (state: State) => State): void => {
  const next = hashFromState(change(current));
  if (next === location.hash) apply();
  else location.hash = next;
};

const shell: Shell = {
  go,
  openEvidence: (id) => go((s) => ({ ...s, event: id })),
  refreshDyads: async () => {
    for (const view of Object.values(views)) view.invalidate();
    await loadDyads();
  },
};

const views: Record<View, ViewHandle> = {
  overview: overviewView(shell),
  matrix: matrixView(shell),
  events: eventsView(shell),
  documents: documentsView(shell),
  'third-parties': thirdPartiesView(shell),
};
const evidence = evidencePanel(() => go((s) => ({ ...s, event: '' })));

const dyadSelect = h('select', { id: 'dyad', name: 'dyad' });
const intervalSelect = h('select', { id: 'interval', name: 'interval' });
intervalSelect.append(...options([['year', 'Year'], ['quarter', 'Quarter'], ['month', 'Month'], ['week', 'Week'], ['day', 'Day']], current.interval));
dyadSelect.addEventListener('change', () => go((s) => ({ ...s, dyad: dyadSelect.value, event: '', filters: { ...s.filters, page: 1, doc: '', theater: '' } })));
intervalSelect.addEventListener('change', () => go((s) => ({ ...s, interval: intervalSelect.value as Interval })));

const tabs = VIEWS.map((view) => h('a', { href: `#view=${view}`, 'data-view': view, class: 'tab' }, VIEW_LABELS[view]));
for (const tab of tabs) {
  tab.addEventListener('click', (e) => {
    e.preventDefault();
    const view = tab.getAttribute('data-view') as View;
    go((s) => ({ ...s, view }));
  });
}
const main = h('main', { id: 'main', tabindex: '-1' });

document.body.replaceChildren(
  h('a', { href: '#main', class: 'skip-link', onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, 'Skip to content'),
  h(
    'header',
    {},
    h('h1', {}, 'detente'),
    h('p', { class: 'tagline' }, 'Bilateral relations, every number one click from its sentence'),
    h(
      'div',
      { class: 'pickers' },
      h('div', { class: 'field' }, h('label', { for: 'dyad' }, 'Dyad'), dyadSelect),
      h('div', { class: 'field' }, h('label', { for: 'interval' }, 'Interval'), intervalSelect),
    ),
  ),
  h('nav', { class: 'tabs', 'aria-label': 'Views' }, ...tabs),
  h('div', { class: 'layout' }, main, evidence.root),
);

function apply(): void {
  current = stateFromHash(location.hash);
  for (const tab of tabs) {
    if (tab.getAttribute('data-view') === current.view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
    tab.setAttribute('href', hashFromState({ ...current, view: tab.getAttribute('data-view') as View }));
  }
  intervalSelect.value = current.interval;
  if (dyads == null) return;
  const known = dyads.dyads.some((d) => d.key === current.dyad);
  if (!known && dyads.dyads[0] != null) {
    const fixed = hashFromState({ ...current, dyad: dyads.dyads[0].key });
    history.replaceState(null, '', fixed);
    current = stateFromHash(fixed);
  }
  dyadSelect.value = current.dyad;
  const view = views[current.view];
  if (dyads.dyads.length === 0 && current.view !== 'documents') {
    replace(
      main,
      emptyNote(
        'The ledger is empty.',
        'Add a document on the Documents tab, or run `detente ingest FILE` (or `npm start`, which loads the example corpus) and reload this page.',
        h('button', { type: 'button', onclick: () => go((s) => ({ ...s, view: 'documents' })) }, 'Add a document'),
      ),
    );
  } else {
    if (main.firstElementChild !== view.root) replace(main, view.root);
    view.show(current);
  }
  evidence.show(current.event);
  document.title = `detente — ${VIEW_LABELS[current.view]}${current.dyad ? ` — ${current.dyad}` : ''}`;
}

async function loadDyads(): Promise<void> {
  try {
    dyads = await api.dyads();
  } catch (error) {
    replace(main, failureNote('the list of dyads', error, () => void loadDyads()));
    return;
  }
  replace(
    dyadSelect,
    ...options(
      dyads.dyads.map((d) => [d.key, `${d.a} – ${d.b} (${formatCount(d.events)})`] as const),
      current.dyad,
    ),
  );
  dyadSelect.disabled = dyads.dyads.length === 0;
  apply();
}

window.addEventListener('hashchange', apply);
replace(main, loadingNote('the ledger'));
void loadDyads();
