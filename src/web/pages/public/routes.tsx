// Pages citizens use without an account, served under /public from their own entry (public-main.tsx, public.html):
// nothing here may import the staff app. The form is in the entry itself (most visits start there); the other pages
// are chunks loaded on first use. A new public page: add its route here (or in its area's public-routes.tsx).
import { lazyComponent, type PageRoute } from '../../routes';
import { publicConsultationRoutes } from '../consultations/public-routes';
import { publicReceptionRoutes } from '../reception/public-routes';
import { lookupRoutes } from './lookup-routes';
import { NewOpinionPage } from './new-page';
import { problemPublicRoutes } from './problem-routes';
import { stationPublicRoutes } from './station-routes';
import { subscriptionRoutes } from './subscription-routes';
import { transparencyRoutes } from './transparency-routes';

const TrackEntryPage = lazyComponent(() => import('./track-entry-page'), 'TrackEntryPage');
const TrackPage = lazyComponent(() => import('./track-page'), 'TrackPage');
const DirectoryListPage = lazyComponent(() => import('./directory-page'), 'DirectoryListPage');
const DirectoryMemberPage = lazyComponent(() => import('./directory-member-page'), 'DirectoryMemberPage');

/** Public routes, rendered without the sign-in gate. */
export const publicRoutes: PageRoute[] = [
  { path: '/public/opinions/new', element: <NewOpinionPage /> },
  { path: '/public/track', element: <TrackEntryPage /> },
  { path: '/public/opinions/:code', element: <TrackPage /> },
  { path: '/public/directory', element: <DirectoryListPage /> },
  { path: '/public/directory/members/:id', element: <DirectoryMemberPage /> },
  ...publicReceptionRoutes,
  ...publicConsultationRoutes,
  ...problemPublicRoutes,
  ...transparencyRoutes,
  ...subscriptionRoutes,
  ...stationPublicRoutes,
  ...lookupRoutes,
];
