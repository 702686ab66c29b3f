// Routes of the 履职考核 area: the staff page, a member's page, and 我的考核 for members.
import { TrophyOutlined } from '@ant-design/icons';
import { lazyComponent, type PageRoute } from '../../routes';

const AssessmentPage = lazyComponent(() => import('./assessment-page'), 'AssessmentPage');
const MemberAssessmentPage = lazyComponent(() => import('./member-page'), 'MemberAssessmentPage');
const MyAssessmentPage = lazyComponent(() => import('./member-page'), 'MyAssessmentPage');

const STAFF = ['admin', 'leader', 'group_leader'];

/** Assessment routes. */
export const assessmentRoutes: PageRoute[] = [
  {
    path: '/assessment',
    element: <AssessmentPage />,
    roles: STAFF,
    nav: { key: 'assessment', icon: <TrophyOutlined />, order: 8 },
  },
  { path: '/assessment/:year/members/:memberId', element: <MemberAssessmentPage />, roles: STAFF },
  {
    path: '/assessment/me',
    element: <MyAssessmentPage />,
    roles: ['member'],
    nav: { key: 'myAssessment', icon: <TrophyOutlined />, mobile: true, order: 9 },
  },
];
