// /public/consultations: the public progress page (topics, outcomes, departments, progress, grades; no participants).

import { useQuery } from '@tanstack/react-query';
import { Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { fmtDate } from '../opinions/bits';
import { PublicLayout } from '../public/public-layout';

/** The public progress page. */
export function PublicConsultationsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['pub-cst'], queryFn: () => api<{ items: any[] }>('/public/consultations') });
  return (
    <PublicLayout>
      <Typography.Title level={4}>{t('cst.publicTitle')}</Typography.Title>
      <Space direction="vertical" style={{ inlineSize: '100%' }}>
        {(q.data?.items ?? []).map((c) => (
          <Card key={c.id} title={c.topic} extra={<Tag>{t(`cst.status.${c.status}`)}</Tag>} loading={q.isLoading}>
            <Typography.Text type="secondary">{c.meetingAt ? fmtDate(c.meetingAt) : ''}</Typography.Text>
            <List
              dataSource={c.outcomes}
              renderItem={(o: any) => (
                <List.Item>
                  <Space direction="vertical" style={{ inlineSize: '100%' }}>
                    <span>{o.content}</span>
                    <Space wrap>
                      <Tag>{o.departmentName}</Tag>
                      <span>{o.deadline}</span>
                      {o.overdue && <Tag color="red">{t('cst.f.overdue')}</Tag>}
                      {o.grade && <Tag color="gold">{`${t('cst.f.grade')} ${o.grade}`}</Tag>}
                    </Space>
                    <Progress percent={o.progress} size="small" />
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Space>
    </PublicLayout>
  );
}
