// The problem's timeline, newest first: created, status moves, milestones, items linked and unlinked, evidence, edits.
import { Button, Card, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDetail, ProblemEvent } from './types';

/** The one-line text of an event, from its type and payload (unknown types get a neutral label). */
function useEventText() {
  const { t, i18n } = useTranslation();
  return (e: ProblemEvent) => {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    if (e.toStatus && (e.type === 'status_changed' || e.type === 'status' || e.fromStatus))
      return t('prb.event.status', {
        from: e.fromStatus ? t(`prb.status.${e.fromStatus}`) : '—',
        to: t(`prb.status.${e.toStatus}`),
      });
    const key = `prb.event.types.${e.type}`;
    const count = Array.isArray(p.opinionIds) ? p.opinionIds.length : Number(p.count ?? 1);
    const title = String(p.title ?? p.milestoneTitle ?? p.filename ?? '');
    return i18n.exists(key) ? t(key, { count, title }) : t('prb.event.other');
  };
}

/** Entries shown before 'show all'. */
const LATEST = 10;

/** The timeline card. */
export function EventsCard({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const text = useEventText();
  const [all, setAll] = useState(false);
  const sorted = [...problem.events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  const events = all ? sorted : sorted.slice(0, LATEST);
  return (
    <Card size="small" title={t('prb.event.card')} style={{ marginBlockEnd: 16 }} data-testid="prb-events">
      {events.length ? (
        <Timeline
          items={events.map((e) => {
            const note = (e.payload as { note?: unknown } | null)?.note;
            return {
              key: e.id,
              content: (
                <div data-testid="prb-event" data-type={e.type}>
                  <div>{text(e)}</div>
                  {typeof note === 'string' && note && <div style={{ whiteSpace: 'pre-wrap' }}>{note}</div>}
                  <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                </div>
              ),
            };
          })}
        />
      ) : (
        <Typography.Text type="secondary">{t('prb.event.none')}</Typography.Text>
      )}
      {sorted.length > LATEST && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          onClick={() => setAll(!all)}
          data-testid="prb-events-all"
        >
          {all ? t('prb.event.latest') : t('prb.event.all', { count: sorted.length })}
        </Button>
      )}
    </Card>
  );
}
