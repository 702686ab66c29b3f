// Routes of 委员接待日: staff/member pages.
import { CalendarOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const ReceptionDayPage = lazyComponent(() => import('./day-page'), 'ReceptionDayPage');
const ReceptionListPage = lazyComponent(() => import('./list-page'), 'ReceptionListPage');
const ReceptionNewPage = lazyComponent(() => import('./new-page'), 'ReceptionNewPage');

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
