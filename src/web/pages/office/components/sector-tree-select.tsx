// A drop-down over the sector tree (界别 → 小组) of the current term, searchable by name.
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Sector, useSectors } from './registry-data';

const toNodes = (list: Sector[]): any[] =>
  list.map((s) => ({ value: s.id, title: s.name, children: toNodes(s.children ?? []) }));

/** TreeSelect of sectors; `termId` picks another term's tree. */
export function SectorTreeSelect({ termId, ...rest }: { termId?: number } & TreeSelectProps) {
  const { t } = useTranslation();
  const sectors = useSectors(termId);
  return (
    <TreeSelect
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={sectors.isLoading}
      placeholder={t('office.member.sector')}
      treeData={toNodes(sectors.data?.tree ?? [])}
      {...rest}
    />
  );
}
