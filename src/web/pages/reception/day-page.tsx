// /reception/:id: one day with its slots and bookings; check in, record a matter as an item, close as held, cancel.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { DayTimeline } from './timeline';

/** The day page. */
export function ReceptionDayPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['reception-day', id];
  const day = useQuery({ queryKey: key, queryFn: () => api<any>(`/reception-days/${id}`) });
  const [recording, setRecording] = useState<any>(null);
  const [form] = Form.useForm();
  const act = useMutation({
    mutationFn: (p: { path: string; body?: unknown }) =>
      api(`/reception-days/${id}${p.path}`, { method: 'POST', body: p.body ?? {} }),
    onSuccess: () => {
      message.success(t('rcp.done'));
      setRecording(null);
      qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const d = day.data;
  if (!d) return <Card loading={day.isLoading} />;
  const ab = d.abilities;
  return (
    <Space direction="vertical" style={{ inlineSize: '100%' }}>
      <Card
        title={d.title}
        extra={
          <Space wrap>
            {ab.canHold && (
              <Popconfirm title={t('rcp.holdConfirm')} onConfirm={() => act.mutate({ path: '/hold' })}>
                <Button type="primary" data-testid="rcp-hold">
                  {t('rcp.hold')}
                </Button>
              </Popconfirm>
            )}
            {ab.canCancel && (
              <Popconfirm title={t('rcp.cancelConfirm')} onConfirm={() => act.mutate({ path: '/cancel' })}>
                <Button danger data-testid="rcp-cancel">
                  {t('rcp.cancel')}
                </Button>
              </Popconfirm>
            )}
            {d.activityId && <Link to={`/activities/${d.activityId}`}>{t('rcp.activity')}</Link>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('rcp.f.date')}>{d.date}</Descriptions.Item>
          <Descriptions.Item label={t('rcp.f.status')}>
            <Tag>{t(`rcp.status.${d.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('rcp.f.place')}>{d.place}</Descriptions.Item>
          <Descriptions.Item label={t('rcp.f.members')}>
            {d.members.map((m: any) => m.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('rcp.f.description')}>{d.description}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('rcp.f.slots')}>
        <Table
          rowKey="id"
          dataSource={d.slots}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('rcp.f.time'), render: (_, s: any) => `${s.start}–${s.end}` },
            { title: t('rcp.f.name'), render: (_, s: any) => s.booking?.name },
            { title: t('rcp.f.phone'), render: (_, s: any) => s.booking?.phone },
            { title: t('rcp.f.topic'), render: (_, s: any) => s.booking?.topic },
            {
              title: t('rcp.f.status'),
              render: (_, s: any) => s.booking && <Tag>{t(`rcp.booking.${s.booking.status}`)}</Tag>,
            },
            {
              key: 'a',
              render: (_, s: any) => {
                const b = s.booking;
                if (!b) return null;
                if (b.opinionId) return <Link to={`/opinions/${b.opinionId}`}>{t('rcp.recorded')}</Link>;
                if (ab.canCheckIn && b.status === 'booked')
                  return (
                    <Button
                      size="small"
                      data-testid={`rcp-checkin-${b.id}`}
                      onClick={() => act.mutate({ path: `/bookings/${b.id}/check-in` })}
                    >
                      {t('rcp.checkIn')}
                    </Button>
                  );
                if (ab.canCheckIn && b.status === 'checked_in')
                  return (
                    <Button
                      size="small"
                      data-testid={`rcp-record-${b.id}`}
                      onClick={() => {
                        form.setFieldsValue({ title: b.topic.slice(0, 200), content: b.topic });
                        setRecording(b);
                      }}
                    >
                      {t('rcp.record')}
                    </Button>
                  );
                return null;
              },
            },
          ]}
        />
      </Card>
      <Card title={t('rcp.timeline')}>
        <DayTimeline events={d.events} slots={d.slots} />
      </Card>
      <Modal
        open={!!recording}
        title={t('rcp.record')}
        onCancel={() => setRecording(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => act.mutate({ path: `/bookings/${recording.id}/opinion`, body: v })}
        >
          <Form.Item name="title" label={t('rcp.f.itemTitle')} rules={[{ required: true, message: t('rcp.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('rcp.f.itemContent')}
            rules={[{ required: true, message: t('rcp.required') }]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
