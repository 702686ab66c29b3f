// /regions/:id and /departments/:id (the compliance view's fix links): open the registry page on that record.
import { useQuery } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { api } from '../../../api';

/** Redirects a region link to its township's village list, filtered to the village's code. */
export function RegionRedirect() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['region', id], queryFn: () => api<any>(`/regions/${id}`) });
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title={t('msg.notFound')} />;
  const r = q.data;
  const target = r.level === 'village' ? `?township=${r.parentId}&q=${r.code}` : `?township=${r.id}`;
  return <Navigate replace to={`/registry/regions${target}`} />;
}

/** Redirects a department link to the department list of its township. */
export function DepartmentRedirect() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['departments'], queryFn: () => api<{ items: any[] }>('/departments') });
  if (q.isLoading) return <Spin />;
  const d = q.data?.items.find((x) => String(x.id) === id);
  if (!d) return <Result status="404" title={t('msg.notFound')} />;
  return <Navigate replace to={`/registry/departments${d.townshipId ? `?township=${d.townshipId}` : ''}`} />;
}
