// One row's broken rules in words: "联系群众代表不少于5名：应5 实3 差2 · 去处理".
import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SHORTFALL_RULES } from '../../../../core/quota-rules';
import { BarChart } from '../../../components/bar-chart';
import type { ComplianceSummary, EntityShortfall, GroupShortfall } from './types';

/** The translated rule label. */
export const ruleLabel = (t: TFunction, rule: string) => t(`field.rule.${rule}`, { defaultValue: rule });

/** Lists the shortfalls with expected/actual/gap and a "去处理" link to where it is fixed. */
export function ShortfallList({ items }: { items: Array<EntityShortfall | GroupShortfall> }) {
  const { t } = useTranslation();
  if (!items.length) return <Tag color="success">{t('field.compliance.ok')}</Tag>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 4 }}>
      {items.map((s) => (
        <div
          key={`${s.rule}-${'villageId' in s ? (s.villageId ?? '') : ''}`}
          data-testid="shortfall"
          data-rule={s.rule}
        >
          <Space wrap size={6}>
            <Typography.Text strong>
              {ruleLabel(t, s.rule)}
              {'villageName' in s && s.villageName ? t('field.paren', { text: s.villageName }) : ''}
            </Typography.Text>
            {'expected' in s ? (
              <Typography.Text type="secondary">
                {t('field.compliance.gapLine', { expected: s.expected, actual: s.actual, gap: s.gap })}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">
                {t('field.compliance.groupLine', { entities: s.entities, gap: s.gap })}
              </Typography.Text>
            )}
            <Link to={s.fixUrl} data-testid="shortfall-fix">
              {t('field.compliance.fix')}
            </Link>
          </Space>
        </div>
      ))}
    </div>
  );
}

/** The compliant vs non-compliant bars per rule (rules with nothing in scope are left out). */
export function ComplianceChart({ summary, onRule }: { summary: ComplianceSummary; onRule?: (rule: string) => void }) {
  const { t } = useTranslation();
  const rules = SHORTFALL_RULES.filter((r) => summary.byRule[r]?.total > 0);
  return (
    <BarChart
      testId="compliance-chart"
      categories={rules.map((r) => ruleLabel(t, r))}
      series={[
        {
          name: t('field.compliance.compliant'),
          data: rules.map((r) => summary.byRule[r].compliant),
          color: '#52c41a',
        },
        {
          name: t('field.compliance.nonCompliant'),
          data: rules.map((r) => summary.byRule[r].nonCompliant),
          color: '#cf1322',
        },
      ]}
      onClickCategory={onRule ? (i) => onRule(rules[i]) : undefined}
    />
  );
}
