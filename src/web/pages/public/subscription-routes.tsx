// Public subscription pages (chunks loaded on first use), merged into the public entry's routes.
import type { PageRoute } from '../../routes';

/** Public subscription routes. */
export const subscriptionRoutes: PageRoute[] = [];
