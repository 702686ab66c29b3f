// Staff pages for 民生问题 (list, suggestions, one problem), loaded lazily.
import { FlagOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const ProblemListPage = lazyComponent(() => import('./list-page'), 'ProblemListPage');
const ProblemNewPage = lazyComponent(() => import('./new-page'), 'ProblemNewPage');
const ProblemSuggestionsPage = lazyComponent(() => import('./suggestions-page'), 'ProblemSuggestionsPage');
const ProblemDetailPage = lazyComponent(() => import('./detail-page'), 'ProblemDetailPage');

/** Office staff and township information officers manage problems; leaders read them; departments see theirs. */
const READ = ['admin', 'info_officer', 'leader', 'dept_handler'];
const MANAGE = ['admin', 'info_officer'];

/** 民生问题 routes. */
export const problemRoutes: PageRoute[] = [
  {
    path: '/problems',
    element: <ProblemListPage />,
    roles: READ,
    nav: { key: 'problems', icon: <FlagOutlined />, order: 7 },
  },
  { path: '/problems/new', element: <ProblemNewPage />, roles: MANAGE },
  { path: '/problems/suggestions', element: <ProblemSuggestionsPage />, roles: MANAGE },
  { path: '/problems/:id', element: <ProblemDetailPage />, roles: READ },
];
