// Routes of the field area (home, members' phone screens, activities, representatives, compliance, forms).
import {
  CheckCircleOutlined,
  EditOutlined,
  FileExcelOutlined,
  HomeOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ReactNode, Suspense } from 'react';
import { HOME_AREAS } from '../../i18n';
import { lazyComponent, type PageRoute } from '../../routes';
import { useOutboxSync } from './record/use-outbox';

// Not needed for the first paint, so not in the first screen's weight; precached by the service worker for offline.
const OfflineBanner = lazyComponent(() => import('../../pwa/offline'), 'OfflineBanner', []);
const ActivityDetailPage = lazyComponent(() => import('./activities/activity-detail'), 'ActivityDetailPage');
const ActivityEditPage = lazyComponent(() => import('./activities/activity-edit'), 'ActivityEditPage');
const ActivityListPage = lazyComponent(() => import('./activities/activity-list'), 'ActivityListPage');
const CompliancePage = lazyComponent(() => import('./compliance/compliance-page'), 'CompliancePage');
const FormsPage = lazyComponent(() => import('./forms/forms-page'), 'FormsPage');
const HomePage = lazyComponent(() => import('./home/home-page'), 'HomePage', HOME_AREAS);
const PasswordPage = lazyComponent(() => import('./me/password-page'), 'PasswordPage');
const RecordPage = lazyComponent(() => import('./record/record-page'), 'RecordPage');
const RepresentativeFormPage = lazyComponent(() => import('./representatives/rep-form'), 'RepresentativeFormPage');
const RepresentativeListPage = lazyComponent(() => import('./representatives/rep-list'), 'RepresentativeListPage');

/**
 * Every field page starts the offline outbox sender (once per app), so waiting records go out on app start, and shows
 * how old its data is when there is no signal (src/web/pwa/offline.tsx).
 */
function Field({ children }: { children: ReactNode }) {
  useOutboxSync();
  return (
    <>
      <Suspense fallback={null}>
        <OfflineBanner />
      </Suspense>
      {children}
    </>
  );
}
const f = (el: ReactNode) => <Field>{el}</Field>;
const RECORDERS = ['member', 'group_leader', 'admin'];
/** Everyone but department handlers, whose work is their desk: the liaison registry and records are not theirs. */
const LIAISON = ['admin', 'leader', 'member', 'group_leader', 'info_officer'];

/** Field-area routes. */
export const fieldRoutes: PageRoute[] = [
  { path: '/', element: f(<HomePage />), nav: { key: 'home', icon: <HomeOutlined />, mobile: true, order: 0 } },
  {
    path: '/record',
    element: f(<RecordPage />),
    roles: RECORDERS,
    nav: { key: 'record', icon: <EditOutlined />, mobile: true, order: 1 },
  },
  {
    path: '/activities',
    element: f(<ActivityListPage />),
    roles: LIAISON,
    nav: { key: 'activities', icon: <ScheduleOutlined />, mobile: true, order: 2 },
  },
  { path: '/activities/new', element: f(<RecordPage />), roles: RECORDERS },
  { path: '/activities/:id', element: f(<ActivityDetailPage />), roles: LIAISON },
  { path: '/activities/:id/edit', element: f(<ActivityEditPage />), roles: RECORDERS },
  {
    path: '/representatives',
    element: f(<RepresentativeListPage />),
    roles: LIAISON,
    nav: { key: 'representatives', icon: <TeamOutlined />, mobile: true, order: 3 },
  },
  { path: '/representatives/new', element: f(<RepresentativeFormPage />), roles: RECORDERS },
  { path: '/representatives/:id', element: f(<RepresentativeFormPage />), roles: LIAISON },
  {
    path: '/compliance',
    element: f(<CompliancePage />),
    roles: LIAISON,
    nav: { key: 'compliance', icon: <CheckCircleOutlined />, order: 4 },
  },
  {
    path: '/forms',
    element: f(<FormsPage />),
    roles: LIAISON,
    nav: { key: 'exports', icon: <FileExcelOutlined />, order: 5 },
  },
  { path: '/me/password', element: f(<PasswordPage />) },
];
