// The inbox's bulk action bar for the office: one action with one payload form on every selected item, all or nothing.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionAction } from '../../../core/opinions';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { ActionFields, toPayload } from './action-fields';

/** The actions POST /opinions/bulk-transitions takes. */
const BULK_ACTIONS = ['accept', 'not_accept', 'forward', 'urge', 'close'] as const satisfies readonly OpinionAction[];
type BulkAction = (typeof BULK_ACTIONS)[number];

function BulkModal({ action, ids, onClose }: { action: BulkAction; ids: number[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const label = t(`op.action.${action}`);
  const run = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      api<{ count: number }>('/opinions/bulk-transitions', { body: { ids, action, ...toPayload(action, values) } }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['/opinions'] });
      qc.invalidateQueries({ queryKey: ['opinion'] });
      message.success(t('op.bulk.done', { action: label, count: r.count }));
      onClose(true);
    },
    // A refusal names each item that cannot move; nothing was changed, so the selection stays for another try.
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      destroyOnHidden
      title={t('op.bulk.title', { action: label, count: ids.length })}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={label}
      okButtonProps={{ loading: run.isPending, 'data-testid': 'op-bulk-ok' } as any}
      cancelText={t('action.cancel')}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} data-testid="op-bulk-error" />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          run.mutate(v);
        }}
      >
        <ActionFields action={action} />
      </Form>
    </Modal>
  );
}

/** Shown while rows are selected: the count, one button per bulk action, and clearing the selection. */
export function BulkBar({ ids, onClear }: { ids: number[]; onClear: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<BulkAction | null>(null);
  if (!ids.length) return null;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBlockEnd: 12 }} data-testid="op-bulk-bar">
      <Typography.Text strong>{t('op.bulk.selected', { count: ids.length })}</Typography.Text>
      {BULK_ACTIONS.map((a) => (
        <Button
          key={a}
          data-testid={`op-bulk-${a}`}
          type={a === 'accept' || a === 'forward' ? 'primary' : 'default'}
          danger={a === 'not_accept'}
          onClick={() => setOpen(a)}
        >
          {t(`op.action.${a}`)}
        </Button>
      ))}
      <Button type="link" onClick={onClear}>
        {t('op.bulk.clear')}
      </Button>
      {open && (
        <BulkModal
          action={open}
          ids={ids}
          onClose={(done) => {
            setOpen(null);
            if (done) onClear();
          }}
        />
      )}
    </Flex>
  );
}
