// The spike alerts page (突增提醒), loaded lazily: the office, leaders and township information officers.
import { RiseOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const SpikeListPage = lazyComponent(() => import('./list-page'), 'SpikeListPage');

/** Spike routes. */
export const spikeRoutes: PageRoute[] = [
  {
    path: '/spikes',
    element: <SpikeListPage />,
    roles: ['admin', 'leader', 'info_officer'],
    nav: { key: 'spikes', icon: <RiseOutlined />, order: 7.5 },
  },
];
