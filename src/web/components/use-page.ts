// Paged list state for tables: page, page size and filters feed one query key.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../api';

export interface PageData<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Loads `path` with paging and filters; returns antd Table props ready to spread. */
export function usePagedList<T = any>(path: string, filters: Record<string, unknown>, pageSize = 20) {
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(pageSize);
  const query = useQuery({
    queryKey: [path, filters, page, size],
    queryFn: () => api<PageData<T>>(`${path}${qs({ ...filters, page, pageSize: size })}`),
    placeholderData: keepPreviousData,
  });
  return {
    query,
    tableProps: {
      dataSource: query.data?.items ?? [],
      loading: query.isFetching,
      rowKey: 'id' as const,
      pagination: {
        current: page,
        pageSize: size,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        onChange: (p: number, s: number) => {
          setPage(p);
          setSize(s);
        },
      },
    },
    resetPage: () => setPage(1),
  };
}
