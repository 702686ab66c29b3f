// Public transparency pages (chunks loaded on first use), merged into the public entry's routes.
import type { PageRoute } from '../../routes';

/** Public transparency routes. */
export const transparencyRoutes: PageRoute[] = [];
