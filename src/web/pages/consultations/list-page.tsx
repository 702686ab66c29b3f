// /consultations: the consultations the user may see, with outcome counts; office staff create new ones.

import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Divider, Flex, Form, Grid, Input, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { CardList } from '../../components/card-list';
import { applyApiError } from '../../components/errors';
import { usePagedList } from '../../components/use-page';
import { fmtTime } from '../opinions/bits';
import { ParticipantFields, toParticipants } from './participant-fields';

/** The consultation list with a create dialog. */
export function ConsultationListPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { tableProps } = usePagedList('/consultations', {});
  const save = useMutation({
    mutationFn: ({ memberIds, representativeIds, citizenNames, departmentIds, ...v }: any) =>
      api<{ id: number }>('/consultations', {
        body: {
          ...v,
          meetingAt: v.meetingAt ? v.meetingAt.format() : null,
          participants: toParticipants({ memberIds, representativeIds, citizenNames, departmentIds }),
        },
      }),
    onSuccess: (d) => navigate(`/consultations/${d.id}`),
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const isPhone = !Grid.useBreakpoint().md;
  const outcomes = (r: any) => (
    <>
      {r.doneCount}/{r.outcomeCount}
      {r.overdueCount > 0 && (
        <Tag color="red" style={{ marginInlineStart: 8 }}>
          {t('cst.f.overdue')} {r.overdueCount}
        </Tag>
      )}
    </>
  );
  return (
    <Card
      title={t('cst.title')}
      extra={
        has('admin') && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="cst-new">
            {t('cst.new')}
          </Button>
        )
      }
    >
      {isPhone ? (
        <CardList
          tableProps={tableProps}
          testId="cst-cards"
          renderCard={(r: any) => (
            <Card key={r.id} size="small" style={{ marginBlockEnd: 8 }} data-testid="cst-row" data-id={r.id}>
              <Flex justify="space-between" gap={8} wrap>
                <span>{r.meetingAt ? fmtTime(r.meetingAt) : ''}</span>
                <Tag>{t(`cst.status.${r.status}`)}</Tag>
              </Flex>
              <Link to={`/consultations/${r.id}`} style={{ display: 'block', marginBlock: 4 }}>
                {r.topic}
              </Link>
              <div>
                {t('cst.f.outcomes')} {outcomes(r)}
              </div>
            </Card>
          )}
        />
      ) : (
        <Table
          {...tableProps}
          scroll={{ x: true }}
          columns={[
            {
              title: t('cst.f.topic'),
              dataIndex: 'topic',
              render: (v, r: any) => <Link to={`/consultations/${r.id}`}>{v}</Link>,
            },
            {
              title: t('cst.f.meetingAt'),
              dataIndex: 'meetingAt',
              render: (v) => (v ? fmtTime(v) : ''),
            },
            { title: t('cst.f.status'), dataIndex: 'status', render: (s) => <Tag>{t(`cst.status.${s}`)}</Tag> },
            {
              title: t('cst.f.outcomes'),
              render: (_, r: any) => outcomes(r),
            },
          ]}
        />
      )}
      <Modal
        open={open}
        title={t('cst.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ isPublic: true }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="topic" label={t('cst.f.topic')} rules={[{ required: true, message: t('cst.required') }]}>
            <Input maxLength={200} data-testid="cst-topic" />
          </Form.Item>
          <Form.Item name="meetingAt" label={t('cst.f.meetingAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} />
          </Form.Item>
          <Form.Item name="place" label={t('cst.f.place')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="agenda" label={t('cst.f.agenda')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="description" label={t('cst.f.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="isPublic" label={t('cst.f.isPublic')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Divider titlePlacement="start">{t('cst.f.participants')}</Divider>
          <ParticipantFields />
        </Form>
      </Modal>
    </Card>
  );
}
