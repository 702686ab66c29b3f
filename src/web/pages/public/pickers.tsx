// The form's two pickers, fed by the public look-ups: category tree and village search.
import { useQuery } from '@tanstack/react-query';
import { Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api';

interface CategoryNode {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}
interface Village {
  id: number;
  name: string;
  townshipName: string | null;
}
type Props = { value?: number; onChange?: (v: number) => void; 'data-testid'?: string };

/** Two-level category picker; a top category with sub-categories is only a heading. */
export function CategoryPicker({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['pub-categories'],
    queryFn: () => api<{ items: CategoryNode[] }>('/public/categories'),
  });
  const treeData = (q.data?.items ?? []).map((c) => ({
    value: c.id,
    title: c.name,
    selectable: c.children.length === 0,
    children: c.children.map((x) => ({ value: x.id, title: x.name })),
  }));
  return (
    <TreeSelect
      {...rest}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={q.isLoading}
      placeholder={t('pub.form.categoryPh')}
      showSearch
      treeNodeFilterProp="title"
      treeExpandAction="click"
      style={{ width: '100%' }}
    />
  );
}

/** Village picker searching on the server by name or pinyin. */
export function VillagePicker({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useQuery({
    queryKey: ['pub-villages', text],
    queryFn: () => api<{ items: Village[] }>(`/public/villages${qs({ q: text })}`),
    placeholderData: (prev) => prev,
  });
  const options = (q.data?.items ?? []).map((v) => ({
    value: v.id,
    label: v.townshipName ? `${v.townshipName} / ${v.name}` : v.name,
  }));
  return (
    <Select
      {...rest}
      value={value}
      onChange={onChange}
      options={options}
      loading={q.isFetching}
      placeholder={t('pub.form.villagePh')}
      showSearch={{ filterOption: false, onSearch: setText }}
      style={{ width: '100%' }}
    />
  );
}
