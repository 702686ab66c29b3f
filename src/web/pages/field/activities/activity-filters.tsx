// Filters of the activity list: date range, member, village, method, purpose, handling status, free text.
import { FilterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Grid, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../auth';
import { MemberSelect } from '../../../components/member-select';
import { VillageSelect } from '../../../components/village-select';
import { codeOptions } from '../lookups';

export type ActivityFilterValues = {
  from?: string;
  to?: string;
  memberId?: number;
  regionId?: number;
  method?: string;
  purpose?: string;
  handlingStatus?: string;
  q?: string;
};

/** The filter bar; on phones only the search box shows until "筛选" is tapped. */
export function ActivityFilters({
  value,
  onChange,
}: {
  value: ActivityFilterValues;
  onChange: (v: ActivityFilterValues) => void;
}) {
  const { t } = useTranslation();
  const { has } = useAuth();
  const isPhone = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState(false);
  const set = (p: Partial<ActivityFilterValues>) => onChange({ ...value, ...p });
  const w = isPhone ? '100%' : 160;
  const range = (r: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') });
  const search = (
    <Input.Search
      allowClear
      placeholder={t('field.activity.searchPlaceholder')}
      defaultValue={value.q}
      onSearch={(q) => set({ q: q || undefined })}
      style={{ width: isPhone ? '100%' : 240 }}
      data-testid="activity-search"
    />
  );
  const rest = (
    <>
      <DatePicker.RangePicker
        onChange={(r) => range(r as [Dayjs | null, Dayjs | null] | null)}
        style={{ width: isPhone ? '100%' : 260 }}
        data-testid="activity-range"
      />
      {has('admin', 'leader', 'group_leader', 'info_officer') && (
        <MemberSelect
          placeholder={t('field.activity.member')}
          value={value.memberId}
          onChange={(memberId) => set({ memberId })}
          style={{ width: w }}
          data-testid="activity-member"
        />
      )}
      <VillageSelect
        placeholder={t('field.activity.village')}
        value={value.regionId}
        onChange={(regionId) => set({ regionId })}
        style={{ width: w }}
        data-testid="activity-village"
      />
      <Select
        allowClear
        placeholder={t('field.activity.method')}
        options={codeOptions(t, 'method')}
        value={value.method}
        onChange={(method) => set({ method })}
        style={{ width: isPhone ? '100%' : 130 }}
        data-testid="activity-method"
      />
      <Select
        allowClear
        placeholder={t('field.activity.purpose')}
        options={codeOptions(t, 'purpose')}
        value={value.purpose}
        onChange={(purpose) => set({ purpose })}
        style={{ width: isPhone ? '100%' : 130 }}
        data-testid="activity-purpose"
      />
      <Select
        allowClear
        placeholder={t('field.activity.status')}
        options={codeOptions(t, 'status')}
        value={value.handlingStatus}
        onChange={(handlingStatus) => set({ handlingStatus })}
        style={{ width: isPhone ? '100%' : 130 }}
        data-testid="activity-status"
      />
    </>
  );
  if (!isPhone)
    return (
      <Space wrap style={{ marginBlockEnd: 12 }}>
        {search}
        {rest}
      </Space>
    );
  return (
    <div style={{ marginBlockEnd: 12 }}>
      <div style={{ display: 'flex', gap: 8 }}>
        {search}
        <Button
          icon={<FilterOutlined />}
          onClick={() => setOpen(!open)}
          type={open ? 'primary' : 'default'}
          aria-label={t('field.activity.filters')}
        />
      </div>
      {open && (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 8, marginBlockStart: 8 }}>
          {rest}
        </div>
      )}
    </div>
  );
}
