// Routes of the 《社情民意》 area: the archive (staff, leaders), the editor (staff), one issue, a member's credited list.
import { ReadOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';
import { BulletinDetailPage } from './detail-page';
import { BulletinEditorPage } from './editor-page';
import { BulletinListPage } from './list-page';

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
