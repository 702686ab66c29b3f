// The display label of a KPI row: channel codes through the opinions catalogue, missing groups as "(none)".
import { useTranslation } from 'react-i18next';
import type { GroupBy, KpiRow } from './types';

/** Returns a function labelling rows of the given grouping. */
export function useRowLabel(groupBy: GroupBy) {
  const { t } = useTranslation();
  return (r: KpiRow) => {
    if (r.key === null) return t('kpi.none');
    if (groupBy === 'channel') return t(`op.channel.${r.key}`);
    return r.label ?? r.key;
  };
}
