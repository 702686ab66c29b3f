// Routes of the office area (registry, accounts, audit, import).
import type { PageRoute } from '../../routes';

/** Office-area routes. */
export const officeRoutes: PageRoute[] = [];
