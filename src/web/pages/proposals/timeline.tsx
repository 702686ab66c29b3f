// The proposal's history from /events: who did what and when, with the useful parts of each payload.
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ProposalEventRow } from './types';

/** One line of readable detail for an event. */
function Detail({ e }: { e: ProposalEventRow }) {
  const { t } = useTranslation();
  const p = e.payload ?? {};
  const bits: string[] = [];
  if (typeof p.to === 'string' && p.to !== p.from) bits.push(t(`prp.status.${p.to}`));
  if (typeof p.decision === 'string') bits.push(t(`prp.decision.${p.decision}`));
  if (typeof p.number === 'number') bits.push(t('prp.field.numberValue', { year: p.year, number: p.number }));
  if (typeof p.accept === 'boolean') bits.push(t(p.accept ? 'prp.form.acceptYes' : 'prp.form.acceptNo'));
  if (typeof p.deadline === 'string') bits.push(`${t('prp.field.deadline')} ${p.deadline}`);
  if (typeof p.replyDue === 'string') bits.push(`${t('prp.field.replyDue')} ${p.replyDue}`);
  if (typeof p.rating === 'string') bits.push(t(`prp.rating.${p.rating}`));
  for (const k of ['reason', 'content', 'comment']) if (typeof p[k] === 'string' && p[k]) bits.push(String(p[k]));
  if (!bits.length) return null;
  return <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{bits.join(' · ')}</div>;
}

/** Oldest first. */
export function ProposalTimeline({ events }: { events: ProposalEventRow[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="prp-timeline"
      items={events.map((e) => ({
        key: e.id,
        children: (
          <div>
            <Typography.Text strong>{t(`prp.action.${e.type}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {e.actorName} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Detail e={e} />
          </div>
        ),
      }))}
    />
  );
}
