// Searchable drop-downs that ask the server as the user types: villages, members, representatives and user accounts.
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, qs } from '../../../api';

export interface Option {
  value: number;
  label: string;
}

function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** A Select whose options come from `load(q)`; `known` supplies labels of values already chosen. */
function RemoteSelect({
  queryKey,
  load,
  known = [],
  ...rest
}: { queryKey: string; load: (q: string) => Promise<Option[]>; known?: Option[] } & SelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery({ queryKey: [queryKey, q], queryFn: () => load(q), staleTime: 30_000 });
  const [seen, setSeen] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    const add = [...known, ...(found.data ?? [])];
    setSeen((prev) => {
      if (add.every((o) => prev.get(o.value) === o.label)) return prev;
      const next = new Map(prev);
      for (const o of add) next.set(o.value, o.label);
      return next;
    });
  }, [known, found.data]);
  const options = useMemo(() => {
    const list = [...(found.data ?? [])];
    const ids = new Set(list.map((o) => o.value));
    const chosen = ([] as unknown[]).concat(rest.value ?? []) as number[];
    for (const id of chosen) if (!ids.has(id) && seen.has(id)) list.push({ value: id, label: seen.get(id)! });
    return list;
  }, [found.data, seen, rest.value]);
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      options={options}
      onBlur={() => setSearch('')}
      {...rest}
    />
  );
}

/** Villages/communities searched by name, pinyin initials or code; labels show the township. */
export function VillageSelect(props: { known?: Option[] } & SelectProps) {
  return (
    <RemoteSelect
      queryKey="village-options"
      load={async (q) => {
        const r = await api<{ items: any[] }>(`/regions${qs({ level: 'village', q, pageSize: 30 })}`);
        return r.items.map((v) => ({ value: v.id, label: `${v.name}（${v.parentName ?? ''}）` }));
      }}
      {...props}
    />
  );
}

/** Members searched by name, pinyin initials or phone; labels show the code. */
export function MemberSelect(props: { known?: Option[]; groupId?: number } & SelectProps) {
  const { groupId, ...rest } = props;
  return (
    <RemoteSelect
      queryKey={`member-options-${groupId ?? ''}`}
      load={async (q) => {
        const r = await api<{ items: any[] }>(`/members${qs({ q, groupId, pageSize: 30 })}`);
        return r.items.map((m) => ({ value: m.id, label: `${m.name}（${m.code}）` }));
      }}
      {...rest}
    />
  );
}

/** Representatives in the actor's scope searched by name, pinyin or phone; labels show the village or department. */
export function RepresentativeSelect(props: { known?: Option[] } & SelectProps) {
  return (
    <RemoteSelect
      queryKey="representative-options"
      load={async (q) => {
        const r = await api<{ items: any[] }>(`/representatives${qs({ q, pageSize: 30 })}`);
        return r.items.map((x) => {
          const where = x.regionName ?? x.departmentName;
          return { value: x.id, label: where ? `${x.name}（${where}）` : x.name };
        });
      }}
      {...props}
    />
  );
}

/** User accounts searched by username or display name (admin only). */
export function UserSelect(props: { known?: Option[] } & SelectProps) {
  return (
    <RemoteSelect
      queryKey="user-options"
      load={async (q) => {
        const r = await api<{ items: any[] }>(`/users${qs({ q, pageSize: 30 })}`);
        return r.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
      }}
      {...props}
    />
  );
}
