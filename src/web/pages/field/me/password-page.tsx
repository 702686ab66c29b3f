// Change own password; the server's rule violations (too short, too simple, contains the user name) are listed.
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api';
import { useAuth } from '../../../auth';
import { applyApiError } from '../../../components/errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The password page; after a change every session ends, so the user signs in again. */
export function PasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { logout, me } = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [rules, setRules] = useState<string[]>([]);
  const submit = async (v: Values) => {
    setBusy(true);
    setRules([]);
    try {
      await api('/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      message.success(t('field.password.changed'));
      await logout();
    } catch (e) {
      const msg = applyApiError(e, form);
      if (e instanceof ApiError && e.body.code === 'weak_password')
        setRules(((e.body.details as { rules?: string[] } | null)?.rules ?? []) as string[]);
      else if (e instanceof ApiError && e.body.code === 'wrong_password')
        form.setFields([{ name: 'currentPassword', errors: [msg] }]);
      else message.error(msg);
    } finally {
      setBusy(false);
    }
  };
  const req = { required: true, message: t('msg.required') };
  return (
    <div style={{ maxWidth: 440 }}>
      <Typography.Title level={4}>{t('app.changePassword')}</Typography.Title>
      <Card>
        {me?.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            title={t('field.password.mustChange')}
            style={{ marginBlockEnd: 12 }}
            data-testid="password-must-change"
          />
        )}
        <Typography.Paragraph type="secondary">{t('field.password.policy')}</Typography.Paragraph>
        {rules.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('field.password.weak')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {rules.map((r) => (
                  <li key={r}>{t(`field.password.rule.${r}`, { defaultValue: r })}</li>
                ))}
              </ul>
            }
            style={{ marginBlockEnd: 16 }}
            data-testid="password-rules"
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t('field.password.current')} rules={[req]}>
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('field.password.new')} rules={[req]}>
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('field.password.confirm')}
            dependencies={['newPassword']}
            rules={[
              req,
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('field.password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="password-save">
            {t('action.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
