// 反映社情民意: the citizen's form (no account), then the tracking code to keep.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
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
}

/** The public submission page. */
export function NewOpinionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [code, setCode] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: Values) =>
      api<{ trackingCode: string }>('/public/opinions', {
        body: { ...v, name: v.name ?? '', phone: v.phone ?? '', email: v.email ?? '', website: v.website ?? '' },
      }),
    onSuccess: (r) => {
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
          onFinish={(v) => send.mutate(v)}
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
          <Button type="primary" htmlType="submit" block size="large" loading={send.isPending} data-testid="pub-submit">
            {t('pub.form.submit')}
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}
