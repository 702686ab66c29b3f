// A grouped/stacked bar chart. ECharts is large, so the chart's code (bar-chart-echarts.tsx) is a chunk loaded when a
// chart first shows: a page with a chart for some roles only (the home's overview) stays light for the others.
import { type ComponentProps, Suspense } from 'react';
import { lazyComponent } from '../routes';
import type { BarSeries } from './bar-chart-echarts';

export type { BarSeries };

const EChartsBar = lazyComponent(() => import('./bar-chart-echarts'), 'BarChart', []);

/** Horizontal stacked bars: one row per category (long Chinese labels read better horizontally). */
export function BarChart(props: ComponentProps<typeof EChartsBar>) {
  const height = props.height ?? Math.max(160, props.categories.length * 36 + 48);
  return (
    <Suspense fallback={<div style={{ height }} />}>
      <EChartsBar {...props} />
    </Suspense>
  );
}
