// Every page area's routes, merged for the shell.
import type { PageRoute } from '../routes';
import { fieldRoutes } from './field/routes';
import { officeRoutes } from './office/routes';

/** All routes of the app. */
export const allRoutes: PageRoute[] = [...fieldRoutes, ...officeRoutes];
