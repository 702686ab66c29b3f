// 反映社情民意: the citizen's form (no account), then the tracking code to keep.

import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { CategoryPicker, VillagePicker } from './pickers';
import { PublicLayout } from './public-layout';
import { Submitted } from './submitted';

interface Values {
  title: string;
  content: string;
  categoryId: number;
  regionId: number;
  name?: string;
  phone?: string;
  email?: string;
  consent: boolean;
  website: string;
  files?: UploadFile[];
}

/** Most files the form sends (the server refuses more). */
const MAX_FILES = 3;
const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';

/** A fresh Idempotency-Key: one per filling of the form, kept across retries and double taps. */
const newKey = () =>
  typeof globalThis.crypto?.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/**
 * The submission: JSON without files, multipart with the same fields when files are attached; the key makes a retry
 * after a lost answer return the first item instead of a second one.
 */
function submitOpinion(v: Values, key: string) {
  const headers = { 'idempotency-key': key };
  const fields = { ...v, name: v.name ?? '', phone: v.phone ?? '', email: v.email ?? '', website: v.website ?? '' };
  const files = (v.files ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : []));
  const { files: _f, ...body } = fields;
  if (!files.length) return api<{ trackingCode: string }>('/public/opinions', { body, headers });
  const form = new FormData();
  for (const [k, val] of Object.entries(body)) form.append(k, String(val));
  for (const f of files) form.append('file', f, f.name);
  return api<{ trackingCode: string }>('/public/opinions', { form, headers });
}

/** The public submission page. */
export function NewOpinionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [code, setCode] = useState<string | null>(null);
  const [key, setKey] = useState(newKey);
  const send = useMutation({
    mutationFn: (v: Values) => submitOpinion(v, key),
    onSuccess: (r) => {
      setKey(newKey());
      setCode(r.trackingCode);
      form.resetFields();
      window.scrollTo(0, 0);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const required = { required: true, message: t('pub.form.required') };
  const choose = { required: true, message: t('pub.form.chooseRequired') };

  if (code)
    return (
      <PublicLayout>
        <Submitted code={code} onAnother={() => setCode(null)} />
      </PublicLayout>
    );
  return (
    <PublicLayout>
      <Card>
        <Typography.Title level={4} style={{ marginBlockStart: 0 }}>
          {t('pub.form.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('pub.form.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ website: '', consent: false }}
          onFinish={(v) => {
            if (!send.isPending) send.mutate(v);
          }}
          disabled={send.isPending}
        >
          <Form.Item name="title" label={t('pub.form.title')} rules={[required, { max: 100 }]}>
            <Input data-testid="pub-title" placeholder={t('pub.form.titlePh')} maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('pub.form.content')} rules={[required, { max: 5000 }]}>
            <Input.TextArea
              data-testid="pub-content"
              placeholder={t('pub.form.contentPh')}
              autoSize={{ minRows: 4, maxRows: 12 }}
              maxLength={5000}
              showCount
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('pub.form.category')} rules={[choose]}>
            <CategoryPicker data-testid="pub-category" />
          </Form.Item>
          <Form.Item name="regionId" label={t('pub.form.village')} rules={[choose]}>
            <VillagePicker data-testid="pub-village" />
          </Form.Item>
          <Form.Item
            name="files"
            label={t('pub.form.files')}
            extra={t('pub.form.filesHint')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
            rules={[
              {
                validator: (_, v?: UploadFile[]) =>
                  (v?.length ?? 0) > MAX_FILES
                    ? Promise.reject(new Error(t('pub.form.filesTooMany')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Upload beforeUpload={() => false} multiple accept={ACCEPT} maxCount={MAX_FILES} data-testid="pub-files">
              <Button icon={<UploadOutlined />}>{t('pub.form.filesPick')}</Button>
            </Upload>
          </Form.Item>
          <Typography.Text strong style={{ display: 'block', marginBlockStart: 8 }}>
            {t('pub.form.contactHeading')}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('pub.form.contactHint')}
          </Typography.Paragraph>
          <Form.Item name="name" label={t('pub.form.name')} rules={[{ max: 50 }]}>
            <Input data-testid="pub-name" autoComplete="name" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('pub.form.phone')}
            rules={[{ pattern: /^[\d\s+()-]{7,20}$/, message: t('pub.form.phoneInvalid') }]}
          >
            <Input data-testid="pub-phone" type="tel" autoComplete="tel" maxLength={20} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('pub.form.email')}
            rules={[{ type: 'email', message: t('pub.form.emailInvalid') }]}
          >
            <Input data-testid="pub-email" type="email" autoComplete="email" maxLength={200} />
          </Form.Item>
          {/* Honeypot: hidden from people and screen readers; bots that fill every field give themselves away. */}
          <Form.Item name="website" hidden>
            <Input tabIndex={-1} autoComplete="off" aria-hidden data-testid="pub-website" />
          </Form.Item>
          <Card size="small" title={t('pub.form.privacyTitle')} style={{ marginBlockEnd: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('pub.form.privacy')}
            </Typography.Text>
          </Card>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('pub.form.consentRequired')))),
              },
            ]}
          >
            <Checkbox data-testid="pub-consent">{t('pub.form.consent')}</Checkbox>
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={send.isPending}
            disabled={send.isPending}
            data-testid="pub-submit"
          >
            {t('pub.form.submit')}
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}
