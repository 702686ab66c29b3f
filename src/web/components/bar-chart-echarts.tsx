// The bar chart itself on a tree-shaken ECharts build (only bars, grid, tooltip, legend); loaded through bar-chart.tsx.
import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([EBar, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  data: number[];
  color?: string;
}

/** Horizontal stacked bars: one row per category (long Chinese labels read better horizontally). */
export function BarChart({
  categories,
  series,
  height,
  onClickCategory,
  testId,
}: {
  categories: string[];
  series: BarSeries[];
  height?: number;
  onClickCategory?: (index: number) => void;
  testId?: string;
}) {
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      axisLabel: { width: typeof window !== 'undefined' && window.innerWidth < 600 ? 110 : 200, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      stack: 'all',
      itemStyle: s.color ? { color: s.color } : undefined,
      barMaxWidth: 22,
    })),
  };
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: height ?? Math.max(160, categories.length * 36 + 48), width: '100%' }}
        onEvents={onClickCategory ? { click: (p: { dataIndex: number }) => onClickCategory(p.dataIndex) } : undefined}
      />
    </div>
  );
}
