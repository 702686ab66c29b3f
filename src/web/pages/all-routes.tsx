// Every page area's routes, merged for the shell.
import type { PageRoute } from '../routes';
import { fieldRoutes } from './field/routes';
import { kpiRoutes } from './kpis/routes';
import { officeRoutes } from './office/routes';
import { opinionRoutes } from './opinions/routes';

/** All routes of the app. */
export const allRoutes: PageRoute[] = [...fieldRoutes, ...opinionRoutes, ...kpiRoutes, ...officeRoutes];
