// The steps the server says the actor may take now (abilities.actions), each a button with its dialog.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Popconfirm, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { ActionFields } from './action-forms';
import type { ProposalDetail } from './types';

/** The request of one action from the dialog's values. */
function requestOf(id: number, action: string, v: Record<string, any>): [string, string, unknown] {
  const base = `/proposals/${id}`;
  switch (action) {
    case 'edit':
      return ['PATCH', base, { title: v.title, content: v.content }];
    case 'invite':
      return [
        'POST',
        `${base}/cosigners`,
        { memberIds: v.memberIds, deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') },
      ];
    case 'cosign':
      return ['POST', `${base}/cosign`, { accept: v.accept }];
    case 'decide':
      return ['POST', `${base}/decide`, { decision: v.decision, reason: v.reason ?? '' }];
    case 'assign':
      return [
        'POST',
        `${base}/assign`,
        { leadDepartmentId: v.leadDepartmentId, coDepartmentIds: v.coDepartmentIds ?? [] },
      ];
    case 'reply':
      return ['POST', `${base}/reply`, { content: v.content }];
    case 'rate':
      return ['POST', `${base}/rate`, { rating: v.rating, comment: v.comment ?? '' }];
    default:
      return ['POST', `${base}/${action}`, {}];
  }
}

/** Buttons for the allowed actions; submitting asks for confirmation, the others open a form. */
export function ActionPanel({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [open, setOpen] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ action, values }: { action: string; values: Record<string, unknown> }) => {
      const [method, path, body] = requestOf(proposal.id, action, values);
      return api(path, { method: method as 'POST', body });
    },
    onSuccess: () => {
      message.success(t('prp.form.done'));
      setOpen(null);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['proposal', proposal.id] });
      qc.invalidateQueries({ queryKey: ['/proposals'] });
      qc.invalidateQueries({ queryKey: ['/proposals/invitations'] });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const actions = proposal.abilities.actions;
  if (!actions.length) return <Typography.Text type="secondary">{t('prp.detail.noActions')}</Typography.Text>;
  const openFor = (a: string) => {
    form.resetFields();
    if (a === 'edit') form.setFieldsValue({ title: proposal.title, content: proposal.content });
    setOpen(a);
  };
  return (
    <>
      <Space wrap>
        {actions.map((a) =>
          a === 'submit' ? (
            <Popconfirm key={a} title={t('prp.action.submit')} onConfirm={() => run.mutate({ action: a, values: {} })}>
              <Button type="primary" loading={run.isPending} data-testid="prp-action-submit">
                {t('prp.action.submit')}
              </Button>
            </Popconfirm>
          ) : (
            <Button key={a} onClick={() => openFor(a)} data-testid={`prp-action-${a}`}>
              {t(`prp.action.${a}`)}
            </Button>
          ),
        )}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`prp.action.${open}`) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okText={t('prp.form.save')}
        cancelText={t('prp.form.cancel')}
        confirmLoading={run.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'prp-modal-ok' } as Record<string, string>}
      >
        <Form form={form} layout="vertical" onFinish={(values) => open && run.mutate({ action: open, values })}>
          {open && <ActionFields action={open} />}
        </Form>
      </Modal>
    </>
  );
}
