// Public problem pages (chunks loaded on first use), merged into the public entry's routes.
import { lazyComponent, type PageRoute } from '../../routes';

const ProblemBoardPage = lazyComponent(() => import('./problem-board-page'), 'ProblemBoardPage');
const ProblemPage = lazyComponent(() => import('./problem-page'), 'ProblemPage');

/** Public problem routes: the county's or a township's board, and one problem. */
export const problemPublicRoutes: PageRoute[] = [
  { path: '/public/problems', element: <ProblemBoardPage /> },
  { path: '/public/problems/:id', element: <ProblemPage /> },
];
