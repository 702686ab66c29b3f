// Routes of 协商: list and detail for staff, members and leaders; the department work list.
import { CarryOutOutlined, TeamOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const ConsultationOutcomesPage = lazyComponent(() => import('./dept-page'), 'ConsultationOutcomesPage');
const ConsultationDetailPage = lazyComponent(() => import('./detail-page'), 'ConsultationDetailPage');
const ConsultationListPage = lazyComponent(() => import('./list-page'), 'ConsultationListPage');

const READERS = ['admin', 'leader', 'member', 'group_leader'];

/** Signed-in routes. */
export const consultationRoutes: PageRoute[] = [
  {
    path: '/consultations',
    element: <ConsultationListPage />,
    roles: READERS,
    nav: { key: 'consultations', icon: <TeamOutlined />, order: 31 },
  },
  { path: '/consultations/:id', element: <ConsultationDetailPage />, roles: [...READERS, 'dept_handler'] },
  {
    path: '/consultation-outcomes',
    element: <ConsultationOutcomesPage />,
    roles: ['admin', 'dept_handler'],
    nav: { key: 'consultationWork', icon: <CarryOutOutlined />, order: 32 },
  },
];
