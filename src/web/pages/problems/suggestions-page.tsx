// /problems/suggestions: groups of similar recent items not yet in a problem, by township, each one click away from a
// new 民生问题 (the create form opens with the group's title, township and items).
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Grid, List, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, qs } from '../../api';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHead } from '../office/components/page-head';
import { useTownshipOptions } from './bits';
import type { SuggestionGroup } from './types';

const DAYS = [30, 90, 180, 365];

/** The create-form URL preset from a group. */
export const newProblemUrl = (g: Pick<SuggestionGroup, 'regionId' | 'title' | 'opinionIds'>) =>
  `/problems/new${qs({ region: g.regionId, title: g.title, ids: g.opinionIds.join(',') })}`;

/** The suggestions page. */
export function ProblemSuggestionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const townships = useTownshipOptions();
  const [regionId, setRegionId] = useState<number | undefined>();
  const [days, setDays] = useState(90);
  const q = useQuery({
    queryKey: ['/problems', 'suggestions', regionId, days],
    queryFn: () => api<{ groups: SuggestionGroup[] }>(`/problems/suggestions${qs({ regionId, days })}`),
    // Grouping reads every recent item's words: not worth redoing on each focus of the window.
    staleTime: 300_000,
    refetchOnWindowFocus: false,
  });
  const groups = q.data?.groups ?? [];
  return (
    <div data-testid="prb-suggestions-page">
      <Breadcrumbs items={[{ label: t('prb.title'), to: '/problems' }, { label: t('prb.suggest.title') }]} />
      <PageHead title={t('prb.suggest.title')} sub={t('prb.suggest.hint')} />
      <Flex wrap gap={8} style={{ marginBlockEnd: 12 }}>
        <Select
          aria-label={t('prb.field.region')}
          placeholder={t('prb.filter.anyRegion')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: isPhone ? '100%' : 180 }}
          value={regionId}
          options={townships.data ?? []}
          onChange={setRegionId}
          data-testid="prb-sg-region"
        />
        <Select
          aria-label={t('prb.suggest.days')}
          style={{ width: isPhone ? '100%' : 160 }}
          value={days}
          options={DAYS.map((d) => ({ value: d, label: t('prb.suggest.lastDays', { count: d }) }))}
          onChange={setDays}
          data-testid="prb-sg-days"
        />
      </Flex>
      <Spin spinning={q.isLoading}>
        {!q.isLoading && !groups.length && <Empty description={t('prb.suggest.none')} />}
        <List
          grid={{ gutter: 12, xs: 1, sm: 1, md: 2, xl: 3 }}
          dataSource={groups}
          renderItem={(g) => (
            <List.Item>
              <Card
                size="small"
                data-testid="prb-sg-group"
                title={<span style={{ whiteSpace: 'normal' }}>{g.title}</span>}
                actions={[
                  <Button
                    key="create"
                    type="link"
                    icon={<PlusOutlined />}
                    onClick={() => navigate(newProblemUrl(g))}
                    data-testid="prb-sg-create"
                  >
                    {t('prb.suggest.create')}
                  </Button>,
                ]}
              >
                <Flex wrap gap={8} align="center">
                  <Tag>{g.regionName}</Tag>
                  <Typography.Text strong>{t('prb.itemsN', { count: g.count })}</Typography.Text>
                </Flex>
                {!!g.keywords?.length && (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    {t('prb.suggest.keywords', { words: g.keywords.join(t('prb.suggest.sep')) })}
                  </Typography.Paragraph>
                )}
              </Card>
            </List.Item>
          )}
        />
      </Spin>
      {q.isError && <Typography.Text type="danger">{t('msg.loadFailed')}</Typography.Text>}
    </div>
  );
}
