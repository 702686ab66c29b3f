// 工作台: the 待办 workbench first for every role, then a member's villages and shortfalls, an overview for office,
// leaders and group leaders (the registry statistics), and the latest activities.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../auth';
import { OutboxAlert } from '../record/outbox-alert';
import { MemberPanel } from './member-panel';
import { OverviewPanel } from './overview-panel';
import { RecentActivities } from './recent-activities';
import { Workbench } from './workbench';

/** The home page, composed per role. */
export function HomePage() {
  const { t } = useTranslation();
  const { me, has } = useAuth();
  const overview = has('admin', 'leader', 'group_leader');
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16, maxWidth: 1200 }} data-testid="home">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('field.home.hello', { name: me?.displayName })}
      </Typography.Title>
      <Workbench />
      {!has('dept_handler') && <OutboxAlert />}
      {overview && <OverviewPanel />}
      {me?.memberId && <MemberPanel memberId={me.memberId} />}
      {!has('dept_handler') && <RecentActivities memberId={overview ? undefined : (me?.memberId ?? undefined)} />}
    </div>
  );
}
