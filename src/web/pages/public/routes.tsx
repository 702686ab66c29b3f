// Pages citizens use without an account (submit an opinion, follow it by tracking code); served under /public.
import type { PageRoute } from '../../routes';
import { publicConsultationRoutes } from '../consultations/routes';
import { publicReceptionRoutes } from '../reception/routes';
import { NewOpinionPage } from './new-page';
import { TrackEntryPage } from './track-entry-page';
import { TrackPage } from './track-page';

/** Public routes, rendered without the sign-in gate. */
export const publicRoutes: PageRoute[] = [
  { path: '/public/opinions/new', element: <NewOpinionPage /> },
  { path: '/public/track', element: <TrackEntryPage /> },
  { path: '/public/opinions/:code', element: <TrackPage /> },
  ...publicReceptionRoutes,
  ...publicConsultationRoutes,
];
