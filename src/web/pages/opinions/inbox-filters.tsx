// The filter bar above the 社情民意 inbox: full-text search, status, channel, category, township, urgency, overdue, dates;
// the filters live in the URL (KPI drill-down links, workbench counters and saved views open the inbox filtered).
import { Button, DatePicker, Flex, Input, type InputRef, Select, Tag, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_CODES } from '../../../core/opinions';
import { useCategoryTree, useDepartmentOptions, useTownshipOptions } from './lookups';
import { CHANNELS, URGENCIES } from './types';

/** The inbox query (names as GET /opinions reads them). */
export interface InboxFilters {
  q?: string;
  status?: string;
  channel?: string;
  categoryId?: number;
  regionId?: number;
  departmentId?: number;
  sectorId?: number;
  memberId?: number;
  urgency?: string;
  overdue?: 'true' | 'false';
  from?: string;
  to?: string;
  dueSoon?: 'true';
  extensionPending?: 'true';
  feedbackPending?: 'true';
  compilable?: 'true';
  /** The department desk's 全部 switch (the page's, turned into the API query by deptDeskQuery). */
  view?: 'all';
}

const TEXT_KEYS = ['q', 'status', 'channel', 'urgency', 'from', 'to'] as const;
const ID_KEYS = ['categoryId', 'regionId', 'departmentId', 'sectorId', 'memberId'] as const;
/** Filters set by links (KPI drill-down, saved views) without a control of their own: shown as closable tags. */
const LINK_ONLY = ['departmentId', 'sectorId', 'memberId'] as const;
/** Yes-only filters set by the workbench's links: shown as closable tags. */
const FLAGS = ['dueSoon', 'extensionPending', 'feedbackPending', 'compilable'] as const;

/** Reads the filters from URL parameters (overdue=1/0 as the KPI links write it, ids as numbers). */
export function readFilters(p: URLSearchParams): InboxFilters {
  const f: InboxFilters = {};
  for (const k of TEXT_KEYS) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  for (const k of ID_KEYS) {
    const n = Number(p.get(k));
    if (Number.isInteger(n) && n > 0) f[k] = n;
  }
  const o = p.get('overdue');
  if (o === '1' || o === 'true') f.overdue = 'true';
  if (o === '0' || o === 'false') f.overdue = 'false';
  for (const k of FLAGS) if (p.get(k) === 'true' || p.get(k) === '1') f[k] = 'true';
  if (p.get('view') === 'all') f.view = 'all';
  return f;
}

/** The URL parameters of a filter set (empty values left out). */
export function writeFilters(f: InboxFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  return out;
}

/** Filter bar; every change is reported at once (the search box on Enter or clear). `keep` survives "clear". */
export function InboxFilterBar({
  value,
  onChange,
  searchRef,
  keep = {},
}: {
  value: InboxFilters;
  onChange: (v: InboxFilters) => void;
  searchRef?: Ref<InputRef>;
  keep?: InboxFilters;
}) {
  const { t } = useTranslation();
  const categories = useCategoryTree();
  const townships = useTownshipOptions();
  const depts = useDepartmentOptions();
  const set = (patch: InboxFilters) => onChange({ ...value, ...patch });
  const w = { minWidth: 130, flex: '1 1 130px' };
  const onDates = (d: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: d?.[0]?.format('YYYY-MM-DD'), to: d?.[1]?.format('YYYY-MM-DD') });
  const dates: [Dayjs | null, Dayjs | null] | null =
    value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null;
  const linkLabel = (k: (typeof LINK_ONLY)[number], id: number) =>
    k === 'departmentId' ? (depts.data?.find((d) => d.value === id)?.label ?? `#${id}`) : `#${id}`;
  const linked = LINK_ONLY.filter((k) => value[k]);
  return (
    <Flex wrap gap={8} style={{ marginBlockEnd: 12 }}>
      <Input.Search
        key={value.q ?? ''}
        ref={searchRef}
        allowClear
        data-testid="op-search"
        placeholder={t('op.inbox.search')}
        defaultValue={value.q}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ minWidth: 220, flex: '2 1 220px' }}
      />
      <Select
        allowClear
        data-testid="op-filter-status"
        placeholder={t('op.field.status')}
        aria-label={t('op.field.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={STATUS_CODES.map((s) => ({ value: s, label: t(`op.status.${s}`) }))}
        style={w}
      />
      <Select
        allowClear
        data-testid="op-filter-channel"
        placeholder={t('op.field.channel')}
        aria-label={t('op.field.channel')}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        options={CHANNELS.map((c) => ({ value: c, label: t(`op.channel.${c}`) }))}
        style={w}
      />
      <TreeSelect
        allowClear
        data-testid="op-filter-category"
        placeholder={t('op.field.category')}
        aria-label={t('op.field.category')}
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
        aria-label={t('op.field.township')}
        value={value.regionId}
        onChange={(regionId) => set({ regionId })}
        options={townships.data ?? []}
        style={w}
      />
      <Select
        allowClear
        data-testid="op-filter-urgency"
        placeholder={t('op.field.urgency')}
        aria-label={t('op.field.urgency')}
        value={value.urgency}
        onChange={(urgency) => set({ urgency })}
        options={URGENCIES.map((u) => ({ value: u, label: t(`op.urgency.${u}`) }))}
        style={w}
      />
      <Select
        allowClear
        data-testid="op-filter-overdue"
        placeholder={t('op.field.overdue')}
        aria-label={t('op.field.overdue')}
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
        value={dates}
        allowEmpty={[true, true]}
        onChange={onDates}
        style={{ minWidth: 240, flex: '1 1 240px' }}
      />
      {linked.map((k) => (
        <Tag key={k} closable data-testid={`op-filter-${k}`} onClose={() => set({ [k]: undefined })}>
          {t(`op.filter.${k}`)}: {linkLabel(k, value[k] as number)}
        </Tag>
      ))}
      {FLAGS.filter((k) => value[k]).map((k) => (
        <Tag key={k} closable color="blue" data-testid={`op-filter-${k}`} onClose={() => set({ [k]: undefined })}>
          {t(`wb.filter.${k}`)}
        </Tag>
      ))}
      {Object.keys(writeFilters({ ...value, ...keep })).length > Object.keys(writeFilters(keep)).length && (
        <Button type="link" data-testid="op-filter-clear" onClick={() => onChange({ ...keep })}>
          {t('op.filter.clear')}
        </Button>
      )}
    </Flex>
  );
}
