// Public transparency pages (chunks loaded on first use), merged into the public entry's routes.
import { lazyComponent, type PageRoute } from '../../routes';

const TransparencyBoardPage = lazyComponent(() => import('./transparency-board-page'), 'TransparencyBoardPage');
const TransparencyAnswersPage = lazyComponent(() => import('./transparency-answers-page'), 'TransparencyAnswersPage');

/** Public transparency routes. */
export const transparencyRoutes: PageRoute[] = [
  { path: '/public/transparency', element: <TransparencyBoardPage /> },
  { path: '/public/answers', element: <TransparencyAnswersPage /> },
];
