// /consultation-outcomes: a department's outcomes to implement (office staff see all), overdue first, with the update form.
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { OutcomesTable } from './outcomes-table';

/** The department work list. */
export function ConsultationOutcomesPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['cst-outcomes'],
    queryFn: () => api<{ items: any[] }>('/consultation-outcomes?pageSize=200'),
  });
  return (
    <Card title={t('cst.deptTitle')} loading={q.isLoading}>
      <OutcomesTable outcomes={q.data?.items ?? []} onChanged={() => q.refetch()} showTopic />
    </Card>
  );
}
