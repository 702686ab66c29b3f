// Route of the notifications page (every signed-in user; the header bell links here).
import { BellOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';
import { NotificationsPage } from './notifications-page';

/** Notification routes. */
export const notificationRoutes: PageRoute[] = [
  {
    path: '/notifications',
    element: <NotificationsPage />,
    nav: { key: 'notifications', icon: <BellOutlined />, order: 90 },
  },
];
