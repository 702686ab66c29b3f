// antd's providers for the public pages still built with antd (reception booking, consultation progress): loaded as a
// chunk with those pages only, so the citizen form never downloads antd.
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAntdLocale } from '../../i18n/antd';
import { appTheme } from '../../theme';

/** Theme, locale and the message/modal context around an antd page. */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { locale, direction, ready } = useAntdLocale();
  // The page waits for antd's locale: rendered before it, it was mounted twice (a menu opened meanwhile closed again).
  if (!ready) return <div className="pub-spinner">{t('pub.loading')}</div>;
  return (
    <ConfigProvider locale={locale} direction={direction} theme={appTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
