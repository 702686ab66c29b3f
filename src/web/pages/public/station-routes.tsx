// Public station pages (chunks loaded on first use), merged into the public entry's routes.
import { lazyComponent, type PageRoute } from '../../routes';

const StationListPage = lazyComponent(() => import('./station-page'), 'StationListPage');

/** Public station routes. */
export const stationPublicRoutes: PageRoute[] = [{ path: '/public/stations', element: <StationListPage /> }];
