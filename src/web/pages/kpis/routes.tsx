// Route of the KPI dashboard.
import { BarChartOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const KpisPage = lazyComponent(() => import('./kpis-page'), 'KpisPage');

/** The /kpis route for admins, leaders and group leaders. */
export const kpiRoutes: PageRoute[] = [
  {
    path: '/kpis',
    element: <KpisPage />,
    roles: ['admin', 'leader', 'group_leader'],
    nav: { key: 'kpis', icon: <BarChartOutlined />, order: 6 },
  },
];
