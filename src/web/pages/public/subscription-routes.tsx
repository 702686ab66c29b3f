// Public subscription pages (chunks loaded on first use), merged into the public entry's routes.
import { lazyComponent, type PageRoute } from '../../routes';

const SubscriptionConfirmPage = lazyComponent(() => import('./subscription-pages'), 'SubscriptionConfirmPage');
const SubscriptionUnsubscribePage = lazyComponent(() => import('./subscription-pages'), 'SubscriptionUnsubscribePage');

/** Public subscription routes: the pages the confirm and unsubscribe links in the mails open. */
export const subscriptionRoutes: PageRoute[] = [
  { path: '/public/subscriptions/confirm', element: <SubscriptionConfirmPage /> },
  { path: '/public/subscriptions/unsubscribe', element: <SubscriptionUnsubscribePage /> },
];
