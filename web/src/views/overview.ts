import type { OverviewResponse } from '../../../src/server/api-types.ts';
import { indexChartOption, quadChartOption } from '../../../src/report/charts.ts';
import { api } from '../api.ts';
import { chartIn, type ChartHandle } from '../charts.ts';
import { formatCount, formatSigned, h, replace } from '../dom.ts';
import { rangeOfPeriod } from '../period.ts';
import { NO_FILTERS, type State } from '../state.ts';
import { dyadParts, emptyNote, failureNote, latest, loadingNote, markRendered, type Shell, type ViewHandle } from '../ui.ts';

/** Relationship index with its bands, quads per interval, change points. */
export function overviewView(shell: Shell): ViewHandle {
  const root = h('section', { class: 'view', 'aria-labelledby': 'overview-title' });
  const body = h('div', { 'aria-live': 'polite' });
  const title = h('h2', { id: 'overview-title' }, 'Overview');
  root.append(title, body);
  const load = latest<OverviewResponse>();
  let charts: ChartHandle[] = [];
  let shownKey = '';

  const showPeriod = (period: string): void => {
    const range = rangeOfPeriod(period);
    if (range == null) return;
    shell.go((s) => ({ ...s, view: 'events', filters: { ...NO_FILTERS, scope: 'counted', from: range.from, to: range.to } }));
  };

  const render = (o: OverviewResponse): void => {
    markRendered(root);
    for (const chart of charts) chart.dispose();
    charts = [];
    root.removeAttribute('aria-busy');
    const [a, b] = dyadParts(o.dyad);
    title.textContent = `Overview: ${a} – ${b}`;
    if (o.totals.events === 0) {
      replace(body, emptyNote('No events for this dyad.', 'Pick another dyad above, or add a document that mentions both on the Documents tab.'));
      return;
    }
    const last = [...o.index].reverse().find((p) => p.value != null);
    const share = (n: number): string => `${Math.round((100 * n) / Math.max(1, o.totals.events))}%`;
    const indexBox = h('div', { class: 'chart', role: 'img', 'aria-label': `Relationship index of ${a} and ${b} by ${o.interval}, with its bands` });
    const quadBox = h('div', { class: 'chart', role: 'img', 'aria-label': `Events by quad class per ${o.interval}` });
    const changes =
      o.changePoints.length === 0
        ? h('p', {}, 'No change point found: the index has no clear break over this period.')
        : h(
            'ul',
            { class: 'changes' },
            ...o.changePoints.map((c) =>
              h(
                'li',
                {},
                h('strong', {}, c.period),
                ` turned ${c.direction}: mean intensity ${c.before != null ? formatSigned(c.before) : '—'} before, ${c.after != null ? formatSigned(c.after) : '—'} after`,
                c.note ? ` — ${c.note}` : '',
                ' ',
                h('button', { type: 'button', class: 'link', onclick: () => showPeriod(c.period) }, `Events of ${c.period}`),
              ),
            ),
          );
    replace(
      body,
      h(
        'dl',
        { class: 'totals' },
        h('div', {}, h('dt', {}, 'Events'), h('dd', {}, formatCount(o.totals.events))),
        h('div', { class: 'coop' }, h('dt', {}, 'Cooperation'), h('dd', {}, `${formatCount(o.totals.cooperation)} (${share(o.totals.cooperation)})`)),
        h('div', { class: 'conf' }, h('dt', {}, 'Conflict'), h('dd', {}, `${formatCount(o.totals.conflict)} (${share(o.totals.conflict)})`)),
        h('div', {}, h('dt', {}, 'Documents'), h('dd', {}, formatCount(o.totals.documents))),
        h('div', {}, h('dt', {}, 'Latest index'), h('dd', {}, last?.value != null ? `${formatSigned(last.value)} (${last.band ?? '—'}, ${last.period})` : '—')),
      ),
      h('figure', {}, h('figcaption', {}, 'Relationship index, bands shaded, change points dashed. Click a point to list its events.'), indexBox),
      h('figure', {}, h('figcaption', {}, 'Cooperation (above) and conflict (below) by quad class.'), quadBox),
      h('h3', {}, 'Change points'),
      changes,
    );
    const indexChart = chartIn(indexBox, indexChartOption(o, { static: false }));
    indexChart.chart.on('click', (params) => {
      if (typeof params.name === 'string') showPeriod(params.name);
    });
    const quadChart = chartIn(quadBox, quadChartOption(o.quads, { static: false }));
    quadChart.chart.on('click', (params) => {
      if (typeof params.name === 'string') showPeriod(params.name);
    });
    charts = [indexChart, quadChart];
  };

  const fetchFor = (state: State): void => {
    root.setAttribute('aria-busy', 'true');
    replace(body, loadingNote('the overview'));
    load(
      (signal) => api.overview({ dyad: state.dyad, interval: state.interval }, signal),
      render,
      (error) => {
        root.removeAttribute('aria-busy');
        replace(body, failureNote('the overview', error, () => fetchFor(state)));
      },
    );
  };

  return {
    root,
    show(state) {
      const key = `${state.dyad}|${state.interval}`;
      if (key === shownKey) return;
      shownKey = key;
      fetchFor(state);
    },
    invalidate() {
      shownKey = '';
    },
  };
}
