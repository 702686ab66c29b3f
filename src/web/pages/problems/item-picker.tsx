// Picks 社情民意 items to link to a problem: search the inbox by words or tracking code; preset ids get their titles.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { api, qs } from '../../api';

interface ItemOption {
  id: number;
  title: string;
  trackingCode: string | null;
  regionName: string | null;
}

/** Tags shown before "+ N": only those get their titles loaded (a suggestion may preset a hundred items). */
const SHOWN = 12;

const labelOf = (o: ItemOption) => [o.trackingCode, o.title, o.regionName].filter(Boolean).join(' · ');

/** A multiple Select of items (ids), searching GET /opinions within the area when one is given. */
export function ItemPicker({ regionId, ...rest }: { regionId?: number } & Omit<SelectProps<number[]>, 'options'>) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q), 250);
    return () => clearTimeout(h);
  }, [q]);
  const list = useQuery({
    queryKey: ['/opinions', 'problem-picker', debounced, regionId],
    queryFn: () => api<{ items: ItemOption[] }>(`/opinions${qs({ q: debounced, regionId, pageSize: 50 })}`),
    staleTime: 60_000,
  });
  const seen = new Map<number, ItemOption>();
  for (const o of list.data?.items ?? []) seen.set(o.id, o);
  const chosen = Array.isArray(rest.value) ? rest.value : [];
  // Preset ids (from the inbox selection or a suggestion) may be outside the search page: load the shown ones.
  const missing = useQueries({
    queries: chosen
      .filter((id) => !seen.has(id))
      .slice(0, SHOWN)
      .map((id) => ({
        queryKey: ['opinion', id],
        queryFn: () => api<ItemOption>(`/opinions/${id}`),
        staleTime: 300_000,
        retry: false,
      })),
  });
  for (const m of missing) if (m.data) seen.set(m.data.id, m.data);
  const options = [...seen.values()].map((o) => ({ value: o.id, label: labelOf(o) }));
  for (const id of chosen) if (!seen.has(id)) options.push({ value: id, label: `#${id}` });
  return (
    <Select<number[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={list.isFetching}
      maxTagCount={SHOWN}
      options={options}
      {...rest}
    />
  );
}
