// What one timeline event carried, as readable label: value lines: names for departments and people, translated codes,
// links for related records; raw ids and codes never show (an unknown key is left out rather than dumped).
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api';
import { useDepartmentOptions } from './lookups';
import type { OpinionDetail } from './types';

/** Free text a person wrote (or a name kept on the event, e.g. a category's), shown as written. */
const TEXT = new Set(['reason', 'note', 'instructions', 'content', 'publicReply', 'comment', 'fromName', 'toName']);
/** Calendar days. */
const DAYS = new Set(['deadline', 'requestedDeadline', 'newDeadline']);
/** Label keys (op.field.* unless prefixed) where they differ from the payload key. */
const LABEL: Record<string, string> = {
  leadDepartmentId: 'op.field.leadDepartment',
  targetId: 'op.field.mergedInto',
  bulletinId: 'op.ev.bulletin',
  proposalId: 'op.ev.proposal',
  representativeIds: 'op.field.representatives',
  autoReason: 'op.field.reason',
  fromName: 'op.ev.categoryFrom',
  toName: 'op.ev.categoryTo',
  suggested: 'op.ev.suggested',
};
/** The order lines appear in, whatever order the payload has; keys not listed here are not shown. */
const ORDER = [
  'fromName',
  'toName',
  'suggested',
  'channel',
  'activityId',
  'sourceId',
  'targetId',
  'leadDepartmentId',
  'coHandlerIds',
  'deadline',
  'requestedDeadline',
  'newDeadline',
  'method',
  'representatives',
  'representativeIds',
  'rating',
  'bulletinId',
  'proposalId',
  'instructions',
  'reason',
  'content',
  'publicReply',
  'comment',
  'note',
  'autoReason',
  'attachmentIds',
];

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Another 社情民意 item by tracking code and title, linked when the viewer may open it. */
function OpinionRef({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['opinion', id],
    queryFn: () => api<OpinionDetail>(`/opinions/${id}`),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
    staleTime: 60_000,
  });
  if (q.isLoading) return <Typography.Text type="secondary">…</Typography.Text>;
  if (!q.data) return <Typography.Text type="secondary">{t('op.ev.itemHidden')}</Typography.Text>;
  return (
    <Link to={`/opinions/${id}`} data-testid="op-event-item-link">
      {[q.data.trackingCode, q.data.title].filter(Boolean).join(' ')}
    </Link>
  );
}

/** The payload lines of one event, or nothing when it carried nothing worth showing. */
export function EventPayload({ payload }: { payload: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const depts = useDepartmentOptions();
  const p = payload ?? {};
  const deptName = (id: unknown) => depts.data?.find((d) => d.value === id)?.label ?? t('op.ev.unknownDept');
  const show = (k: string, v: unknown): ReactNode => {
    if (TEXT.has(k) || DAYS.has(k) || k === 'representatives') return typeof v === 'string' ? v : null;
    switch (k) {
      case 'channel':
        return t(`op.channel.${v}`, { defaultValue: '' }) || null;
      // A category change that took the suggestion (a correction by hand says nothing).
      case 'suggested':
        return v === true ? t('op.ev.yes') : null;
      case 'rating':
        return t(`op.rating.${v}`, { defaultValue: '' }) || null;
      // Why the system closed the item by itself (e.g. a 满意 rating).
      case 'autoReason':
        return t(`ops.closeReason.${v}`, { defaultValue: '' }) || null;
      case 'method':
        return t(`mine.method.${v}`, { defaultValue: t('mine.method.other') });
      case 'leadDepartmentId':
        return deptName(v);
      case 'coHandlerIds':
        return Array.isArray(v) ? v.map(deptName).join('、') : null;
      // Names come with the relay; a count only when an older event kept the ids alone.
      case 'representativeIds':
        return present(p.representatives) || !Array.isArray(v) ? null : t('op.ev.repCount', { count: v.length });
      case 'attachmentIds':
        return Array.isArray(v) ? t('op.ev.files', { count: v.length }) : null;
      case 'sourceId':
      case 'targetId':
        return typeof v === 'number' ? <OpinionRef id={v} /> : null;
      case 'activityId':
        return <Link to={`/activities/${v}`}>{t('op.ev.openActivity')}</Link>;
      case 'bulletinId':
        return <Link to={`/bulletins/${v}`}>{t('op.ev.openBulletin')}</Link>;
      case 'proposalId':
        return <Link to={`/proposals/${v}`}>{t('op.ev.openProposal')}</Link>;
      default:
        return null;
    }
  };
  const lines = ORDER.filter((k) => present(p[k]))
    .map((k) => ({ k, value: show(k, p[k]) }))
    .filter((l) => l.value !== null && l.value !== '');
  if (!lines.length) return null;
  return (
    <div data-testid="op-event-payload">
      {lines.map(({ k, value }) => (
        <div key={k} data-field={k} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          <Typography.Text type="secondary">{t(LABEL[k] ?? `op.field.${k}`)}：</Typography.Text>
          {value}
        </div>
      ))}
    </div>
  );
}
