// antd's providers for the public pages still built with antd (reception booking, consultation progress): loaded as a
// chunk with those pages only, so the citizen form never downloads antd.
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useAntdLocale } from '../../i18n/antd';
import { appTheme } from '../../theme';

/** Theme, locale and the message/modal context around an antd page. */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { locale, direction } = useAntdLocale();
  return (
    <ConfigProvider locale={locale} direction={direction} theme={appTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
