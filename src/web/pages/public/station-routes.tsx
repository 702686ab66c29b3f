// Public station pages (chunks loaded on first use), merged into the public entry's routes.
import type { PageRoute } from '../../routes';

/** Public station routes. */
export const stationPublicRoutes: PageRoute[] = [];
