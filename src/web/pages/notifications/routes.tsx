// Route of the notifications page (every signed-in user; the header bell links here).
import { BellOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const NotificationsPage = lazyComponent(() => import('./notifications-page'), 'NotificationsPage');

/** Notification routes. */
export const notificationRoutes: PageRoute[] = [
  {
    path: '/notifications',
    element: <NotificationsPage />,
    nav: { key: 'notifications', icon: <BellOutlined />, order: 90 },
  },
];
