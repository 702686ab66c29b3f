// Public problem pages (chunks loaded on first use), merged into the public entry's routes.
import type { PageRoute } from '../../routes';

/** Public problem routes. */
export const problemPublicRoutes: PageRoute[] = [];
