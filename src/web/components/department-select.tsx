// Departments (township and county) from GET /departments, cached: the picker and the id → name look-up pages share.
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { api } from '../api';

/** Every department as Select options, labelled "township / name" (county departments by name alone). */
export function useDepartmentOptions() {
  return useQuery({
    queryKey: ['departments', 'all'],
    queryFn: async () =>
      (await api<{ items: { id: number; name: string; townshipName: string | null }[] }>('/departments')).items,
    staleTime: 300_000,
    select: (items) => items.map((d) => ({ value: d.id, label: [d.townshipName, d.name].filter(Boolean).join(' / ') })),
  });
}

/** A searchable department picker (single, or several with mode="multiple"). */
export function DepartmentSelect(props: Omit<SelectProps, 'options'>) {
  const depts = useDepartmentOptions();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={depts.isLoading}
      options={depts.data ?? []}
      {...props}
    />
  );
}
