// /consultations/:id: agenda, participants, minutes, the outcomes table; office staff add outcomes and move it on.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { DepartmentSelect } from '../../components/department-select';
import { applyApiError } from '../../components/errors';
import { fmtTime } from '../opinions/bits';
import { OutcomesTable } from './outcomes-table';
import { ParticipantsEditor } from './participants-editor';
import { ConsultationTimeline } from './timeline';

/** The consultation page. */
export function ConsultationDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { has } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['consultation', id];
  const q = useQuery({ queryKey: key, queryFn: () => api<any>(`/consultations/${id}`) });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const call = useMutation({
    mutationFn: (p: { path: string; method?: string; body: unknown }) =>
      api(`/consultations/${id}${p.path}`, { method: p.method ?? 'POST', body: p.body }),
    onSuccess: () => {
      message.success(t('cst.done'));
      setAdding(false);
      refresh();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const c = q.data;
  if (!c) return <Card loading={q.isLoading} />;
  const next = c.abilities.nextStatus as string | null;
  const list = has('admin', 'leader', 'member', 'group_leader')
    ? { label: t('nav.consultations'), to: '/consultations' }
    : { label: t('nav.consultationWork'), to: '/consultation-outcomes' };
  return (
    <Space direction="vertical" style={{ inlineSize: '100%' }}>
      <Breadcrumbs items={[list, { label: c.topic }]} />
      <Card
        title={c.topic}
        extra={
          next && (
            <Button
              type="primary"
              onClick={() => call.mutate({ path: '/status', body: { status: next } })}
              data-testid="cst-next"
            >
              {t('cst.next', { s: t(`cst.status.${next}`) })}
            </Button>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('cst.f.status')}>
            <Tag>{t(`cst.status.${c.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('cst.f.meetingAt')}>{c.meetingAt ? fmtTime(c.meetingAt) : ''}</Descriptions.Item>
          <Descriptions.Item label={t('cst.f.place')}>{c.place}</Descriptions.Item>
          <Descriptions.Item label={t('cst.f.description')}>{c.description}</Descriptions.Item>
          <Descriptions.Item label={t('cst.f.participants')} span={2}>
            <Space wrap>
              {c.participants.map((p: any) => (
                <Tag key={p.id}>
                  {t(`cst.kind.${p.kind}`)}：{p.name}
                </Tag>
              ))}
              {c.abilities.canEdit && (
                <ParticipantsEditor consultationId={c.id} participants={c.participants} onSaved={refresh} />
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{t('cst.f.agenda')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.agenda || t('cst.none')}</Typography.Paragraph>
        <Typography.Title level={5}>{t('cst.f.minutes')}</Typography.Title>
        {c.abilities.canEdit ? (
          <Form
            key={c.minutes}
            initialValues={{ minutes: c.minutes }}
            onFinish={(v) => call.mutate({ path: '', method: 'PATCH', body: v })}
          >
            <Form.Item name="minutes">
              <Input.TextArea rows={4} data-testid="cst-minutes" />
            </Form.Item>
            <Button htmlType="submit">{t('action.save')}</Button>
          </Form>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.minutes || t('cst.none')}</Typography.Paragraph>
        )}
      </Card>
      <Card
        title={t('cst.f.outcomes')}
        extra={
          c.abilities.canAddOutcome && (
            <Button onClick={() => setAdding(true)} data-testid="cst-add-outcome">
              {t('cst.addOutcome')}
            </Button>
          )
        }
      >
        <OutcomesTable outcomes={c.outcomes} onChanged={refresh} />
      </Card>
      <Card title={t('cst.timeline')}>
        <ConsultationTimeline events={c.events ?? []} testid="cst-timeline" />
      </Card>
      <Modal
        open={adding}
        title={t('cst.addOutcome')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={call.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            call.mutate({
              path: '/outcomes',
              body: {
                content: v.content,
                departmentId: v.departmentId ?? null,
                deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
              },
            })
          }
        >
          <Form.Item name="content" label={t('cst.f.content')} rules={[{ required: true, message: t('cst.required') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('cst.f.department')}>
            <DepartmentSelect data-testid="cst-outcome-department" />
          </Form.Item>
          <Form.Item name="deadline" label={t('cst.f.deadline')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
