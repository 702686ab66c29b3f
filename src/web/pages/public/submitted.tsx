// The success screen: the tracking code, large, with copy and follow links.
import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shows the code the citizen must keep. */
export function Submitted({ code, onAnother }: { code: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    await navigator.clipboard?.writeText(code).catch(() => undefined);
    message.success(t('pub.done.copied'));
  };
  return (
    <Card style={{ textAlign: 'center' }}>
      <CheckCircleFilled style={{ fontSize: 48, color: '#52c41a' }} />
      <Typography.Title level={4}>{t('pub.done.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('pub.done.sub')}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('pub.done.codeLabel')}</Typography.Text>
      <div
        data-testid="pub-code"
        style={{
          fontSize: 32,
          fontWeight: 700,
          letterSpacing: 4,
          fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
          marginBlock: 8,
          userSelect: 'all',
        }}
      >
        {code}
      </div>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button icon={<CopyOutlined />} block onClick={copy} data-testid="pub-copy">
          {t('pub.done.copy')}
        </Button>
        <Link to={`/public/opinions/${code}`}>
          <Button type="primary" block data-testid="pub-follow">
            {t('pub.done.follow')}
          </Button>
        </Link>
        <Button type="link" onClick={onAnother}>
          {t('pub.done.another')}
        </Button>
      </Space>
    </Card>
  );
}
