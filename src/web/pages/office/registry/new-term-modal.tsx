// "开始新一届": opens a new term whose sector tree starts as a copy of the chosen term's; old records keep their sectors.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import type { Term } from '../components/registry-data';

const DIGITS = '零一二三四五六七八九';
/** 1–99 in Chinese numerals (十一, 二十), as terms are named (第十一届). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** The confirmation form; `onDone` receives the new term. */
export function NewTermModal({
  open,
  terms,
  onClose,
  onDone,
}: {
  open: boolean;
  terms: Term[];
  onClose: () => void;
  onDone: (t: Term) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const current = terms.find((x) => x.isCurrent);
  const next = Math.max(0, ...terms.map((x) => x.number)) + 1;
  const submit = async (v: any) => {
    setBusy(true);
    try {
      const body = {
        number: v.number,
        name: v.name,
        startDate: v.startDate.format('YYYY-MM-DD'),
        copyFromTermId: v.copyFromTermId ?? undefined,
      };
      const term = await api<Term>('/terms', { body });
      message.success(t('office.sector.termStarted', { name: term.name }));
      await qc.invalidateQueries({ queryKey: ['terms'] });
      await qc.invalidateQueries({ queryKey: ['sectors'] });
      onDone(term);
    } catch (e) {
      message.error(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true, message: t('msg.required') }];
  return (
    <Modal
      open={open}
      title={t('office.sector.newTerm')}
      okText={t('office.sector.newTermConfirm')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'term-create-ok' } as any}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('office.sector.newTermExplain')} style={{ marginBlockEnd: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          number: next,
          name: t('office.sector.termName', { n: next, cn: chineseNumber(next) }),
          startDate: dayjs(),
          copyFromTermId: current?.id,
        }}
      >
        <Form.Item name="number" label={t('office.sector.termNumber')} rules={req}>
          <InputNumber min={1} max={99} />
        </Form.Item>
        <Form.Item name="name" label={t('office.sector.termTitle')} rules={req}>
          <Input maxLength={50} data-testid="term-name" />
        </Form.Item>
        <Form.Item name="startDate" label={t('office.sector.startDate')} rules={req}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="copyFromTermId" label={t('office.sector.copyFrom')} extra={t('office.sector.copyFromHint')}>
          <Select allowClear options={terms.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
