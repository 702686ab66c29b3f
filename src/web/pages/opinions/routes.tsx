// Routes of the 社情民意 area (inbox, item page, department workspace, KPI dashboard).
import type { PageRoute } from '../../routes';

/** 社情民意 routes. */
export const opinionRoutes: PageRoute[] = [];
