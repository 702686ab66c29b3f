// The filter bar above the 社情民意 inbox: full-text search, status, channel, category, township, urgency, overdue, dates.
import { DatePicker, Flex, Input, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { STATUS_CODES } from '../../../core/opinions';
import { useCategoryTree, useTownshipOptions } from './lookups';
import { CHANNELS, URGENCIES } from './types';

/** The inbox query (names as GET /opinions reads them). */
export interface InboxFilters {
  q?: string;
  status?: string;
  channel?: string;
  categoryId?: number;
  regionId?: number;
  urgency?: string;
  overdue?: 'true' | 'false';
  from?: string;
  to?: string;
}

/** Filter bar; every change is reported at once (the search box on Enter or clear). */
export function InboxFilterBar({ value, onChange }: { value: InboxFilters; onChange: (v: InboxFilters) => void }) {
  const { t } = useTranslation();
  const categories = useCategoryTree();
  const townships = useTownshipOptions();
  const set = (patch: InboxFilters) => onChange({ ...value, ...patch });
  const w = { minWidth: 130, flex: '1 1 130px' };
  const onDates = (d: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: d?.[0]?.format('YYYY-MM-DD'), to: d?.[1]?.format('YYYY-MM-DD') });
  return (
    <Flex wrap gap={8} style={{ marginBlockEnd: 12 }}>
      <Input.Search
        allowClear
        data-testid="op-search"
        placeholder={t('op.inbox.search')}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ minWidth: 220, flex: '2 1 220px' }}
      />
      <Select
        allowClear
        data-testid="op-filter-status"
        placeholder={t('op.field.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={STATUS_CODES.map((s) => ({ value: s, label: t(`op.status.${s}`) }))}
        style={w}
      />
      <Select
        allowClear
        data-testid="op-filter-channel"
        placeholder={t('op.field.channel')}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        options={CHANNELS.map((c) => ({ value: c, label: t(`op.channel.${c}`) }))}
        style={w}
      />
      <TreeSelect
        allowClear
        data-testid="op-filter-category"
        placeholder={t('op.field.category')}
        value={value.categoryId}
        onChange={(categoryId) => set({ categoryId })}
        treeData={categories.data ?? []}
        style={w}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="op-filter-region"
        placeholder={t('op.field.township')}
        value={value.regionId}
        onChange={(regionId) => set({ regionId })}
        options={townships.data ?? []}
        style={w}
      />
      <Select
        allowClear
        data-testid="op-filter-urgency"
        placeholder={t('op.field.urgency')}
        value={value.urgency}
        onChange={(urgency) => set({ urgency })}
        options={URGENCIES.map((u) => ({ value: u, label: t(`op.urgency.${u}`) }))}
        style={w}
      />
      <Select
        allowClear
        data-testid="op-filter-overdue"
        placeholder={t('op.field.overdue')}
        value={value.overdue}
        onChange={(overdue) => set({ overdue })}
        options={[
          { value: 'true', label: t('op.inbox.overdueOnly') },
          { value: 'false', label: t('op.inbox.notOverdue') },
        ]}
        style={w}
      />
      <DatePicker.RangePicker
        data-testid="op-filter-dates"
        placeholder={[t('op.inbox.fromDate'), t('op.inbox.toDate')]}
        onChange={onDates}
        style={{ minWidth: 240, flex: '1 1 240px' }}
      />
    </Flex>
  );
}
