// The citizens' consultation progress page (no account); an antd page, loaded with the antd frame as its own chunks.
import { lazyComponent, type PageRoute } from '../../routes';

const AntdFrame = lazyComponent(() => import('../public/antd-frame'), 'AntdFrame');
const PublicConsultationsPage = lazyComponent(() => import('./public-page'), 'PublicConsultationsPage');

/** Public (no account) routes. */
export const publicConsultationRoutes: PageRoute[] = [
  {
    path: '/public/consultations',
    element: (
      <AntdFrame>
        <PublicConsultationsPage />
      </AntdFrame>
    ),
  },
];
