// antd's providers for the public pages still built with antd (reception booking, consultation progress): loaded as a
// chunk with those pages only, so the citizen form never downloads antd.
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { antdLocale, appTheme } from '../../theme';

/** Theme, locale and the message/modal context around an antd page. */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={antdLocale(i18n.language)} theme={appTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
