// Small shared pieces of the bulletin pages: status tag, issue number, adoption tags.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinRow } from './types';

const COLORS: Record<string, string> = { draft: 'default', submitted: 'orange', signed_off: 'blue', issued: 'green' };

/** The workflow status as a coloured tag. */
export function BulletinStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`bl.status.${status}`)}</Tag>;
}

/** 2026年第7期, or 未编号 before issue. */
export function IssueNo({ row }: { row: Pick<BulletinRow, 'year' | 'number'> }) {
  const { t } = useTranslation();
  return <>{row.number ? t('bl.list.issueNo', { year: row.year, number: row.number }) : t('bl.list.unnumbered')}</>;
}

/** Adoption levels and the 批示 count. */
export function OutcomeTags({ row }: { row: Pick<BulletinRow, 'adoptionLevels' | 'instructionCount'> }) {
  const { t } = useTranslation();
  return (
    <>
      {row.adoptionLevels.map((l) => (
        <Tag key={l} color="gold">
          {t(`bl.level.${l}`)}
        </Tag>
      ))}
      {row.instructionCount > 0 && <Tag color="red">{t('bl.list.instructions', { count: row.instructionCount })}</Tag>}
    </>
  );
}
