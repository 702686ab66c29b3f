// Volume and rate charts on a tree-shaken ECharts build: lines over time for periods, bars for other groupings.
import { Card, Col, Row } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type KpiReport, RATES } from './types';
import { useRowLabel } from './use-row-label';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The two charts; clicking a point opens the items behind it. */
export function KpiCharts({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useRowLabel(report.groupBy);
  const rows = report.rows.slice(0, 30);
  const categories = rows.map(label);
  const overTime = report.groupBy === 'period';
  const kind = overTime ? 'line' : 'bar';
  const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
  const xAxis = {
    type: 'category',
    data: categories,
    axisLabel: { rotate: overTime ? 0 : 30, width: 90, overflow: 'truncate' },
  };
  const volume = {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis,
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('kpi.measure.received'), data: rows.map((r) => r.received), barMaxWidth: 28 }],
  };
  const rates = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis,
    yAxis: { type: 'value', max: 100 },
    series: RATES.map((k) => ({
      type: kind,
      name: t(`kpi.measure.${k}`),
      data: rows.map((r) => (r[k].rate === null ? null : Math.round(r[k].rate * 1000) / 10)),
      connectNulls: true,
      barMaxWidth: 12,
    })),
  };
  const onEvents = { click: (p: { dataIndex: number }) => rows[p.dataIndex] && navigate(rows[p.dataIndex].drillUrl) };
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('kpi.chart.volume')} data-testid="kpi-chart-volume">
          <ReactEChartsCore echarts={echarts} option={volume} notMerge style={{ height: 300 }} onEvents={onEvents} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('kpi.chart.rates')} data-testid="kpi-chart-rates">
          <ReactEChartsCore echarts={echarts} option={rates} notMerge style={{ height: 300 }} onEvents={onEvents} />
        </Card>
      </Col>
    </Row>
  );
}
