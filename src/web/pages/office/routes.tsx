// Routes of the office area: the member directory and the registry (sectors, regions, groups, departments, accounts, audit, import).
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  ImportOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const MemberDetailPage = lazyComponent(() => import('./members/member-detail'), 'MemberDetailPage');
const MemberFormPage = lazyComponent(() => import('./members/member-form'), 'MemberFormPage');
const MemberListPage = lazyComponent(() => import('./members/member-list'), 'MemberListPage');
const AuditPage = lazyComponent(() => import('./registry/audit-page'), 'AuditPage');
const DepartmentsPage = lazyComponent(() => import('./registry/departments-page'), 'DepartmentsPage');
const GroupsPage = lazyComponent(() => import('./registry/groups-page'), 'GroupsPage');
const ImportsPage = lazyComponent(() => import('./registry/imports-page'), 'ImportsPage');
const DepartmentRedirect = lazyComponent(() => import('./registry/record-redirect'), 'DepartmentRedirect');
const RegionRedirect = lazyComponent(() => import('./registry/record-redirect'), 'RegionRedirect');
const RegionsPage = lazyComponent(() => import('./registry/regions-page'), 'RegionsPage');
const SectorsPage = lazyComponent(() => import('./registry/sectors-page'), 'SectorsPage');
const UsersPage = lazyComponent(() => import('./registry/users-page'), 'UsersPage');
const StationsPage = lazyComponent(() => import('./stations/stations-page'), 'StationsPage');

const ADMIN = ['admin'];
/** Everyone but department handlers, whose work is their desk: the liaison registry and records are not theirs. */
const LIAISON = ['admin', 'leader', 'member', 'group_leader', 'info_officer'];

/** Office-area routes; the registry pages read for every signed-in user, edit buttons show for office staff. */
export const officeRoutes: PageRoute[] = [
  {
    path: '/members',
    element: <MemberListPage />,
    roles: LIAISON,
    nav: { key: 'members', icon: <TeamOutlined />, mobile: true, order: 10 },
  },
  { path: '/members/new', element: <MemberFormPage />, roles: ADMIN },
  { path: '/regions/:id', element: <RegionRedirect />, roles: LIAISON },
  { path: '/departments/:id', element: <DepartmentRedirect />, roles: LIAISON },
  { path: '/members/:id', element: <MemberDetailPage />, roles: LIAISON },
  { path: '/members/:id/edit', element: <MemberFormPage />, roles: ADMIN },
  // Contact stations (联络站): the office and township officers keep them, leaders read them.
  {
    path: '/stations',
    element: <StationsPage />,
    roles: ['admin', 'info_officer', 'leader'],
    nav: { key: 'stations', icon: <HomeOutlined />, group: 'registry', order: 57 },
  },
  {
    path: '/registry/sectors',
    element: <SectorsPage />,
    roles: LIAISON,
    nav: { key: 'sectors', icon: <ClusterOutlined />, group: 'registry', order: 50 },
  },
  {
    path: '/registry/regions',
    element: <RegionsPage />,
    roles: LIAISON,
    nav: { key: 'regions', icon: <EnvironmentOutlined />, group: 'registry', order: 51 },
  },
  {
    path: '/registry/groups',
    element: <GroupsPage />,
    roles: LIAISON,
    nav: { key: 'groups', icon: <ApartmentOutlined />, group: 'registry', order: 52 },
  },
  {
    path: '/registry/departments',
    element: <DepartmentsPage />,
    roles: LIAISON,
    nav: { key: 'departments', icon: <BankOutlined />, group: 'registry', order: 53 },
  },
  {
    path: '/registry/users',
    element: <UsersPage />,
    roles: ADMIN,
    nav: { key: 'users', icon: <UserOutlined />, group: 'registry', order: 54 },
  },
  {
    path: '/registry/audit',
    element: <AuditPage />,
    roles: ADMIN,
    nav: { key: 'audit', icon: <AuditOutlined />, group: 'registry', order: 55 },
  },
  {
    path: '/registry/imports',
    element: <ImportsPage />,
    roles: ADMIN,
    nav: { key: 'imports', icon: <ImportOutlined />, group: 'registry', order: 56 },
  },
];
