/**
 * ECharts options for the dashboard's charts. The web app draws them on a
 * canvas and the brief renders them to SVG on the server, so both show the
 * same picture. Pure data in, options out; imports only types.
 */
import type { EChartsOption } from 'echarts';
import type { IndexBand, OverviewResponse, QuadPoint } from '../server/api-types.ts';

/** Fill colours of the six index bands, from most hostile to closest. */
const BAND_COLOURS = ['#c0392b', '#e67e22', '#f1c40f', '#bdc3c7', '#7dcea0', '#1e8449'];

export const QUAD_COLOURS = { q1: '#8fd19e', q2: '#1e8449', q3: '#f0a04b', q4: '#b03a2e' } as const;
export const QUAD_NAMES = {
  q1: 'Verbal cooperation',
  q2: 'Material cooperation',
  q3: 'Verbal conflict',
  q4: 'Material conflict',
} as const;

export interface ChartStyle {
  /** Static output (the brief): no animation, no tooltip. */
  readonly static: boolean;
}

const FONT = 'DejaVu Sans, Verdana, sans-serif';

function bandColour(bands: readonly IndexBand[], band: IndexBand): string {
  const rank = [...bands].sort((x, y) => x.min - y.min).indexOf(band);
  const step = bands.length > 1 ? (BAND_COLOURS.length - 1) / (bands.length - 1) : 0;
  return BAND_COLOURS[Math.round(rank * step)] ?? '#bdc3c7';
}

/** Finite lower and upper bounds for the index axis. */
function axisRange(bands: readonly IndexBand[], values: readonly number[]): [number, number] {
  const finite = [...bands.flatMap((b) => [b.min, b.max]), ...values].filter(Number.isFinite);
  if (finite.length === 0) return [-10, 10];
  return [Math.min(...finite), Math.max(...finite)];
}

/** The relationship index over time, its six bands shaded and change points marked. */
export function indexChartOption(
  overview: Pick<OverviewResponse, 'index' | 'bands' | 'changePoints'>,
  style: ChartStyle,
): EChartsOption {
  const periods = overview.index.map((p) => p.period);
  const values = overview.index.map((p) => p.value);
  const [low, high] = axisRange(overview.bands, values.filter((v): v is number => v != null));
  const clamp = (v: number): number => Math.min(high, Math.max(low, v));
  return {
    animation: !style.static,
    textStyle: { fontFamily: FONT },
    aria: { enabled: true },
    grid: { left: 56, right: 96, top: 24, bottom: 40 },
    ...(style.static ? {} : { tooltip: { trigger: 'axis', renderMode: 'richText' } }),
    xAxis: { type: 'category', data: periods, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: low, max: high, name: 'index', nameLocation: 'middle', nameGap: 36, splitLine: { show: false } },
    series: [
      {
        name: 'Relationship index',
        type: 'line',
        data: values.map((v) => (v == null ? null : Number(v.toFixed(2)))),
        connectNulls: true,
        showSymbol: periods.length <= 60,
        symbolSize: 6,
        lineStyle: { width: 2.5, color: '#1a237e' },
        itemStyle: { color: '#1a237e' },
        markArea: {
          silent: true,
          data: overview.bands.map((band) => [
            {
              name: band.name,
              yAxis: clamp(band.min),
              itemStyle: { color: bandColour(overview.bands, band), opacity: 0.18 },
              label: { position: 'right', color: '#333', fontSize: 11 },
            },
            { yAxis: clamp(band.max) },
          ]),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#555' },
          label: { formatter: 'change', fontSize: 10 },
          data: overview.changePoints.filter((c) => periods.includes(c.period)).map((c) => ({ xAxis: c.period })),
        },
      },
    ],
  };
}

/** Events per interval by quad class: cooperation stacked above the axis, conflict below. */
export function quadChartOption(quads: readonly QuadPoint[], style: ChartStyle): EChartsOption {
  const keys = ['q1', 'q2', 'q3', 'q4'] as const;
  return {
    animation: !style.static,
    textStyle: { fontFamily: FONT },
    aria: { enabled: true },
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, data: keys.map((k) => QUAD_NAMES[k]) },
    ...(style.static ? {} : { tooltip: { trigger: 'axis', renderMode: 'richText' } }),
    xAxis: { type: 'category', data: quads.map((q) => q.period), axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      name: 'events',
      nameLocation: 'middle',
      nameGap: 40,
      minInterval: 1,
      axisLabel: { formatter: (v: number) => String(Math.abs(v)) },
    },
    series: keys.map((k) => ({
      name: QUAD_NAMES[k],
      type: 'bar' as const,
      stack: k === 'q1' || k === 'q2' ? 'cooperation' : 'conflict',
      itemStyle: { color: QUAD_COLOURS[k] },
      large: quads.length > 300,
      data: quads.map((q) => (k === 'q1' || k === 'q2' ? q[k] : -q[k])),
    })),
  };
}

/** Named numeric series (figures from tables and facts) as lines over their periods. */
export function seriesChartOption(
  series: readonly { readonly name: string; readonly points: readonly { readonly period: string; readonly value: number }[] }[],
  unit: string | null,
  style: ChartStyle,
): EChartsOption {
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  return {
    animation: !style.static,
    textStyle: { fontFamily: FONT },
    aria: { enabled: true },
    grid: { left: 64, right: 24, top: 48, bottom: 40 },
    legend: { top: 0, type: 'plain' },
    ...(style.static ? {} : { tooltip: { trigger: 'axis', renderMode: 'richText' } }),
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', name: unit ?? '', nameLocation: 'end', scale: true },
    series: series.map((s) => {
      const byPeriod = new Map(s.points.map((p) => [p.period, p.value]));
      return { name: s.name, type: 'line' as const, connectNulls: true, data: periods.map((p) => byPeriod.get(p) ?? null) };
    }),
  };
}
