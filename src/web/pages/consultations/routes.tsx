// Routes of 协商: list and detail for staff, members and leaders; the department work list; the public progress page.
import { CarryOutOutlined, TeamOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';
import { ConsultationOutcomesPage } from './dept-page';
import { ConsultationDetailPage } from './detail-page';
import { ConsultationListPage } from './list-page';
import { PublicConsultationsPage } from './public-page';

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

/** Public (no account) routes. */
export const publicConsultationRoutes: PageRoute[] = [
  { path: '/public/consultations', element: <PublicConsultationsPage /> },
];
