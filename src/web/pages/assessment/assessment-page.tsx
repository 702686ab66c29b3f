// /assessment: the year's scores, its rule table and the responsiveness table, with a year switch.
import { Flex, Segmented, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../auth';
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
  const [tab, setTab] = useState('scores');
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
          onChange={(y) => setParams({ year: String(y) })}
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
        ]}
      />
    </Flex>
  );
}
