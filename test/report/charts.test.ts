import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indexChartOption, quadChartOption, seriesChartOption } from '../../src/report/charts.ts';
import { svgOfChart } from '../../src/report/svg-charts.ts';
import type { OverviewResponse } from '../../src/server/api-types.ts';

const OVERVIEW: Pick<OverviewResponse, 'index' | 'bands' | 'changePoints'> = {
  bands: [
    { name: 'tense', min: -6, max: -3 },
    { name: 'ordinary', min: 0, max: 3 },
  ],
  index: [
    { period: '2012-01', value: -4, band: 'tense', events: 3 },
    { period: '2012-02', value: null, band: null, events: 0 },
    { period: '2012-03', value: 1.234, band: 'ordinary', events: 2 },
  ],
  changePoints: [
    { period: '2012-03', before: -4, after: 1, direction: 'warmer', note: null },
    { period: '1999-01', before: 0, after: 0, direction: 'cooler', note: null },
  ],
};

describe('indexChartOption', () => {
  const option = indexChartOption(OVERVIEW, { static: true }) as { series: { data: (number | null)[]; markArea: { data: { name?: string; yAxis: number }[][] }; markLine: { data: { xAxis: string }[] } }[]; yAxis: { min: number; max: number }; tooltip?: unknown; animation: boolean };
  const line = option.series[0]!;
  const cases: readonly [string, unknown, unknown][] = [
    ['values rounded, gaps kept', line.data, [-4, null, 1.23]],
    ['one shaded area per band', line.markArea.data.map((a) => [a[0]?.name, a[0]?.yAxis, a[1]?.yAxis]), [['tense', -6, -3], ['ordinary', 0, 3]]],
    ['change points inside the series are marked', line.markLine.data, [{ xAxis: '2012-03' }]],
    ['axis spans the bands', [option.yAxis.min, option.yAxis.max], [-6, 3]],
    ['static charts have no tooltip or animation', [option.tooltip, option.animation], [undefined, false]],
  ];
  for (const [name, actual, expected] of cases) test(name, () => assert.deepEqual(actual, expected));
});

describe('quadChartOption', () => {
  const option = quadChartOption([{ period: '2013', q1: 1, q2: 2, q3: 3, q4: 4 }], { static: false }) as { series: { name: string; stack: string; data: number[] }[] };
  test('cooperation stacks above the axis, conflict below', () => {
    assert.deepEqual(
      option.series.map((s) => [s.name, s.stack, s.data[0]]),
      [
        ['Verbal cooperation', 'cooperation', 1],
        ['Material cooperation', 'cooperation', 2],
        ['Verbal conflict', 'conflict', -3],
        ['Material conflict', 'conflict', -4],
      ],
    );
  });
});

describe('svgOfChart', () => {
  test('renders a standalone SVG with the series drawn', () => {
    const svg = svgOfChart(seriesChartOption([{ name: 'exports', points: [{ period: '2011', value: 1 }, { period: '2012', value: 2 }] }], 'bn USD', { static: true }), 400, 200);
    assert.match(svg, /^<svg [^>]*width="400" height="200"/);
    assert.match(svg, /exports/);
    assert.doesNotMatch(svg, /<script/);
  });
});
