// One 活动记录卡: every field of the paper card, the members and contacts, attachments, edit/delete and downloads.
import { DeleteOutlined, EditOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Grid, Popconfirm, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EDUCATION, GENDER, labelOf, POLITICAL_STATUS } from '../../../../core/code-tables';
import { api, downloadUrl } from '../../../api';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { applyApiError } from '../../../components/errors';
import { codeLabel, useRepsById } from '../lookups';
import type { Activity } from '../types';
import { StatusTag } from './activity-bits';
import { ActivityOpinions } from './activity-opinions';
import { Attachments } from './attachments';

/** Loads one activity by the :id route parameter. */
export function useActivity() {
  const id = Number(useParams().id);
  return {
    id,
    query: useQuery({
      queryKey: ['/activities', id],
      queryFn: () => api<Activity>(`/activities/${id}`),
      enabled: id > 0,
    }),
  };
}

/** The detail page. */
export function ActivityDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const isPhone = !Grid.useBreakpoint().md;
  const { id, query } = useActivity();
  const a = query.data;
  const reps = useRepsById(a?.members.map((m) => m.id) ?? []);
  if (query.isLoading) return <Spin />;
  if (!a)
    return (
      <Result
        status="404"
        title={t('msg.notFound')}
        extra={<Button onClick={() => navigate('/activities')}>{t('action.back')}</Button>}
      />
    );
  const remove = async () => {
    try {
      await api(`/activities/${id}`, { method: 'DELETE' });
      message.success(t('msg.deleted'));
      await qc.invalidateQueries({ queryKey: ['/activities'] });
      navigate('/activities');
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const dl = (format: 'xlsx' | 'pdf') => downloadUrl('/exports/record-card', { activityId: id, format });
  const contacts = a.contacts.map((c) => ({ ...c, ...reps.get(c.id) }));
  const methods = a.methods.map((m) =>
    m === 'other' && a.methodOther
      ? `${codeLabel(t, 'method', m)}${t('field.paren', { text: a.methodOther })}`
      : codeLabel(t, 'method', m),
  );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
      <Breadcrumbs
        items={[
          { label: t('nav.activities'), to: '/activities' },
          { label: `${a.date} ${a.regionName ?? a.location ?? ''}`.trim() },
        ]}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 200 }}>
          {t('field.activity.cardTitle')} · <span style={{ whiteSpace: 'nowrap' }}>{a.date}</span>
        </Typography.Title>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={dl('xlsx')} data-testid="activity-download-xlsx">
            {t('field.forms.xlsx')}
          </Button>
          <Button icon={<FilePdfOutlined />} href={dl('pdf')} target="_blank" data-testid="activity-download-pdf">
            {t('field.forms.pdf')}
          </Button>
          {a.abilities.canEdit && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(`/activities/${id}/edit`)}
              data-testid="activity-edit"
            >
              {t('action.edit')}
            </Button>
          )}
          {a.abilities.canDelete && (
            <Popconfirm title={t('action.confirmDelete')} onConfirm={() => void remove()}>
              <Button danger icon={<DeleteOutlined />} data-testid="activity-delete">
                {t('action.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <Descriptions bordered size="small" column={isPhone ? 1 : 2} data-testid="activity-detail">
        <Descriptions.Item label={t('field.record.date')}>{a.date}</Descriptions.Item>
        <Descriptions.Item label={t('field.record.village')}>
          {[a.townshipName, a.regionName].filter(Boolean).join(' / ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.record.methods')}>{methods.join(t('field.sep'))}</Descriptions.Item>
        <Descriptions.Item label={t('field.record.purposesLabel')}>
          {a.purposes.map((p) => (
            <Tag key={p}>{codeLabel(t, 'purpose', p)}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.record.location')}>{a.location || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.activity.status')}>
          <StatusTag code={a.handlingStatus} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.activity.members')} span={isPhone ? 1 : 2}>
          {a.members.map((m) => (
            <div key={m.id}>
              {m.name}
              {m.workUnit && (
                <Typography.Text type="secondary">{t('field.paren', { text: m.workUnit })}</Typography.Text>
              )}
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={`${t('field.record.contacts')}${t('field.paren', { text: a.contacts.length })}`}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={contacts}
          data-testid="activity-contacts"
          columns={[
            { title: t('field.rep.name'), dataIndex: 'name' },
            {
              title: t('field.rep.workUnitPost'),
              key: 'wp',
              render: (_, c) => [c.workUnit, c.post].filter(Boolean).join(' ') || '—',
            },
            {
              title: t('field.rep.gender'),
              dataIndex: 'gender',
              render: (g?: string) => (g ? labelOf(GENDER, g) : '—'),
            },
            { title: t('field.rep.age'), dataIndex: 'age', render: (v?: number | null) => v ?? '—' },
            { title: t('field.rep.phone'), dataIndex: 'phone', render: (v?: string) => v || '—' },
            {
              title: t('field.rep.politicalStatus'),
              dataIndex: 'politicalStatus',
              render: (v?: string) => (v ? labelOf(POLITICAL_STATUS, v) : '—'),
            },
            {
              title: t('field.rep.education'),
              dataIndex: 'education',
              responsive: ['lg'],
              render: (v?: string) => (v ? labelOf(EDUCATION, v) : '—'),
            },
          ]}
        />
      </Card>
      <ActivityOpinions activity={a} />
      <Card size="small" title={t('field.record.handlingLabel')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.handling || '—'}</Typography.Paragraph>
      </Card>
      <Attachments activityId={id} canAttach={!!a.abilities.canAttach} />
    </div>
  );
}
