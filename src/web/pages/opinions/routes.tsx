// Routes of the 社情民意 area (inbox, item page, staff entry, department workspace).
import { AuditOutlined, FieldTimeOutlined, FileTextOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const DeadlineSettingsPage = lazyComponent(() => import('./deadline-settings-page'), 'DeadlineSettingsPage');
const MyOpinionsPage = lazyComponent(() => import('./mine-page'), 'MyOpinionsPage');
const InboxPage = lazyComponent(() => import('./inbox-page'), 'InboxPage');
const OpinionItemPage = lazyComponent(() => import('./item-page'), 'OpinionItemPage');
const OpinionNewPage = lazyComponent(() => import('./new-page'), 'OpinionNewPage');

const INBOX_ROLES = ['admin', 'leader', 'info_officer', 'group_leader', 'member'];

/** 社情民意 routes. */
export const opinionRoutes: PageRoute[] = [
  {
    path: '/opinions',
    element: <InboxPage />,
    roles: INBOX_ROLES,
    nav: { key: 'opinions', icon: <SolutionOutlined />, order: 5 },
  },
  { path: '/opinions/new', element: <OpinionNewPage />, roles: ['admin', 'info_officer', 'member'] },
  // Members only; a tab on phones; listed before /opinions/:id.
  {
    path: '/opinions/mine',
    element: <MyOpinionsPage />,
    roles: ['member'],
    nav: { key: 'myOpinions', icon: <FileTextOutlined />, mobile: true, order: 6 },
  },
  {
    path: '/opinions/settings',
    element: <DeadlineSettingsPage />,
    roles: ['admin'],
    nav: { key: 'deadlineSettings', icon: <FieldTimeOutlined />, group: 'registry', order: 57 },
  },
  { path: '/opinions/:id', element: <OpinionItemPage />, roles: [...INBOX_ROLES, 'dept_handler'] },
  {
    path: '/dept',
    element: <InboxPage key="dept" dept />,
    roles: ['dept_handler'],
    nav: { key: 'deptWork', icon: <AuditOutlined />, mobile: true, order: 4 },
  },
];
