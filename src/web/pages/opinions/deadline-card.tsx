// The item's clocks (acceptance and department due dates, the 信访 statutory clock) and the office's contact release.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { fmtDate, fmtTime } from './bits';

/** What GET /opinions/:id/deadlines answers. */
interface DeadlineView {
  channel: string;
  acceptDueAt: string | null;
  deadline: string | null;
  contactReleased: boolean;
  petition: {
    acceptanceDue: string;
    statutoryConclusionDue: string | null;
    conclusionDue: string | null;
    extensionDays: number[];
    extensionsLeft: number;
    reviewRequestDue: string | null;
  } | null;
  abilities: { canReleaseContact: boolean };
}

function ReleaseButton({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (v: { reason: string }) => api(`/opinions/${id}/release-contact`, { body: v }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['opinion', id] });
      message.success(t('op.clock.released'));
      setOpen(false);
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="op-release-contact">
        {t('op.clock.release')}
      </Button>
      <Modal
        open={open}
        title={t('op.clock.releaseTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => run.mutate(v)}>
          <Form.Item
            name="reason"
            label={t('op.clock.reason')}
            extra={t('op.clock.releaseHint')}
            rules={[{ required: true, whitespace: true, message: t('op.clock.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="op-release-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The due dates of one item; for 信访 items also the statutory periods, the extension used and the review window. */
export function DeadlineCard({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['opinion', id, 'deadlines'],
    queryFn: () => api<DeadlineView>(`/opinions/${id}/deadlines`),
  });
  const v = q.data;
  if (!v) return null;
  const p = v.petition;
  const items = [
    { key: 'accept', label: t('op.clock.acceptDue'), children: fmtTime(v.acceptDueAt) || '—' },
    { key: 'deadline', label: t('op.clock.deadline'), children: fmtDate(v.deadline) || '—' },
  ];
  if (p) {
    items.push(
      { key: 'pAccept', label: t('op.clock.petitionAccept'), children: p.acceptanceDue },
      { key: 'pConclude', label: t('op.clock.petitionConclude'), children: p.statutoryConclusionDue ?? '—' },
      {
        key: 'pExtension',
        label: t('op.clock.extension'),
        children: p.extensionDays.length
          ? t('op.clock.extensionUsed', { days: p.extensionDays.join('+'), due: p.conclusionDue })
          : t('op.clock.extensionNone'),
      },
      { key: 'pReview', label: t('op.clock.reviewDue'), children: p.reviewRequestDue ?? '—' },
    );
  }
  return (
    <Card
      size="small"
      title={p ? t('op.clock.petitionTitle') : t('op.clock.title')}
      style={{ marginBlockEnd: 16 }}
      data-testid="op-deadlines"
      extra={
        v.contactReleased ? (
          <Tag color="green">{t('op.clock.contactReleased')}</Tag>
        ) : (
          v.abilities.canReleaseContact && <ReleaseButton id={id} />
        )
      }
    >
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}
