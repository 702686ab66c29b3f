// Small display pieces of the 提案 pages: status tag, number, reply-due cell with the overdue flag.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalRow } from './types';

const COLOR: Record<string, string> = {
  draft: 'default',
  cosigning: 'blue',
  submitted: 'geekblue',
  registered: 'purple',
  not_registered: 'default',
  converted: 'cyan',
  assigned: 'orange',
  replied: 'green',
  rated: 'gold',
};

/** A status as a coloured tag. */
export function ProposalStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status] ?? 'default'} data-testid="prp-status">
      {t(`prp.status.${status}`)}
    </Tag>
  );
}

/** 2026年第N号 once registered, else a dash. */
export function ProposalNumber({ row }: { row: Pick<ProposalRow, 'year' | 'number'> }) {
  const { t } = useTranslation();
  if (row.number === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <>{t('prp.field.numberValue', { year: row.year, number: row.number })}</>;
}

/** The reply deadline, red with a tag when overdue. */
export function ReplyDue({ row }: { row: Pick<ProposalRow, 'replyDue' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!row.replyDue) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Typography.Text type={row.overdue ? 'danger' : undefined}>{row.replyDue}</Typography.Text>
      {row.overdue && (
        <Tag color="error" data-testid="prp-overdue">
          {t('prp.list.overdue')}
        </Tag>
      )}
    </Space>
  );
}
