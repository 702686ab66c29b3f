// Cached look-ups the 社情民意 pages share: the category tree, departments and townships.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface CategoryNode {
  id: number;
  name: string;
  parentId: number | null;
  children?: CategoryNode[];
}

/** TreeSelect data of the editable two-level category taxonomy. */
export function useCategoryTree() {
  return useQuery({
    queryKey: ['/opinion-categories'],
    queryFn: () => api<{ tree: CategoryNode[] }>('/opinion-categories'),
    staleTime: 300_000,
    select: (d) =>
      d.tree.map((c) => ({
        value: c.id,
        title: c.name,
        children: (c.children ?? []).map((s) => ({ value: s.id, title: s.name })),
      })),
  });
}

/** Every department (township and county), for forwarding and filters. */
export { useDepartmentOptions } from '../../components/department-select';

/** Townships, for the region filter (the server matches an item's village by its township). */
export function useTownshipOptions() {
  return useQuery({
    queryKey: ['townships'],
    queryFn: async () =>
      (await api<{ items: { id: number; name: string }[] }>('/regions?level=township&pageSize=1000')).items,
    staleTime: 300_000,
    select: (items) => items.map((r) => ({ value: r.id, label: r.name })),
  });
}
