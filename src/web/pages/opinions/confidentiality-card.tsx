// The item's confidentiality: a tag beside the fields, the office's dialog to change the tier, name staff and write the
// redacted copy a department receives, and the department's notice that it reads that copy (with the office's note).
import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { applyApiError } from '../../components/errors';
import { CONFIDENTIALITIES, type OpinionDetail } from './types';

const COLOR: Record<string, string | undefined> = { internal: 'gold', confidential: 'red' };

/** The tier as a tag (red for 保密, gold for 内部). */
export function ConfidentialityTag({ tier }: { tier: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[tier]} icon={tier === 'confidential' ? <LockOutlined /> : undefined} data-testid="op-tier">
      {t(`op.confidentiality.${tier}`)}
    </Tag>
  );
}

/** What a department reads instead of the original (a notice and the office's note); the office's reminder to write it. */
export function RedactionNotice({ item }: { item: OpinionDetail }) {
  const { t } = useTranslation();
  // The office is reminded that a forward needs the redacted copy first (the server refuses it otherwise).
  if (!item.isRedacted && item.confidentiality === 'confidential' && !(item.redactedTitle && item.redactedContent))
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBlockEnd: 16 }}
        message={t('op.tier.copyMissing')}
        data-testid="op-copy-missing"
      />
    );
  if (!item.isRedacted) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBlockEnd: 16 }}
      data-testid="op-redacted"
      message={t('op.tier.redactedNotice')}
      description={item.redactionNote ? t('op.tier.officeNote', { note: item.redactionNote }) : undefined}
    />
  );
}

interface TierForm {
  confidentiality: string;
  namedUserIds: number[];
  redactedTitle: string;
  redactedContent: string;
  redactionNote: string;
}

/** The tag and, for the office and the leader, the button and dialog that change the tier. */
export function ConfidentialityControl({ item }: { item: OpinionDetail }) {
  const { t } = useTranslation();
  const { has } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TierForm>();
  const tier = Form.useWatch('confidentiality', form);
  // Only office staff may list accounts; the leader keeps the current names.
  const staff = useQuery({
    queryKey: ['/users', 'office-staff'],
    queryFn: async () =>
      (
        await api<{ items: { id: number; displayName: string; roles: string[]; active: boolean }[] }>(
          '/users?pageSize=500',
        )
      ).items,
    enabled: open && has('admin'),
  });
  const save = useMutation({
    mutationFn: (v: TierForm) => api<OpinionDetail>(`/opinions/${item.id}/confidentiality`, { method: 'PUT', body: v }),
    onSuccess: (data) => {
      qc.setQueryData(['opinion', item.id], data);
      qc.invalidateQueries({ queryKey: ['opinion', item.id, 'events'] });
      qc.invalidateQueries({ queryKey: ['/opinions'] });
      message.success(t('op.tier.saved'));
      setOpen(false);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const named = item.namedStaff ?? [];
  const options = [
    ...(staff.data ?? [])
      .filter((u) => u.active && u.roles.includes('admin'))
      .map((u) => ({ value: u.id, label: u.displayName })),
    ...named.map((u) => ({ value: u.userId, label: u.displayName })),
  ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  return (
    <>
      <ConfidentialityTag tier={item.confidentiality} />
      {named.length > 0 && (
        <span data-testid="op-named-staff">
          {t('op.tier.namedList', { names: named.map((u) => u.displayName).join('、') })}
        </span>
      )}
      {item.canChangeConfidentiality && (
        <Button
          size="small"
          type="link"
          data-testid="op-tier-change"
          onClick={() => {
            form.setFieldsValue({
              confidentiality: item.confidentiality,
              namedUserIds: named.map((u) => u.userId),
              redactedTitle: item.redactedTitle ?? '',
              redactedContent: item.redactedContent ?? '',
              redactionNote: item.redactionNote ?? '',
            });
            setOpen(true);
          }}
        >
          {t('op.tier.change')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('op.tier.title')}
        okText={t('op.tier.save')}
        confirmLoading={save.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        data-testid="op-tier-dialog"
      >
        <Form<TierForm> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item
            name="confidentiality"
            label={t('op.field.confidentiality')}
            extra={t(`op.tier.help.${tier ?? 'normal'}`)}
          >
            <Select
              data-testid="op-tier-select"
              options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`op.confidentiality.${c}`) }))}
            />
          </Form.Item>
          {tier === 'confidential' && (
            <>
              <Form.Item name="namedUserIds" label={t('op.tier.named')} extra={t('op.tier.namedHelp')}>
                <Select mode="multiple" options={options} loading={staff.isLoading} disabled={!has('admin')} />
              </Form.Item>
              <Form.Item name="redactedTitle" label={t('op.tier.redactedTitle')} extra={t('op.tier.redactedHelp')}>
                <Input maxLength={200} data-testid="op-tier-redacted-title" />
              </Form.Item>
              <Form.Item name="redactedContent" label={t('op.tier.redactedContent')}>
                <Input.TextArea rows={4} maxLength={20000} data-testid="op-tier-redacted-content" />
              </Form.Item>
              <Form.Item name="redactionNote" label={t('op.tier.redactionNote')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
