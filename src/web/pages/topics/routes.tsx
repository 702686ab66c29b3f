// The hot-problems page (热点问题), loaded lazily: the office, leaders and township information officers.
import { FireOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const TopicsPage = lazyComponent(() => import('./topics-page'), 'TopicsPage', [
  'common',
  'topics',
  'opinions',
  'problems',
]);

/** Topic routes. */
export const topicRoutes: PageRoute[] = [
  {
    path: '/topics',
    element: <TopicsPage />,
    roles: ['admin', 'leader', 'info_officer'],
    nav: { key: 'topics', icon: <FireOutlined />, order: 7.2 },
  },
];
