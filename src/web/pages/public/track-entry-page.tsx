// /public/track: type a tracking code and go to its page.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PublicLayout } from './public-layout';

/** The code entry page. */
export function TrackEntryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <PublicLayout>
      <Card>
        <Typography.Title level={4} style={{ marginBlockStart: 0 }}>
          {t('pub.track.heading')}
        </Typography.Title>
        <Form
          layout="vertical"
          onFinish={(v: { code: string }) =>
            navigate(`/public/opinions/${encodeURIComponent(v.code.replace(/[\s-]/g, '').toUpperCase())}`)
          }
        >
          <Form.Item
            name="code"
            label={t('pub.track.codeLabel')}
            rules={[{ required: true, whitespace: true, message: t('pub.form.required') }]}
          >
            <Input
              data-testid="track-code"
              placeholder={t('pub.track.codePh')}
              size="large"
              maxLength={20}
              autoCapitalize="characters"
              autoComplete="off"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" data-testid="track-go">
            {t('pub.track.go')}
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}
