// The item's whole history from /events: a vertical timeline of actions with actor, time and what was said.
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fmtTime, StatusTag } from './bits';
import { EventPayload } from './event-payload';
import type { OpinionEventRow } from './types';

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
        <EventPayload payload={e.payload} />
      </div>
    ),
  }));
  if (!items.length) return <Tag>{t('op.item.none')}</Tag>;
  return <Timeline data-testid="op-timeline" items={items} />;
}
