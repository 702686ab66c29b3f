// 我的反映 (/public/my-items): a chunk loaded on first use, merged into the public entry's routes.
import { lazyComponent, type PageRoute } from '../../routes';

const MyItemsPage = lazyComponent(() => import('./my-items-page'), 'MyItemsPage');

/** Public lookup routes. */
export const lookupRoutes: PageRoute[] = [{ path: '/public/my-items', element: <MyItemsPage /> }];
