import type { AssessmentQuote, MatrixResponse, MatrixRow } from '../../../src/server/api-types.ts';
import { api } from '../api.ts';
import { formatCount, formatSigned, h, replace } from '../dom.ts';
import { NO_FILTERS, type State } from '../state.ts';
import { contextLabel, dyadParts, emptyNote, failureNote, latest, loadingNote, markRendered, type Shell, type ViewHandle } from '../ui.ts';

/** Contexts (or theaters) × cooperation and conflict, coloured by net intensity; every cell opens its events. */
export function matrixView(shell: Shell): ViewHandle {
  const title = h('h2', { id: 'matrix-title' }, 'Contradictions');
  const byContext = h('button', { type: 'button', 'aria-pressed': 'true', onclick: () => shell.go((s) => ({ ...s, by: 'context' })) }, 'Contexts');
  const byTheater = h('button', { type: 'button', 'aria-pressed': 'false', onclick: () => shell.go((s) => ({ ...s, by: 'theater' })) }, 'Theaters');
  const body = h('div', { 'aria-live': 'polite' });
  const root = h(
    'section',
    { class: 'view', 'aria-labelledby': 'matrix-title' },
    title,
    h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Rows of the matrix' }, h('span', {}, 'Rows:'), byContext, byTheater),
    h(
      'p',
      { class: 'hint' },
      'Each cell counts the events on one side: green for cooperation, red for conflict, darker for more; an act coded each way (a meeting, an agreement) counts once. A row with a good share on both sides is contradictory. Click a cell to list its events. "The text says" shows sentences that say how the two stand: they are not events, and decide a verdict only where the events are too few to.',
    ),
    body,
  );
  const load = latest<MatrixResponse>();
  let shownKey = '';

  const open = (m: MatrixResponse, row: MatrixRow, polarity: 'all' | 'cooperation' | 'conflict'): void => {
    const filter = m.axis === 'context' ? { context: row.key } : { theater: row.key };
    shell.go((s) => ({ ...s, view: 'events', event: '', filters: { ...NO_FILTERS, ...filter, polarity, scope: 'counted', sort: 'intensity', order: polarity === 'conflict' ? 'asc' : 'desc' } }));
  };

  const render = (m: MatrixResponse): void => {
    markRendered(root);
    root.removeAttribute('aria-busy');
    const [a, b] = dyadParts(m.dyad);
    title.textContent = `Contradictions: ${a} – ${b}`;
    if (m.rows.length === 0) {
      replace(body, emptyNote('No events to place in the matrix.', 'Pick another dyad, or add documents on the Documents tab.'));
      return;
    }
    const maxEvents = Math.max(1, ...m.rows.flatMap((r) => [r.cooperation.events, r.conflict.events]));
    const rowName = m.axis === 'context' ? 'Context' : 'Theater';
    const label = (row: MatrixRow): string => (row.key === '' ? `no ${m.axis}` : m.axis === 'context' ? contextLabel(row.label) : row.label);
    const cell = (row: MatrixRow, side: 'cooperation' | 'conflict'): HTMLElement => {
      const s = row[side];
      const button = h(
        'button',
        {
          type: 'button',
          class: `cell ${side}`,
          'data-key': row.key,
          'data-side': side,
          'aria-label': `${label(row)}, ${side}: ${s.events} events. Show them.`,
          disabled: s.events === 0 || row.key === '',
          onclick: () => open(m, row, side),
        },
        s.events === 0 ? '—' : formatCount(s.events),
      );
      button.style.setProperty('--strength', (s.events / maxEvents).toFixed(3));
      return h('td', {}, button);
    };
    const said = (row: MatrixRow): HTMLElement => {
      const { discord, accord, quotes } = row.assessments;
      if (discord + accord === 0) return h('td', { class: 'said' }, '—');
      const words = [discord > 0 ? `discord ${formatCount(discord)}` : '', accord > 0 ? `accord ${formatCount(accord)}` : ''].filter((x) => x !== '').join(', ');
      return h(
        'td',
        { class: 'said' },
        h('details', { 'data-key': row.key }, h('summary', { 'aria-label': `${label(row)}: the text says ${words}. Show the sentences.` }, words), h('ul', { class: 'quotes' }, ...quotes.map(quoteItem))),
      );
    };
    const net = (row: MatrixRow): HTMLElement => {
      const td = h('td', { class: `net ${row.net >= 0 ? 'positive' : 'negative'}` }, formatSigned(row.net));
      td.style.setProperty('--strength', Math.min(1, Math.abs(row.net) / 6).toFixed(3));
      return td;
    };
    replace(
      body,
      h(
        'table',
        { class: 'matrix' },
        h('caption', {}, `${rowName}s of ${a} – ${b} events: events on each side, and mean intensity`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, rowName),
            h('th', { scope: 'col' }, 'Cooperation'),
            h('th', { scope: 'col' }, 'Conflict'),
            h('th', { scope: 'col' }, 'Mean intensity'),
            h('th', { scope: 'col' }, 'The text says'),
            h('th', { scope: 'col' }, 'Verdict'),
          ),
        ),
        h(
          'tbody',
          {},
          ...m.rows.map((row) =>
            h(
              'tr',
              { 'data-key': row.key, 'data-verdict': row.verdict, 'data-basis': row.basis },
              h('th', { scope: 'row' }, label(row)),
              cell(row, 'cooperation'),
              cell(row, 'conflict'),
              net(row),
              said(row),
              h(
                'td',
                {},
                h('span', { class: `verdict ${row.verdict}` }, row.verdict),
                row.basis === 'assessments' ? h('span', { class: 'basis', title: 'Too few events to call: the verdict follows what the text says' }, ' by the text') : '',
              ),
            ),
          ),
        ),
      ),
    );
  };

  const fetchFor = (state: State): void => {
    root.setAttribute('aria-busy', 'true');
    replace(body, loadingNote('the matrix'));
    load(
      (signal) => api.matrix({ dyad: state.dyad, by: state.by }, signal),
      render,
      (error) => {
        root.removeAttribute('aria-busy');
        replace(body, failureNote('the matrix', error, () => fetchFor(state)));
      },
    );
  };

  return {
    root,
    show(state) {
      byContext.setAttribute('aria-pressed', String(state.by === 'context'));
      byTheater.setAttribute('aria-pressed', String(state.by === 'theater'));
      const key = `${state.dyad}|${state.by}`;
      if (key === shownKey) return;
      shownKey = key;
      fetchFor(state);
    },
    invalidate() {
      shownKey = '';
    },
  };
}

function quoteItem(q: AssessmentQuote): HTMLElement {
  return h(
    'li',
    { class: q.valence },
    h('q', {}, q.sentence),
    h('span', { class: 'meta' }, ` ${q.cue}: ${q.valence}; ${q.doc}, sentence ${q.sentenceIndex + 1}${q.date ? `, ${q.date}` : ''}`),
  );
}
