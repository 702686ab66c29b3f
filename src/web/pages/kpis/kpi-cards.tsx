// The headline cards: volume, the five rates with numerator/denominator, and average handling days.
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { type KpiReport, pct, RATES } from './types';

/** One card per measure of the total row; hovering shows the measure's definition. */
export function KpiCards({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const total = report.total;
  const d = report.definitions;
  const card = (key: string, value: string | number, sub?: string) => (
    <Col xs={12} sm={8} lg={6} xl={3} key={key}>
      <Tooltip title={d[key]}>
        <Card size="small" data-testid={`kpi-card-${key}`}>
          <Statistic title={t(`kpi.measure.${key}`)} value={value} />
          {sub ? <div style={{ color: 'rgba(0, 0, 0, 0.62)', fontSize: 12 }}>{sub}</div> : null}
        </Card>
      </Tooltip>
    </Col>
  );
  return (
    <Row gutter={[12, 12]}>
      {card('received', total.received)}
      {RATES.map((k) => card(k, pct(total[k]), t('kpi.ratio', { num: total[k].num, den: total[k].den })))}
      {card('avgHandlingDays', total.avgHandlingDays === null ? '—' : t('kpi.days', { n: total.avgHandlingDays }))}
    </Row>
  );
}
