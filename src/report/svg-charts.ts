import type { EChartsOption } from 'echarts';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, SVGRenderer]);

// Without a canvas, ECharts guesses text widths too narrow for DejaVu Sans (the
// briefs' font) and legend entries overlap; an average glyph width fits it.
const GLYPH_WIDTH = 0.62;
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    return { width: text.length * size * GLYPH_WIDTH };
  },
});

/** An ECharts option rendered on the server to a standalone SVG string (no DOM, no scripts). */
export function svgOfChart(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    // An undisposed chart keeps timers alive and the process from exiting.
    chart.dispose();
  }
}
