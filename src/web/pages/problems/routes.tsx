// Staff pages for 民生问题 (list, suggestions, one problem), loaded lazily.
import type { PageRoute } from '../../routes';

/** 民生问题 routes. */
export const problemRoutes: PageRoute[] = [];
