// Routes of the 提案 area: the list (with the invitations box), drafting, one proposal.
import { FileDoneOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';
import { ProposalDetailPage } from './detail-page';
import { ProposalListPage } from './list-page';
import { ProposalNewPage } from './new-page';

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
