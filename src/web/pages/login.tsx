// The sign-in page, with the server's message (lockout, wrong password) shown as is.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { LanguageSwitch } from '../components/language-switch';

/** Username/password form. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Demo logins are shown on a demo database only: a real installation never advertises them.
  const [isDemo, setIsDemo] = useState(false);
  useEffect(() => {
    fetch('/api/health')
      .then((r) => (r.ok ? r.json() : null))
      .then((h) => setIsDemo(h?.demo === true))
      .catch(() => setIsDemo(false));
  }, []);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.body.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(#b71c1c 0 35%, #f5f5f5 35%)',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }} extra={<LanguageSwitch />}>
        <Typography.Title level={3} style={{ marginBlockStart: 0, color: '#b71c1c' }}>
          {t('app.name')} · {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        {error && (
          <Alert type="error" title={error} showIcon style={{ marginBlockEnd: 16 }} data-testid="login-error" />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('msg.required') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('msg.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        {isDemo && (
          <Typography.Paragraph
            type="secondary"
            style={{ marginBlockStart: 16, fontSize: 12 }}
            data-testid="demo-logins"
          >
            {t('login.demo')}
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}
