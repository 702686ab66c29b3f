// The look both web entries share: antd theme tokens and the antd locale for the UI language.
import type { ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';

/** antd theme of the staff app and the citizens' pages. */
export const appTheme: ThemeConfig = { token: { colorPrimary: '#b71c1c', borderRadius: 6 } };

/** antd's own texts (pickers, pagination, empty states) in the UI language. */
export const antdLocale = (lang: string) => (lang === 'en' ? enUS : zhCN);
