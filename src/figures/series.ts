/**
 * Named series from tables and facts, keyed by what they measure so that the
 * same measure from two documents lines up, and the disagreements between them.
 */
import { actorsOfPhrase, measureKey, measureOfPhrase, nameKey, partiesOfPhrase } from './measures.ts';
import { decimalsOf, periodFromHeader } from './numbers.ts';
import { SCALE_FACTORS, type ActorResolver, type Disagreement, type Fact, type FigureSeries, type Table, type Unit } from './types.ts';

export interface SeriesOptions {
  /** Document the tables or facts came from. */
  readonly docId?: string | null;
  readonly resolve?: ActorResolver;
}

function slug(text: string): string {
  return nameKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

function unitName(unit: Pick<Unit, 'scale' | 'currency' | 'percent'> | null): string | null {
  if (!unit) return null;
  if (unit.percent) return '%';
  const name = [unit.scale, unit.currency].filter((x) => x !== null).join(' ');
  return name.length > 0 ? name : null;
}

const NAMES: Readonly<Record<string, (from: string, to: string) => string>> = {
  exports: (f, t) => `${f} exports to ${t}`,
  imports: (f, t) => `${f} imports from ${t}`,
  investment: (f, t) => `${f} investment in ${t}`,
  trade: (f, t) => `${f}–${t} trade`,
  'trade-balance': (f, t) => `${f} trade balance with ${t}`,
};

/** A readable name for a measure between two parties ("US exports to Russia"), or `null`. */
function measureName(measure: string, from: string | null, to: string | null): string | null {
  const name = NAMES[measure];
  return name && from && to ? name(from, to) : null;
}

function docPrefix(docId: string | null | undefined): string {
  return docId ? docId.slice(0, 12) : 'text';
}

/**
 * One series per row of a table whose columns are periods (or per column of a
 * table whose rows are periods). Columns that are not periods ("Percent change")
 * are left out.
 */
export function seriesFromTables(tables: readonly Table[], options: SeriesOptions = {}): FigureSeries[] {
  const out: FigureSeries[] = [];
  tables.forEach((table, t) => {
    const captionActors = table.caption ? actorsOfPhrase(table.caption) : [];
    const periodCols = table.columns.map((c) => (c ? periodFromHeader(c) : null));
    const byColumns = periodCols.filter((p) => p !== null).length >= 1;
    const rowPeriods = table.rows.map((r) => periodFromHeader(r.label));
    const byRows = !byColumns && rowPeriods.filter((p) => p !== null).length >= 2;
    const make = (label: string, section: string | null, index: number, cells: readonly { period: string; text: string; value: number }[]): void => {
      if (cells.length === 0) return;
      const measured = measureOfPhrase(label) ?? measureOfPhrase(section ?? '') ?? measureOfPhrase(table.caption ?? '');
      const ownMeasure = measureOfPhrase(label) !== null;
      const parties = partiesOfPhrase(ownMeasure ? label : `${section ?? ''} ${label}`, captionActors);
      const base = measured ? (ownMeasure ? measured.key : `${measured.key}/${slug(label)}`) : `${slug(table.caption ?? 'table')}/${slug(label)}`;
      const key = measureKey(base, parties.from, parties.to, options.resolve);
      const name = (ownMeasure && measured ? measureName(measured.key, parties.from, parties.to) : null) ?? [section, label].filter((x) => x).join(' ');
      out.push({
        id: `${docPrefix(options.docId)}:table${t + 1}:${index + 1}`,
        name,
        unit: unitName(table.unit),
        points: cells.map((c) => ({ period: c.period, value: c.value })),
        docId: options.docId ?? null,
        measure: key.key,
        origin: 'table',
        from: key.from,
        to: key.to,
        factor: table.unit?.scale ? SCALE_FACTORS[table.unit.scale] : 1,
        currency: table.unit?.currency ?? null,
        percent: table.unit?.percent ?? false,
        written: cells.map((c) => c.text),
        approximate: cells.map(() => false),
      });
    };
    if (byColumns) {
      table.rows.forEach((row, r) => {
        const cells = row.cells.flatMap((cell, c) => {
          const period = periodCols[c];
          return period && cell && cell.value !== null ? [{ period, text: cell.text, value: cell.value }] : [];
        });
        make(row.label, row.section, r, cells);
      });
    } else if (byRows) {
      table.columns.forEach((column, c) => {
        const cells = table.rows.flatMap((row, r) => {
          const period = rowPeriods[r];
          const cell = row.cells[c];
          return period && cell && cell.value !== null ? [{ period, text: cell.text, value: cell.value }] : [];
        });
        make(column ?? `column ${c + 1}`, null, c, cells);
      });
    }
  });
  return out;
}

/**
 * Series of the levels stated in prose, one per measure and unit: facts that
 * are observed (not projections), with a period the text gives and a measure
 * it names. Values are put in the scale of the measure's first fact.
 */
export function seriesFromFacts(facts: readonly Fact[], options: SeriesOptions = {}): FigureSeries[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.kind !== 'level' || f.projection || !f.measure || !f.period || f.periodFrom === 'document' || f.period.includes('/')) continue;
    const parties = partiesOfPhrase(f.subject ?? '');
    const key = measureKey(f.measure, parties.from, parties.to, options.resolve).key;
    const unit = `${key}|${f.currency ?? ''}|${f.percent ? '%' : ''}|${f.unit ?? ''}`;
    groups.set(unit, [...(groups.get(unit) ?? []), f]);
  }
  const out: FigureSeries[] = [];
  let n = 0;
  for (const group of groups.values()) {
    const first = group[0] as Fact;
    const factor = first.scale ? SCALE_FACTORS[first.scale] : 1;
    const seen = new Set<string>();
    const kept = group.filter((f) => !seen.has(f.period as string) && seen.add(f.period as string));
    const parties = partiesOfPhrase(first.subject ?? '');
    const key = measureKey(first.measure as string, parties.from, parties.to, options.resolve);
    n++;
    out.push({
      id: `${docPrefix(options.docId)}:facts:${n}`,
      name: measureName(first.measure as string, parties.from, parties.to) ?? first.subject ?? (first.measure as string),
      unit: first.unit ?? unitName(first),
      points: kept.map((f) => ({ period: f.period as string, value: (f.value * (f.scale ? SCALE_FACTORS[f.scale] : 1)) / factor })),
      docId: options.docId ?? null,
      measure: key.key,
      origin: 'fact',
      from: key.from,
      to: key.to,
      factor,
      currency: first.currency,
      percent: first.percent,
      written: kept.map((f) => f.text),
      approximate: kept.map((f) => f.approximate || f.bound !== null),
    });
  }
  return out;
}

/** Half a unit of the last digit written, in base units: how far a rounded figure may be from the truth. */
function tolerance(written: string, value: number, factor: number, approximate: boolean): number {
  if (approximate) return Math.abs(value * factor) * 0.05;
  const figure = /\d[\d,]*(?:\.\d+)?/.exec(written)?.[0] ?? written;
  return 0.5 * 10 ** -decimalsOf(figure) * factor;
}

/**
 * Pairs of series of one measure (from different documents, or different
 * series of one) whose values for a period differ by more than rounding, or
 * by more than 5% where a source hedged ("about").
 */
export function disagreementsFromSeries(series: readonly FigureSeries[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const a = series[i] as FigureSeries;
      const b = series[j] as FigureSeries;
      if (a.measure !== b.measure || a.percent !== b.percent || (a.currency && b.currency && a.currency !== b.currency)) continue;
      if (a.docId !== null && a.docId === b.docId) continue;
      a.points.forEach((pa, ia) => {
        const ib = b.points.findIndex((pb) => pb.period === pa.period);
        const pb = b.points[ib];
        if (!pb) return;
        const va = pa.value * a.factor;
        const vb = pb.value * b.factor;
        const wa = a.written[ia] ?? String(pa.value);
        const wb = b.written[ib] ?? String(pb.value);
        const allowed = Math.max(tolerance(wa, pa.value, a.factor, a.approximate[ia] ?? false), tolerance(wb, pb.value, b.factor, b.approximate[ib] ?? false));
        const gap = Math.abs(va - vb);
        if (gap <= allowed * (1 + 1e-9)) return;
        out.push({
          measure: a.measure,
          period: pa.period,
          a: { seriesId: a.id, docId: a.docId, written: wa, value: va },
          b: { seriesId: b.id, docId: b.docId, written: wb, value: vb },
          relative: gap / Math.max(Math.abs(va), Math.abs(vb)),
        });
      });
    }
  }
  return out;
}
