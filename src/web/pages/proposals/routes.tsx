// Routes of the 提案 area: the list (with the invitations box), drafting, one proposal.
import { FileDoneOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const ProposalDetailPage = lazyComponent(() => import('./detail-page'), 'ProposalDetailPage');
const ProposalListPage = lazyComponent(() => import('./list-page'), 'ProposalListPage');
const ProposalNewPage = lazyComponent(() => import('./new-page'), 'ProposalNewPage');

const ROLES = ['admin', 'leader', 'member', 'dept_handler'];

/** 提案 routes. */
export const proposalRoutes: PageRoute[] = [
  {
    path: '/proposals',
    element: <ProposalListPage />,
    roles: ROLES,
    nav: { key: 'proposals', icon: <FileDoneOutlined />, order: 7 },
  },
  { path: '/proposals/new', element: <ProposalNewPage />, roles: ['member'] },
  { path: '/proposals/:id', element: <ProposalDetailPage />, roles: ROLES },
];
