// A member's appeals for the year, with the office's decide form (accept with an adjustment, or reject).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import type { Appeal } from './types';

const COLOR = { pending: 'gold', accepted: 'green', rejected: 'default' } as const;

/** Appeals card of the member page. */
export function AppealsPanel({ year, memberId, onChanged }: { year: number; memberId: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const q = useQuery({
    queryKey: ['assessment-appeals', year, memberId],
    queryFn: () => api<{ items: Appeal[] }>(`/assessments/${year}/members/${memberId}/appeals`),
  });
  const decide = useMutation({
    mutationFn: (v: { decision: 'accept' | 'reject'; adjustment?: number; text?: string }) =>
      api(`/assessments/${year}/appeals/${deciding!.id}/decision`, {
        body: { decision: v.decision, adjustment: v.decision === 'accept' ? v.adjustment : 0, text: v.text ?? '' },
      }),
    onSuccess: () => {
      message.success(t('asmt.member.decided'));
      setDeciding(null);
      qc.invalidateQueries({ queryKey: ['assessment-appeals'] });
      onChanged();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const decision = Form.useWatch('decision', form);
  return (
    <Card size="small" title={t('asmt.member.appeals')}>
      <List
        size="small"
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('asmt.member.none') }}
        renderItem={(a) => (
          <List.Item
            actions={
              a.abilities.canDecide
                ? [
                    <Button key="d" size="small" onClick={() => setDeciding(a)} data-testid={`asmt-decide-${a.id}`}>
                      {t('asmt.member.decide')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  <Tag color={COLOR[a.status]}>{t(`asmt.appealStatus.${a.status}`)}</Tag>
                  {a.ruleName}
                  {a.status === 'accepted' ? `（${a.adjustment > 0 ? '+' : ''}${a.adjustment}）` : ''}
                </>
              }
              description={
                <>
                  <div>{a.reason}</div>
                  {a.decision ? <Typography.Text type="secondary">{a.decision}</Typography.Text> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={deciding !== null}
        title={`${t('asmt.member.decide')}：${deciding?.ruleName ?? ''}`}
        onCancel={() => setDeciding(null)}
        onOk={() => form.validateFields().then((v) => decide.mutate(v))}
        confirmLoading={decide.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ decision: 'accept', adjustment: 1 }}>
          <Form.Item name="decision" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'accept', label: t('asmt.member.accept') },
                { value: 'reject', label: t('asmt.member.reject') },
              ]}
            />
          </Form.Item>
          {decision === 'accept' ? (
            <Form.Item name="adjustment" label={t('asmt.member.adjustment')} rules={[{ required: true }]}>
              <InputNumber min={-1000} max={1000} step={0.5} data-testid="asmt-adjustment" />
            </Form.Item>
          ) : null}
          <Form.Item name="text" label={t('asmt.member.decisionText')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
