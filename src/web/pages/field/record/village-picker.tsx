// Picks the village/community of the visit from the member's linked villages, as big buttons showing the last visit.
import { Radio, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../lookups';

/** Form control (value: region id, 0 for "elsewhere"); `known` keeps a stored village that is no longer linked. */
export function VillagePicker({
  memberIds,
  known,
  value,
  onChange,
  block,
}: {
  memberIds: number[];
  known?: { id: number; name: string } | null;
  value?: number | null;
  onChange?: (v: number) => void;
  block?: boolean;
}) {
  const { t } = useTranslation();
  const members = useMembers(memberIds);
  const villages = new Map<number, { id: number; name: string; lastVisit?: string | null }>();
  if (known) villages.set(known.id, known);
  for (const m of members) for (const v of m.data?.villages ?? []) villages.set(v.id, v);
  if (members.some((m) => m.isLoading)) return <Spin />;
  if (!memberIds.length) return <Typography.Text type="secondary">{t('field.record.pickMemberFirst')}</Typography.Text>;
  const btn = {
    height: 'auto',
    minHeight: 44,
    paddingBlock: 6,
    lineHeight: 1.3,
    textAlign: 'center' as const,
    flex: block ? '1 1 45%' : undefined,
  };
  return (
    <Radio.Group
      value={value ?? undefined}
      onChange={(e) => onChange?.(e.target.value)}
      data-testid="record-village"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
    >
      {[...villages.values()].map((v) => (
        <Radio.Button key={v.id} value={v.id} style={btn} data-testid={`record-village-${v.id}`}>
          <div>{v.name}</div>
          {v.lastVisit !== undefined && (
            <div style={{ fontSize: 11, opacity: 0.7 }}>
              {v.lastVisit ? t('field.home.lastVisit', { date: v.lastVisit }) : t('field.home.neverVisited')}
            </div>
          )}
        </Radio.Button>
      ))}
      <Radio.Button value={0} style={btn} data-testid="record-village-none">
        {t('field.record.noVillage')}
      </Radio.Button>
    </Radio.Group>
  );
}
