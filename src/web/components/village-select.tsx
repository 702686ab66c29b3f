// Picks a village/community from the region registry by name, pinyin initials or division code.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { api, qs } from '../api';

export interface VillageOption {
  id: number;
  name: string;
  parentName?: string | null;
  townshipName?: string | null;
}

const labelOf = (v: VillageOption) => [v.parentName ?? v.townshipName, v.name].filter(Boolean).join(' / ');

/** Village picker searching GET /regions?level=village; `known` supplies labels for preset values. */
export function VillageSelect({ known = [], ...rest }: { known?: VillageOption[] } & Omit<SelectProps, 'options'>) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q), 250);
    return () => clearTimeout(h);
  }, [q]);
  const list = useQuery({
    queryKey: ['/regions', 'village-select', debounced],
    queryFn: () => api<{ items: VillageOption[] }>(`/regions${qs({ level: 'village', q: debounced, pageSize: 100 })}`),
    staleTime: 300_000,
  });
  const seen = new Map<number, VillageOption>();
  for (const v of [...known, ...(list.data?.items ?? [])]) seen.set(v.id, v);
  const chosen = typeof rest.value === 'number' ? [rest.value] : [];
  const missing = useQueries({
    queries: chosen
      .filter((id) => !seen.has(id))
      .map((id) => ({
        queryKey: ['/regions', id],
        queryFn: () => api<VillageOption>(`/regions/${id}`),
        staleTime: 300_000,
      })),
  });
  for (const m of missing) if (m.data) seen.set(m.data.id, m.data);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={list.isFetching}
      options={[...seen.values()].map((v) => ({ value: v.id, label: labelOf(v) }))}
      {...rest}
    />
  );
}
