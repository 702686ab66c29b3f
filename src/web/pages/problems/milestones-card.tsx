// The milestones of a problem: each with a due date and the % reached when met; the office adds them and marks them
// reached (the problem's progress follows the highest reached one).
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { todayIso } from '../field/lookups';
import { useDetailAbilities, useRefreshProblem } from './bits';
import type { Milestone, ProblemDetail } from './types';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function AddMilestone({ problem, onClose }: { problem: ProblemDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProblem(problem.id);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (v: { title: string; dueDate?: Dayjs; progress: number; note?: string; reached?: Dayjs }) =>
      api(`/problems/${problem.id}/milestones`, {
        body: {
          title: v.title,
          dueDate: day(v.dueDate),
          progress: v.progress,
          note: v.note || undefined,
          reachedAt: day(v.reached),
        },
      }),
    onSuccess: () => {
      message.success(t('prb.ms.added'));
      refresh();
      onClose();
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      destroyOnHidden
      title={t('prb.ms.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'prb-ms-ok' } as any}
      cancelText={t('action.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          add.mutate(v);
        }}
      >
        <Form.Item name="title" label={t('prb.ms.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} data-testid="prb-ms-title" />
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item name="dueDate" label={t('prb.ms.dueDate')} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} data-testid="prb-ms-due" />
          </Form.Item>
          <Form.Item
            name="progress"
            label={t('prb.ms.progress')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} data-testid="prb-ms-progress" />
          </Form.Item>
          <Form.Item name="reached" label={t('prb.ms.reachedAt')} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} data-testid="prb-ms-reached" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('prb.ms.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The milestones card. */
export function MilestonesCard({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useDetailAbilities(problem);
  const refresh = useRefreshProblem(problem.id);
  const [adding, setAdding] = useState(false);
  const reach = useMutation({
    mutationFn: (m: Milestone) =>
      api(`/problems/${problem.id}/milestones/${m.id}`, {
        method: 'PATCH',
        body: { reachedAt: todayIso() },
      }),
    onSuccess: () => {
      message.success(t('prb.ms.reachedDone'));
      refresh();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  const sorted = [...problem.milestones].sort((a, b) => a.progress - b.progress || a.id - b.id);
  return (
    <Card
      size="small"
      title={t('prb.ms.card')}
      style={{ marginBlockEnd: 16 }}
      data-testid="prb-milestones"
      extra={
        can.manage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="prb-ms-add">
            {t('prb.ms.add')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={sorted}
        locale={{ emptyText: t('prb.ms.none') }}
        renderItem={(m) => (
          <List.Item
            data-testid="prb-ms-item"
            data-reached={m.reachedAt ? 'true' : 'false'}
            actions={
              can.manage && !m.reachedAt
                ? [
                    <Button
                      key="reach"
                      size="small"
                      icon={<CheckOutlined />}
                      loading={reach.isPending && reach.variables?.id === m.id}
                      onClick={() => reach.mutate(m)}
                      data-testid="prb-ms-reach"
                    >
                      {t('prb.ms.markReached')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <Flex wrap gap={8} align="center">
                  <span>{m.title}</span>
                  <Tag>{m.progress}%</Tag>
                  {m.reachedAt ? (
                    <Tag color="green">{t('prb.ms.reachedOn', { date: m.reachedAt })}</Tag>
                  ) : (
                    <Tag>{t('prb.ms.pending')}</Tag>
                  )}
                </Flex>
              }
              description={
                <Typography.Text type="secondary">
                  {[m.dueDate && t('prb.ms.dueOn', { date: m.dueDate }), m.note].filter(Boolean).join(' · ') || null}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {adding && <AddMilestone problem={problem} onClose={() => setAdding(false)} />}
    </Card>
  );
}
