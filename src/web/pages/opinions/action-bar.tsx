// The item's action buttons, one per action the server allows (`abilities`), each opening its payload form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionAction } from '../../../core/opinions';
import { ApiError, api } from '../../api';
import { applyApiError } from '../../components/errors';
import { ActionFields, toPayload } from './action-fields';
import type { OpinionDetail, OpinionEventRow } from './types';

/** The main-path moves, shown as primary buttons; refusals in red. */
const PRIMARY = new Set<OpinionAction>(['accept', 'forward', 'reply', 'approve_reply', 'send_feedback', 'rate']);
const DANGER = new Set<OpinionAction>(['not_accept', 'return_for_rework', 'refuse_extension', 'reopen']);

/** Preset values of an action's form from what is already known (current departments, the requested date). */
function presets(action: OpinionAction, item: OpinionDetail, events: OpinionEventRow[]) {
  if (action === 'forward') {
    // The deadline stays empty: the server computes it by the working-day rules unless the office names one.
    const current = item.assignments.filter((a) => a.active);
    return {
      leadDepartmentId: current.find((a) => a.role === 'lead')?.departmentId,
      coHandlerIds: current.filter((a) => a.role === 'co').map((a) => a.departmentId),
    };
  }
  if (action === 'approve_extension') {
    const req = [...events].reverse().find((e) => e.type === 'request_extension');
    const d = req?.payload?.requestedDeadline;
    return { newDeadline: typeof d === 'string' ? dayjs(d) : undefined };
  }
  if (action === 'request_extension' && item.deadline) return { requestedDeadline: dayjs(item.deadline) };
  return {};
}

function ActionModal({
  action,
  item,
  events,
  onClose,
}: {
  action: OpinionAction;
  item: OpinionDetail;
  events: OpinionEventRow[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      api(`/opinions/${item.id}/transitions`, { body: { action, ...toPayload(action, values) } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['/opinions'] });
      qc.invalidateQueries({ queryKey: ['opinion', item.id] });
      message.success(t('op.item.done', { action: t(`op.action.${action}`) }));
      onClose();
    },
    onError: (e) => {
      setError(applyApiError(e, form));
      // A 409 means the item moved on meanwhile: reload it so the buttons show what is possible now.
      if (e instanceof ApiError && e.status === 409) qc.invalidateQueries({ queryKey: ['opinion', item.id] });
    },
  });
  return (
    <Modal
      open
      destroyOnHidden
      title={t(`op.action.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`op.action.${action}`)}
      okButtonProps={{ loading: run.isPending, 'data-testid': 'op-modal-ok' } as any}
      cancelText={t('action.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} data-testid="op-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={presets(action, item, events)}
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

/** Buttons for the allowed actions; nothing is derived here, the server's `abilities` decide. */
export function ActionBar({ item, events }: { item: OpinionDetail; events: OpinionEventRow[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OpinionAction | null>(null);
  if (!item.abilities.length) return <Typography.Text type="secondary">{t('op.item.noActions')}</Typography.Text>;
  return (
    <Flex wrap gap={8}>
      {item.abilities.map((a) => (
        <Button
          key={a}
          data-testid={`op-action-${a}`}
          type={PRIMARY.has(a) ? 'primary' : 'default'}
          danger={DANGER.has(a)}
          onClick={() => setOpen(a)}
        >
          {t(`op.action.${a}`)}
        </Button>
      ))}
      {open && <ActionModal action={open} item={item} events={events} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
