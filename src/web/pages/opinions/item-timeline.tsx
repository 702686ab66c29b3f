// The item's whole history from /events: a vertical timeline of actions with actor, time and what was said.
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fmtTime, StatusTag } from './bits';
import { useDepartmentOptions } from './lookups';
import type { OpinionEventRow } from './types';

const LABEL: Record<string, string> = { leadDepartmentId: 'leadDepartment' };
const COLOR: Record<string, string> = {
  not_accept: 'gray',
  return_for_rework: 'red',
  refuse_extension: 'red',
  reopen: 'red',
  urge: 'orange',
  approve_reply: 'green',
  send_feedback: 'green',
  close: 'green',
};

/** The payload as label: value lines; departments by name, ratings and dates readable, text kept as text. */
function PayloadSummary({ payload }: { payload: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const depts = useDepartmentOptions();
  const deptName = (id: unknown) => depts.data?.find((d) => d.value === id)?.label ?? String(id);
  const lines = Object.entries(payload ?? {}).filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  if (!lines.length) return null;
  const show = (k: string, v: unknown): string => {
    if (k === 'leadDepartmentId') return deptName(v);
    if (k === 'coHandlerIds' && Array.isArray(v)) return v.map(deptName).join('、');
    if (k === 'rating') return t(`op.rating.${v}`);
    if (k === 'channel') return t(`op.channel.${v}`);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  return (
    <div>
      {lines.map(([k, v]) => (
        <div key={k} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          <Typography.Text type="secondary">{t(`op.field.${LABEL[k] ?? k}`, { defaultValue: k })}：</Typography.Text>
          {show(k, v)}
        </div>
      ))}
    </div>
  );
}

/** Oldest first, as the events come. */
export function ItemTimeline({ events }: { events: OpinionEventRow[] }) {
  const { t } = useTranslation();
  const items = events.map((e) => ({
    key: e.id,
    color: COLOR[e.type] ?? 'blue',
    content: (
      <div data-testid="op-event">
        <div>
          <Typography.Text strong>
            {t(`op.event.${e.type}`, { defaultValue: t(`op.action.${e.type}`) })}
          </Typography.Text>{' '}
          {e.toStatus && e.toStatus !== e.fromStatus && <StatusTag status={e.toStatus} />}
          <Typography.Text type="secondary">
            {[e.actorName || t(`op.actor.${e.actorKind}`), fmtTime(e.at)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
        <PayloadSummary payload={e.payload} />
      </div>
    ),
  }));
  if (!items.length) return <Tag>{t('op.item.none')}</Tag>;
  return <Timeline data-testid="op-timeline" items={items} />;
}
