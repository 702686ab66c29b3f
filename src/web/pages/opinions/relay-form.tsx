// The member records relaying an answer to representatives: who, how, a note → POST /opinions/:id/relay.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';

/** A representative offered for relaying (as GET /opinions/mine sends it). */
export interface RelayTargetRow {
  id: number;
  name: string;
  phone: string;
  source: 'originator' | 'linked';
  relayedAt: string | null;
}

const METHODS = ['visit', 'phone', 'meeting', 'other'] as const;

/** A button opening the relay dialog; every not-yet-told representative is ticked to start with. */
export function RelayButton({ opinionId, targets }: { opinionId: number; targets: RelayTargetRow[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { representativeIds?: number[]; method: string; note?: string }) =>
      api(`/opinions/${opinionId}/relay`, {
        body: { representativeIds: v.representativeIds ?? [], method: v.method, note: v.note ?? '' },
      }),
    onSuccess: () => {
      message.success(t('mine.relayed_ok'));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['opinions-mine'] });
      void qc.invalidateQueries({ queryKey: ['opinion', opinionId] });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const start = () => {
    form.setFieldsValue({
      representativeIds: targets.filter((r) => !r.relayedAt).map((r) => r.id),
      method: 'visit',
      note: '',
    });
    setOpen(true);
  };
  return (
    <>
      <Button type="primary" onClick={start} data-testid="mine-relay">
        {t('mine.relay')}
      </Button>
      <Modal
        open={open}
        title={t('mine.relayTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'mine-relay-save' } as any}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {targets.length > 0 && (
            <Form.Item name="representativeIds" label={t('mine.relayWho')}>
              <Checkbox.Group
                options={targets.map((r) => ({ value: r.id, label: `${r.name} ${r.phone}` }))}
                data-testid="mine-relay-who"
              />
            </Form.Item>
          )}
          <Form.Item
            name="method"
            label={t('mine.relayMethod')}
            rules={[{ required: true, message: t('mine.selectOne') }]}
          >
            <Radio.Group data-testid="mine-relay-method">
              {METHODS.map((m) => (
                <Radio.Button key={m} value={m}>
                  {t(`mine.method.${m}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('mine.relayNote')}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('mine.relayNoteHint')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
