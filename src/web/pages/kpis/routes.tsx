// Route of the KPI dashboard.
import { BarChartOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';
import { KpisPage } from './kpis-page';

/** The /kpis route for admins, leaders and group leaders. */
export const kpiRoutes: PageRoute[] = [
  {
    path: '/kpis',
    element: <KpisPage />,
    roles: ['admin', 'leader', 'group_leader'],
    nav: { key: 'kpis', icon: <BarChartOutlined />, order: 6 },
  },
];
