// Small display pieces of the 社情民意 pages: status tag, due-date cells with overdue highlighting, dates.
import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OpinionRow } from './types';

const STATUS_COLOR: Record<string, string> = {
  received: 'blue',
  accepted: 'geekblue',
  not_accepted: 'default',
  forwarded: 'purple',
  replied: 'cyan',
  returned_for_rework: 'orange',
  reviewed: 'green',
  replied_directly: 'green',
  feedback_sent: 'lime',
  rated: 'gold',
  closed: 'default',
  reopened: 'red',
  merged: 'default',
};

/** A status as a coloured tag, labelled from the catalogue (OPINION_STATUSES in Chinese). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="op-status">
      {t(`op.status.${status}`)}
    </Tag>
  );
}

/** A timestamp as local date and minute. */
export const fmtTime = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '');
/** A timestamp or date as a day. */
export const fmtDate = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD') : '');

/** Working days left or over on the running clock, as the row says (e.g. 剩 3 个工作日 / 已超期 2 个工作日). */
export function WorkingDaysTag({ row }: { row: Pick<OpinionRow, 'overdue' | 'workingDaysLeft'> }) {
  const { t } = useTranslation();
  const left = row.workingDaysLeft;
  if (typeof left !== 'number') return null;
  if (row.overdue)
    return (
      <Tag color="error" data-testid="op-overdue" data-days={left}>
        {left < 0 ? t('wb.due.over', { count: -left }) : t('wb.due.overToday')}
      </Tag>
    );
  return (
    <Tag color={left <= 2 ? 'warning' : 'default'} data-testid="op-due-left" data-days={left}>
      {left === 0 ? t('wb.due.today') : t('wb.due.left', { count: left })}
    </Tag>
  );
}

/** The running deadline: acceptance while received, the department's reply date after forwarding; red when overdue. */
export function DueCell({ row, bare }: { row: OpinionRow; bare?: boolean }) {
  const { t } = useTranslation();
  const accepting = row.status === 'received';
  const value = accepting ? fmtTime(row.acceptDueAt) : fmtDate(row.deadline);
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  const counted = typeof row.workingDaysLeft === 'number';
  return (
    <Space size={4} wrap>
      <Typography.Text type={row.overdue ? 'danger' : undefined} strong={row.overdue}>
        {bare ? value : `${t(accepting ? 'op.field.acceptDue' : 'op.field.deadline')} ${value}`}
      </Typography.Text>
      {counted && <WorkingDaysTag row={row} />}
      {!counted && row.overdue && (
        <Tag color="error" data-testid="op-overdue">
          {t('op.inbox.overdueTag')}
        </Tag>
      )}
    </Space>
  );
}

/** Urgent items get a red tag; normal ones nothing. */
export function UrgencyTag({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  return urgency === 'urgent' ? <Tag color="red">{t('op.urgency.urgent')}</Tag> : null;
}
