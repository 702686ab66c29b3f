// Picks members from the directory by name or pinyin, searching the server; keeps labels of already chosen members.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { api, qs } from '../api';

export interface MemberOption {
  id: number;
  name: string;
  workUnit?: string;
  groupName?: string | null;
}

/** Member picker; `groupId` narrows it to one liaison group, `known` supplies labels for preset values. */
export function MemberSelect({
  groupId,
  known = [],
  ...rest
}: { groupId?: number | null; known?: MemberOption[] } & Omit<SelectProps, 'options'>) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q), 250);
    return () => clearTimeout(h);
  }, [q]);
  const list = useQuery({
    queryKey: ['/members', 'select', groupId ?? null, debounced],
    queryFn: () =>
      api<{ items: MemberOption[] }>(`/members${qs({ groupId: groupId ?? undefined, q: debounced, pageSize: 100 })}`),
    staleTime: 60_000,
  });
  const seen = new Map<number, MemberOption>();
  for (const m of [...known, ...(list.data?.items ?? [])]) seen.set(m.id, m);
  const chosen = ([] as unknown[]).concat(rest.value ?? []).filter((v): v is number => typeof v === 'number');
  const missing = useQueries({
    queries: chosen
      .filter((id) => !seen.has(id))
      .map((id) => ({
        queryKey: ['member', id],
        queryFn: () => api<MemberOption>(`/members/${id}`),
        staleTime: 60_000,
      })),
  });
  for (const m of missing) if (m.data) seen.set(m.data.id, m.data);
  const options = [...seen.values()].map((m) => ({
    value: m.id,
    label: m.name,
    title: [m.groupName, m.workUnit].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={list.isFetching}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label} <span style={{ color: '#999', fontSize: 12 }}>{(o.data as any).title}</span>
        </span>
      )}
      {...rest}
    />
  );
}
