import type { DocumentView, EventRow, EventSort, EventsResponse, MatrixResponse } from '../../../src/server/api-types.ts';
import { CONTEXTS, ORIGINS, PLOVER_TYPES } from '../../../src/types.ts';
import { api } from '../api.ts';
import { formatCount, formatSigned, h, options, replace, uid } from '../dom.ts';
import { eventsParams, NO_FILTERS, type Filters, type State } from '../state.ts';
import { contextLabel, dyadParts, emptyNote, failureNote, latest, loadingNote, markRendered, type Shell, type ViewHandle } from '../ui.ts';

const ORIGIN_LABELS: Readonly<Record<string, string>> = { coded: 'Coded from text', gdelt: 'GDELT', icews: 'ICEWS', polecat: 'POLECAT' };
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const COLUMNS: readonly { readonly label: string; readonly sort: EventSort | null }[] = [
  { label: 'Date', sort: 'date' },
  { label: 'Source', sort: 'source' },
  { label: 'Target', sort: 'target' },
  { label: 'Type', sort: 'type' },
  { label: 'Intensity', sort: 'intensity' },
  { label: 'Contexts', sort: null },
  { label: 'Theater', sort: 'theater' },
  { label: 'Origin', sort: 'origin' },
  { label: 'Document', sort: null },
  { label: 'Evidence', sort: null },
];

function labelled(label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const id = uid('f');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function actorText(actor: EventRow['source']): string {
  return actor.sector ? `${actor.country} ${actor.sector}` : actor.country;
}

/** The events table: filters, sorting, paging; a click opens the evidence. */
export function eventsView(shell: Shell): ViewHandle {
  const type = h('select', { name: 'type' });
  const context = h('select', { name: 'context' });
  const theater = h('select', { name: 'theater' });
  const from = h('input', { name: 'from', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', size: 10, autocomplete: 'off' });
  const to = h('input', { name: 'to', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', size: 10, autocomplete: 'off' });
  const direction = h('select', { name: 'direction' });
  const polarity = h('select', { name: 'polarity' });
  const scope = h('select', { name: 'scope' });
  const origin = h('select', { name: 'origin' });
  const doc = h('select', { name: 'doc' });
  const size = h('select', { name: 'size' });
  const dateError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const clear = h('button', { type: 'button', onclick: () => shell.go((s) => ({ ...s, filters: { ...NO_FILTERS, size: s.filters.size }, event: '' })) }, 'Clear filters');

  const summary = h('p', { class: 'summary', role: 'status' });
  const tableBox = h('div', { class: 'table-box' });
  const prev = h('button', { type: 'button' }, '← Previous');
  const next = h('button', { type: 'button' }, 'Next →');
  const pageNote = h('span', { class: 'page-note' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of events' }, prev, pageNote, next);
  const title = h('h2', { id: 'events-title' }, 'Events');
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter events', onsubmit: (e: Event) => e.preventDefault() },
    labelled('Type', type),
    labelled('Context', context),
    labelled('Theater', theater),
    labelled('From', from),
    labelled('To', to),
    labelled('Direction', direction),
    labelled('Cooperation / conflict', polarity),
    labelled('Which events', scope),
    labelled('Origin', origin),
    labelled('Document', doc),
    labelled('Per page', size),
    h('div', { class: 'field actions' }, clear),
    dateError,
  );
  const root = h('section', { class: 'view', 'aria-labelledby': 'events-title' }, title, form, summary, tableBox, pager);

  let state: State | null = null;
  let shownKey = '';
  let choicesKey = '';
  const loadEvents = latest<EventsResponse>();
  const loadChoices = latest<[MatrixResponse, readonly DocumentView[]]>();

  const setFilter = (patch: Partial<Filters>): void =>
    shell.go((s) => ({ ...s, event: s.event, filters: { ...s.filters, page: 1, ...patch } }));

  type.append(...options([['', 'Any type'], ...PLOVER_TYPES.map((t) => [t, t] as const)], ''));
  context.append(...options([['', 'Any context'], ...CONTEXTS.map((c) => [c, contextLabel(c)] as const)], ''));
  polarity.append(...options([['all', 'Both'], ['cooperation', 'Cooperation'], ['conflict', 'Conflict']], 'all'));
  scope.append(...options([['all', 'All coded'], ['counted', 'Counted (not negated or hypothetical; an act coded each way once)']], 'all'));
  origin.append(...options([['', 'Any origin'], ...ORIGINS.map((o) => [o, ORIGIN_LABELS[o] ?? o] as const)], ''));
  size.append(...options([['25', '25'], ['50', '50'], ['100', '100'], ['200', '200']], '50'));
  type.addEventListener('change', () => setFilter({ type: type.value }));
  context.addEventListener('change', () => setFilter({ context: context.value }));
  theater.addEventListener('change', () => setFilter({ theater: theater.value }));
  direction.addEventListener('change', () => setFilter({ direction: direction.value as Filters['direction'] }));
  polarity.addEventListener('change', () => setFilter({ polarity: polarity.value as Filters['polarity'] }));
  scope.addEventListener('change', () => setFilter({ scope: scope.value as Filters['scope'] }));
  origin.addEventListener('change', () => setFilter({ origin: origin.value }));
  doc.addEventListener('change', () => setFilter({ doc: doc.value }));
  size.addEventListener('change', () => setFilter({ size: Number(size.value) }));
  for (const [input, key] of [[from, 'from'], [to, 'to']] as const) {
    input.addEventListener('change', () => {
      const value = input.value.trim();
      if (value !== '' && !PARTIAL_DATE.test(value)) {
        input.setAttribute('aria-invalid', 'true');
        dateError.textContent = `${key === 'from' ? 'From' : 'To'}: write a date as YYYY, YYYY-MM or YYYY-MM-DD.`;
        dateError.hidden = false;
        return;
      }
      input.removeAttribute('aria-invalid');
      dateError.hidden = true;
      setFilter({ [key]: value });
    });
  }
  prev.addEventListener('click', () => shell.go((s) => ({ ...s, filters: { ...s.filters, page: Math.max(1, s.filters.page - 1) } })));
  next.addEventListener('click', () => shell.go((s) => ({ ...s, filters: { ...s.filters, page: s.filters.page + 1 } })));

  const sortBy = (sort: EventSort): void =>
    shell.go((s) => ({
      ...s,
      filters: { ...s.filters, sort, page: 1, order: s.filters.sort === sort && s.filters.order === 'asc' ? 'desc' : 'asc' },
    }));

  /** Choices that depend on the ledger: theaters of the dyad and documents. */
  const fillChoices = (s: State): void => {
    loadChoices(
      (signal) => Promise.all([api.matrix({ dyad: s.dyad, by: 'theater' }, signal), api.documents(signal).then((d) => d.documents)]),
      ([theaters, documents]) => {
        const current = state?.filters ?? s.filters;
        replace(theater, ...options([['', 'Any theater'], ...theaters.rows.filter((r) => r.key !== '').map((r) => [r.key, r.label] as const)], current.theater));
        replace(doc, ...options([['', 'Any document'], ...documents.map((d) => [d.id, d.title ?? d.name] as const)], current.doc));
      },
      () => undefined,
    );
  };

  const syncControls = (s: State): void => {
    const f = s.filters;
    const [a, b] = dyadParts(s.dyad);
    replace(direction, ...options([['both', 'Both directions'], ['ab', `${a} → ${b}`], ['ba', `${b} → ${a}`]], f.direction));
    type.value = f.type;
    context.value = f.context;
    if (![...theater.options].some((o) => o.value === f.theater)) theater.append(...options([[f.theater, f.theater]], f.theater));
    theater.value = f.theater;
    if (document.activeElement !== from) from.value = f.from;
    if (document.activeElement !== to) to.value = f.to;
    polarity.value = f.polarity;
    scope.value = f.scope;
    origin.value = f.origin;
    if (![...doc.options].some((o) => o.value === f.doc)) doc.append(...options([[f.doc, f.doc.slice(0, 12)]], f.doc));
    doc.value = f.doc;
    size.value = String(f.size);
    title.textContent = `Events: ${a} – ${b}`;
  };

  const renderRows = (r: EventsResponse, s: State): void => {
    markRendered(root);
    root.removeAttribute('aria-busy');
    const pages = Math.max(1, Math.ceil(r.total / r.size));
    summary.textContent = r.total === 0 ? 'No events match.' : `${formatCount(r.total)} ${r.total === 1 ? 'event matches' : 'events match'}; showing ${formatCount((r.page - 1) * r.size + 1)}–${formatCount((r.page - 1) * r.size + r.rows.length)}.`;
    pageNote.textContent = `Page ${formatCount(r.page)} of ${formatCount(pages)}`;
    prev.disabled = r.page <= 1;
    next.disabled = r.page >= pages;
    if (r.total === 0) {
      replace(
        tableBox,
        emptyNote(
          'No events match these filters.',
          'Widen the date range, pick "Any" in a filter, or clear them all.',
          h('button', { type: 'button', onclick: () => clear.click() }, 'Clear all filters'),
        ),
      );
      return;
    }
    const head = h(
      'tr',
      {},
      ...COLUMNS.map((c) => {
        if (c.sort == null) return h('th', { scope: 'col' }, c.label);
        const sorted = s.filters.sort === c.sort;
        const sort = c.sort;
        return h(
          'th',
          { scope: 'col', 'aria-sort': sorted ? (s.filters.order === 'asc' ? 'ascending' : 'descending') : 'none' },
          h('button', { type: 'button', class: 'sort', onclick: () => sortBy(sort) }, c.label, h('span', { 'aria-hidden': 'true' }, sorted ? (s.filters.order === 'asc' ? ' ▲' : ' ▼') : ' ↕')),
        );
      }),
    );
    const rows = r.rows.map((e) =>
      h(
        'tr',
        { 'data-id': e.id, class: `${e.quad <= 2 ? 'coop' : 'conf'}${e.id === s.event ? ' current' : ''}` },
        h('td', { class: 'nowrap' }, e.date ?? '—'),
        h('td', {}, actorText(e.source)),
        h('td', {}, actorText(e.target)),
        h('td', {}, e.type, e.negated ? h('span', { class: 'flag' }, ' not') : '', e.modality !== 'asserted' ? h('span', { class: 'flag' }, ` ${e.modality}`) : ''),
        h('td', { class: 'num' }, formatSigned(e.intensity)),
        h('td', {}, e.contexts.map(contextLabel).join(', ') || '—'),
        h('td', {}, e.theater ?? '—'),
        h('td', {}, ORIGIN_LABELS[e.origin] ?? e.origin),
        h('td', { class: 'doc' }, e.doc ?? '—'),
        h(
          'td',
          { class: 'excerpt' },
          h('button', { type: 'button', class: 'link evidence-link', 'aria-label': `Evidence: ${e.source.country} ${e.type} ${e.target.country}, ${e.date ?? 'undated'}`, onclick: () => shell.openEvidence(e.id) }, e.excerpt ?? `(imported from ${ORIGIN_LABELS[e.origin] ?? e.origin}; no sentence)`),
        ),
      ),
    );
    replace(tableBox, h('table', { class: 'events' }, h('caption', { class: 'visually-hidden' }, 'Events matching the filters'), h('thead', {}, head), h('tbody', {}, ...rows)));
  };

  const fetchFor = (s: State): void => {
    root.setAttribute('aria-busy', 'true');
    summary.textContent = 'Loading events…';
    if (tableBox.childElementCount === 0) replace(tableBox, loadingNote('events'));
    loadEvents(
      (signal) => api.events(eventsParams(s.dyad, s.filters), signal),
      (r) => renderRows(r, s),
      (error) => {
        root.removeAttribute('aria-busy');
        summary.textContent = '';
        replace(tableBox, failureNote('events', error, () => fetchFor(s)));
      },
    );
  };

  return {
    root,
    show(s) {
      const dyadChanged = state?.dyad !== s.dyad;
      state = s;
      if (dyadChanged || choicesKey !== s.dyad) {
        choicesKey = s.dyad;
        fillChoices(s);
      }
      syncControls(s);
      const key = JSON.stringify(eventsParams(s.dyad, s.filters));
      if (key === shownKey) {
        for (const tr of tableBox.querySelectorAll('tr[data-id]')) tr.classList.toggle('current', tr.getAttribute('data-id') === s.event);
        return;
      }
      shownKey = key;
      fetchFor(s);
    },
    invalidate() {
      shownKey = '';
      choicesKey = '';
    },
  };
}
