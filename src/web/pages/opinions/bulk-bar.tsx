// The inbox's bulk action bar for the office: one action (or a compound: 受理并转办, 审核通过并反馈) with one payload
// form on every selected item, all or nothing.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPOUND_CODES, type OpinionAction, type OpinionCompound } from '../../../core/opinions';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { ToProblemButton } from '../problems/to-problem';
import { ActionFields, toPayload } from './action-fields';
import { CompoundFields, stepsFor } from './compound-dialog';

/** The actions POST /opinions/bulk-transitions takes. */
const BULK_ACTIONS = ['accept', 'not_accept', 'forward', 'urge', 'close'] as const satisfies readonly OpinionAction[];
type BulkAction = (typeof BULK_ACTIONS)[number];
type BulkMove = BulkAction | OpinionCompound;

const isCompound = (m: BulkMove): m is OpinionCompound => (COMPOUND_CODES as readonly string[]).includes(m);

/** The request body for a move on many ids: `{ids, action, ...payload}` or `{ids, steps}`. */
function bodyOf(move: BulkMove, ids: number[], values: Record<string, unknown>) {
  if (isCompound(move)) return { ids, steps: stepsFor(move, values) };
  return { ids, action: move, ...toPayload(move, values) };
}

function BulkModal({ action, ids, onClose }: { action: BulkMove; ids: number[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const label = isCompound(action) ? t(`ops.compound.${action}`) : t(`op.action.${action}`);
  const run = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      api<{ count: number }>('/opinions/bulk-transitions', { body: bodyOf(action, ids, values) }),
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
        initialValues={
          action === 'accept_and_forward' || action === 'forward'
            ? { instructions: t('ops.forward.defaultInstructions') }
            : undefined
        }
        onFinish={(v) => {
          setError(null);
          run.mutate(v);
        }}
      >
        {isCompound(action) ? <CompoundFields code={action} bulk /> : <ActionFields action={action} />}
      </Form>
    </Modal>
  );
}

/** Shown while rows are selected: the count, one button per bulk action, and clearing the selection. */
export function BulkBar({ ids, onClear }: { ids: number[]; onClear: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<BulkMove | null>(null);
  if (!ids.length) return null;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBlockEnd: 12 }} data-testid="op-bulk-bar">
      <Typography.Text strong>{t('op.bulk.selected', { count: ids.length })}</Typography.Text>
      {COMPOUND_CODES.map((c) => (
        <Button key={c} data-testid={`op-bulk-${c}`} type="primary" onClick={() => setOpen(c)}>
          {t(`ops.compound.${c}`)}
        </Button>
      ))}
      {BULK_ACTIONS.map((a) => (
        <Button
          key={a}
          data-testid={`op-bulk-${a}`}
          type="default"
          danger={a === 'not_accept'}
          onClick={() => setOpen(a)}
        >
          {t(`op.action.${a}`)}
        </Button>
      ))}
      <ToProblemButton ids={ids} onDone={onClear} />
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
