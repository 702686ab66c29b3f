// Entry point of the staff and member app: providers (query cache, antd locale and theme, auth, router) around the
// shell; each page is its own chunk (see routes.ts). The citizens' pages are a separate entry (public-main.tsx).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth';
import { i18nReady } from './i18n';
import { loadAntdLocale, useAntdLocale } from './i18n/antd';
import { initialLanguage } from './i18n/setup';
import './pwa/register';
import { Shell } from './shell';
import { useAppTheme } from './theme';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function Root() {
  const { locale, direction } = useAntdLocale();
  return (
    <ConfigProvider locale={locale} direction={direction} theme={useAppTheme()}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <Shell />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

// Render once the chosen language's messages and antd's locale are in (a first paint of raw keys would be worse than
// a blank instant; a locale arriving later would mount the app twice), both fetched at once.
void Promise.all([i18nReady, loadAntdLocale(initialLanguage())]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
