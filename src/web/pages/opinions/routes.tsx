// Routes of the 社情民意 area (inbox, item page, staff entry, department workspace).
import { AuditOutlined, FieldTimeOutlined, SolutionOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';
import { DeadlineSettingsPage } from './deadline-settings-page';
import { InboxPage } from './inbox-page';
import { OpinionItemPage } from './item-page';
import { mineRoute } from './mine-page';
import { OpinionNewPage } from './new-page';

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
  mineRoute,
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
