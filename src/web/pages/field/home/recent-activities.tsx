// The latest record cards in the user's scope, for the home page.
import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, qs } from '../../../api';
import { PlainList, PlainListItem } from '../../../components/plain-list';
import { names, StatusTag } from '../activities/activity-bits';
import { codeLabel } from '../lookups';
import type { Activity } from '../types';

/** A short list of the newest activities with a link to all. */
export function RecentActivities({ memberId }: { memberId?: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['/activities', 'recent', memberId ?? null],
    queryFn: () => api<{ items: Activity[] }>(`/activities${qs({ memberId, pageSize: 6 })}`),
  });
  return (
    <Card
      size="small"
      title={t('field.home.recent')}
      extra={<Link to="/activities">{t('field.home.all')}</Link>}
      data-testid="home-recent"
    >
      <PlainList
        loading={q.isLoading}
        items={q.data?.items ?? []}
        empty={t('field.home.noActivities')}
        rowKey={(a) => a.id}
        renderItem={(a) => (
          <PlainListItem
            title={
              <Link to={`/activities/${a.id}`}>
                {a.date} · {a.regionName ?? (a.location || codeLabel(t, 'method', a.methods[0] ?? ''))}
              </Link>
            }
            description={
              <>
                <div>{[names(a.members, t), names(a.contacts, t)].filter(Boolean).join(' → ')}</div>
                {a.opinions && (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: '100%' }}>
                    {a.opinions}
                  </Typography.Text>
                )}
              </>
            }
            extra={<StatusTag code={a.handlingStatus} />}
          />
        )}
      />
    </Card>
  );
}
