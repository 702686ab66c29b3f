// /assessment: the year's scores, its rule table, the responsiveness table and the appeals, with a year switch; the
// year, tab and appeal status live in the URL (the workbench links to ?tab=appeals&status=pending).
import { Flex, Segmented, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../auth';
import { AppealsTable } from './appeals-table';
import { ResponsivenessTable } from './responsiveness-table';
import { RulesEditor } from './rules-editor';
import { ScoresTable } from './scores-table';
import { defaultYear, useYears } from './types';

/** The staff / leader / group leader page. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const years = useYears();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'scores';
  const setParam = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setParams(next, { replace: true });
  };
  const setTab = (v: string) => setParam({ tab: v === 'scores' ? undefined : v, status: undefined });
  if (years.isLoading) return <Spin />;
  const items = years.data?.items ?? [];
  const year = Number(params.get('year')) || defaultYear(items);
  const info = items.find((y) => y.year === year);
  const options = [
    ...new Set([...items.map((y) => y.year), year, ...(has('admin') ? [new Date().getFullYear() + 1] : [])]),
  ]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: String(y) }));
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('asmt.title')}
        </Typography.Title>
        <Select
          value={year}
          options={options}
          onChange={(y) => setParam({ year: String(y) })}
          style={{ minWidth: 100 }}
          aria-label={t('asmt.year')}
          data-testid="asmt-year"
        />
        {info ? (
          <>
            <Typography.Text>{info.schemeName}</Typography.Text>
            <Tag color={info.status === 'closed' ? 'default' : 'green'}>{t(`asmt.status.${info.status}`)}</Tag>
          </>
        ) : null}
      </Flex>
      <Segmented
        value={tab}
        onChange={(v) => setTab(String(v))}
        options={[
          { value: 'scores', label: t('asmt.tab.scores') },
          { value: 'rules', label: t('asmt.tab.rules') },
          { value: 'responsiveness', label: t('asmt.tab.responsiveness') },
          { value: 'appeals', label: t('wb.appeals.tab') },
        ]}
        data-testid="asmt-tabs"
      />
      <Tabs
        activeKey={tab}
        renderTabBar={() => <></>}
        destroyOnHidden
        items={[
          {
            key: 'scores',
            label: '',
            children: info ? (
              <ScoresTable year={year} />
            ) : (
              <Typography.Text type="secondary">{t('asmt.noYear')}</Typography.Text>
            ),
          },
          { key: 'rules', label: '', children: <RulesEditor year={year} years={items} /> },
          { key: 'responsiveness', label: '', children: info ? <ResponsivenessTable year={year} /> : null },
          {
            key: 'appeals',
            label: '',
            children: info ? (
              <AppealsTable
                year={year}
                status={params.get('status') ?? undefined}
                onStatus={(status) => setParam({ status })}
              />
            ) : null,
          },
        ]}
      />
    </Flex>
  );
}
