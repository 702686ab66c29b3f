// Routes of the 《社情民意》 area: the archive (staff, leaders), the editor (staff), one issue, a member's credited list.
import { ReadOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const BulletinDetailPage = lazyComponent(() => import('./detail-page'), 'BulletinDetailPage');
const BulletinEditorPage = lazyComponent(() => import('./editor-page'), 'BulletinEditorPage');
const BulletinListPage = lazyComponent(() => import('./list-page'), 'BulletinListPage');

/** Bulletin routes. */
export const bulletinRoutes: PageRoute[] = [
  {
    path: '/bulletins',
    element: <BulletinListPage />,
    roles: ['admin', 'leader'],
    nav: { key: 'bulletins', icon: <ReadOutlined />, order: 6 },
  },
  {
    path: '/bulletins/mine',
    element: <BulletinListPage key="mine" mine />,
    roles: ['member'],
    nav: { key: 'bulletins', icon: <ReadOutlined />, order: 16 },
  },
  { path: '/bulletins/new', element: <BulletinEditorPage key="new" />, roles: ['admin'] },
  { path: '/bulletins/:id/edit', element: <BulletinEditorPage />, roles: ['admin'] },
  { path: '/bulletins/:id', element: <BulletinDetailPage />, roles: ['admin', 'leader', 'member'] },
];
