// The citizens' frame: a slim header with the two public entry points and the language switch, phone-first width.
import { Button, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { setLanguage } from '../../i18n';

/** Wraps a public page. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header
        style={{
          background: '#b71c1c',
          paddingInline: 16,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
        }}
      >
        <Link
          to="/public/opinions/new"
          style={{ minWidth: 0, display: 'flex', alignItems: 'center', lineHeight: 'normal' }}
        >
          <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: 16 }}>
            {t('pub.brand')}
          </Typography.Text>
        </Link>
        <Space size={4} style={{ flexShrink: 0 }}>
          <Link to="/public/track">
            <Button type="text" size="small" style={{ color: '#fff' }}>
              {t('pub.nav.track')}
            </Button>
          </Link>
          <Button
            type="text"
            size="small"
            style={{ color: '#fff' }}
            data-testid="pub-lang"
            onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}
          >
            {t('pub.switchLang')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ paddingBlock: 16, paddingInline: 12 }}>
        <div style={{ maxWidth: 640, marginInline: 'auto' }}>{children}</div>
      </Layout.Content>
    </Layout>
  );
}

/** Formats an API timestamp in China time, in the UI language. */
export function formatTime(at: string, lang: string) {
  return new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
