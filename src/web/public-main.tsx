// Entry point of the citizens' pages (/public/*, served from public.html): plain React and public.css, no sign-in, no
// UI library, no staff code or catalogues, so a first visit on a weak phone connection downloads only what the form
// needs (budget: 150 KB of JS, gzip; tests/e2e/web-weight.e2e.ts). Pages still built with antd load it themselves.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { i18nReady } from './i18n/public-index';
import { i18n } from './i18n/setup';
import { publicRoutes } from './pages/public/routes';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function PublicRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Suspense fallback={<div className="pub-spinner">{i18n.t('pub.loading')}</div>}>
          <Routes>
            {publicRoutes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="*" element={<Navigate to="/public/opinions/new" replace />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PublicRoot />
    </StrictMode>,
  ),
);
