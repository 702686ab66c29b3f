// The search box and filters above the member directory: name / pinyin initials / phone, group, sector, village.
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../components/registry-data';
import { VillageSelect } from '../components/remote-select';
import { SectorTreeSelect } from '../components/sector-tree-select';

export interface MemberFilterValues {
  q?: string;
  groupId?: number;
  sectorId?: number;
  villageId?: number;
}

/** Filter bar; every change is reported at once (the search box on Enter or clear). */
export function MemberFilters({
  value,
  onChange,
}: {
  value: MemberFilterValues;
  onChange: (v: MemberFilterValues) => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  const set = (patch: MemberFilterValues) => onChange({ ...value, ...patch });
  const w = { minWidth: 160, flex: '1 1 160px' };
  return (
    <Flex wrap gap={8} style={{ marginBlockEnd: 12 }}>
      <Input.Search
        allowClear
        data-testid="member-search"
        placeholder={t('office.member.searchPlaceholder')}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ minWidth: 220, flex: '2 1 220px' }}
      />
      <Select
        allowClear
        data-testid="member-filter-group"
        placeholder={t('office.member.group')}
        value={value.groupId}
        onChange={(groupId) => set({ groupId })}
        options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        style={w}
      />
      <SectorTreeSelect
        data-testid="member-filter-sector"
        value={value.sectorId}
        onChange={(sectorId) => set({ sectorId })}
        style={w}
      />
      <VillageSelect
        data-testid="member-filter-village"
        placeholder={t('office.member.village')}
        value={value.villageId}
        onChange={(villageId) => set({ villageId })}
        style={w}
      />
    </Flex>
  );
}
