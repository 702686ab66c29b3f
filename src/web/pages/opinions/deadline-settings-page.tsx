// /opinions/settings: the office edits the default acceptance and reply periods (working days; urgent in hours/days)
// and the handling rules (close automatically after a 满意 rating).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Space, Spin, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { PageHead } from '../office/components/page-head';

/** The deadline settings, as the API names them. */
interface DeadlineSettings {
  acceptWorkingDays: number;
  urgentAcceptHours: number;
  replyWorkingDays: number;
  urgentReplyWorkingDays: number;
}

// Each field with its unit and the range the server accepts.
const FIELDS: { name: keyof DeadlineSettings; unit: 'days' | 'hours'; min: number; max: number }[] = [
  { name: 'acceptWorkingDays', unit: 'days', min: 0, max: 30 },
  { name: 'urgentAcceptHours', unit: 'hours', min: 1, max: 72 },
  { name: 'replyWorkingDays', unit: 'days', min: 1, max: 120 },
  { name: 'urgentReplyWorkingDays', unit: 'days', min: 1, max: 120 },
];

const KEY = ['/settings/opinion-deadlines'];
const HANDLING_KEY = ['/settings/opinion-handling'];

/** The handling rules: one switch, saved as soon as it is flipped. */
function HandlingCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: HANDLING_KEY,
    queryFn: () => api<{ settings: { autoCloseOnSatisfied: boolean } }>('/settings/opinion-handling'),
  });
  const save = useMutation({
    mutationFn: (on: boolean) =>
      api('/settings/opinion-handling', { method: 'PUT', body: { autoCloseOnSatisfied: on } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: HANDLING_KEY });
      message.success(t('ops.handling.saved'));
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  return (
    <Card size="small" title={t('ops.handling.title')} style={{ maxInlineSize: 560, marginBlockStart: 16 }}>
      <Space align="start">
        <Switch
          checked={q.data?.settings.autoCloseOnSatisfied}
          loading={q.isLoading || save.isPending}
          onChange={(on) => save.mutate(on)}
          data-testid="op-handling-autoclose"
        />
        <div>
          <Typography.Text strong>{t('ops.handling.autoClose')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBlockEnd: 0 }}>
            {t('ops.handling.autoCloseHint')}
          </Typography.Paragraph>
        </div>
      </Space>
    </Card>
  );
}

/** The settings form; the category screen overrides the reply period per category. */
export function DeadlineSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<DeadlineSettings>();
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ settings: DeadlineSettings; defaults: DeadlineSettings }>('/settings/opinion-deadlines'),
  });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data.settings);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: DeadlineSettings) => api('/settings/opinion-deadlines', { method: 'PUT', body: v }),
    onSuccess: () => {
      setError(null);
      qc.invalidateQueries({ queryKey: KEY });
      message.success(t('op.dlset.saved'));
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  if (q.isLoading) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon title={t('msg.loadFailed')} />;
  return (
    <div data-testid="op-deadline-settings">
      <PageHead title={t('op.dlset.title')} />
      <Card size="small" style={{ maxInlineSize: 560 }}>
        <Typography.Paragraph type="secondary">{t('op.dlset.hint')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {FIELDS.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(`op.dlset.${f.name}`)}
              rules={[{ required: true, type: 'integer', min: f.min, max: f.max, message: t('op.dlset.range', f) }]}
            >
              <InputNumber
                min={f.min}
                max={f.max}
                precision={0}
                suffix={t(`op.dlset.${f.unit}`)}
                style={{ inlineSize: 200 }}
                data-testid={`op-dlset-${f.name}`}
              />
            </Form.Item>
          ))}
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="op-dlset-save">
              {t('op.dlset.save')}
            </Button>
            <Button onClick={() => q.data && form.setFieldsValue(q.data.defaults)}>{t('op.dlset.reset')}</Button>
          </Space>
        </Form>
      </Card>
      <HandlingCard />
    </div>
  );
}
