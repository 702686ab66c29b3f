// Routes of 委员接待日: staff/member pages and the citizens' public booking pages.
import { CalendarOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';
import { ReceptionDayPage } from './day-page';
import { ReceptionListPage } from './list-page';
import { ReceptionNewPage } from './new-page';
import { PublicReceptionBook, PublicReceptionBooking, PublicReceptionList } from './public-pages';

const ROLES = ['admin', 'leader', 'member', 'group_leader'];

/** Signed-in routes. */
export const receptionRoutes: PageRoute[] = [
  {
    path: '/reception',
    element: <ReceptionListPage />,
    roles: ROLES,
    nav: { key: 'receptionDays', icon: <CalendarOutlined />, order: 30 },
  },
  { path: '/reception/new', element: <ReceptionNewPage />, roles: ['admin', 'member'] },
  { path: '/reception/:id', element: <ReceptionDayPage />, roles: ROLES },
];

/** Public (no account) routes. */
export const publicReceptionRoutes: PageRoute[] = [
  { path: '/public/reception', element: <PublicReceptionList /> },
  { path: '/public/reception/booking', element: <PublicReceptionBooking /> },
  { path: '/public/reception/booking/:code', element: <PublicReceptionBooking /> },
  { path: '/public/reception/:id', element: <PublicReceptionBook /> },
];
