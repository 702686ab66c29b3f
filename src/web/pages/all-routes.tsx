// Every page area's routes, merged for the shell.
import type { PageRoute } from '../routes';
import { assessmentRoutes } from './assessment/routes';
import { bulletinRoutes } from './bulletins/routes';
import { consultationRoutes } from './consultations/routes';
import { fieldRoutes } from './field/routes';
import { kpiRoutes } from './kpis/routes';
import { notificationRoutes } from './notifications/routes';
import { officeRoutes } from './office/routes';
import { opinionRoutes } from './opinions/routes';
import { problemRoutes } from './problems/routes';
import { proposalRoutes } from './proposals/routes';
import { receptionRoutes } from './reception/routes';
import { spikeRoutes } from './spikes/routes';
import { topicRoutes } from './topics/routes';

/** All routes of the app. */
export const allRoutes: PageRoute[] = [
  ...assessmentRoutes,
  ...fieldRoutes,
  ...opinionRoutes,
  ...kpiRoutes,
  ...officeRoutes,
  ...notificationRoutes,
  ...bulletinRoutes,
  ...proposalRoutes,
  ...receptionRoutes,
  ...consultationRoutes,
  ...problemRoutes,
  ...spikeRoutes,
  ...topicRoutes,
];
