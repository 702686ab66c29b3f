// Small pieces the 民生问题 pages share: status tag and progress bar, who may do what, look-ups and the year options.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useAuth } from '../../auth';
import type { ProblemDetail, ProblemRow } from './types';

const STATUS_COLOR: Record<string, string> = {
  collecting: 'blue',
  confirmed: 'geekblue',
  in_progress: 'orange',
  solved: 'green',
  partly_solved: 'gold',
};

/** A problem status as a coloured tag. */
export function ProblemStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="prb-status" data-status={status}>
      {t(`prb.status.${status}`)}
    </Tag>
  );
}

/** The problem's progress as a bar with its %, green once solved. */
export function ProblemProgress({ row, size }: { row: Pick<ProblemRow, 'progress' | 'status'>; size?: 'small' }) {
  const { t } = useTranslation();
  return (
    <Progress
      percent={row.progress}
      size={size}
      status={row.status === 'solved' ? 'success' : 'normal'}
      aria-label={t('prb.field.progress')}
      data-testid="prb-progress"
      data-progress={row.progress}
    />
  );
}

/** What the signed-in user may do with problems (the server decides; this only hides buttons it would refuse). */
export function useProblemAbilities() {
  const { has } = useAuth();
  const manage = has('admin', 'info_officer');
  return {
    /** Create, edit, move, link items, milestones, every kind of evidence. */
    manage,
    /** A department may add its report as evidence. */
    report: manage || has('dept_handler'),
  };
}

/** What the viewer may do on one problem's page, as the server says (`abilities`), else from the roles. */
export function useDetailAbilities(p: ProblemDetail) {
  const can = useProblemAbilities();
  return {
    manage: p.abilities?.canEdit ?? can.manage,
    report: p.abilities?.canReport ?? can.report,
    link: p.abilities?.canLinkItems ?? can.manage,
  };
}

/** Townships (the areas a problem belongs to) as Select options. */
export function useTownshipOptions() {
  return useQuery({
    queryKey: ['townships'],
    queryFn: async () =>
      (await api<{ items: { id: number; name: string }[] }>('/regions?level=township&pageSize=1000')).items,
    staleTime: 300_000,
    select: (items) => items.map((r) => ({ value: r.id, label: r.name })),
  });
}

/** This year and the four before it, newest first. */
export function yearOptions(now = new Date()) {
  const y = now.getFullYear();
  return [0, 1, 2, 3, 4].map((k) => ({ value: y - k, label: String(y - k) }));
}

/** A byte count as KB/MB. */
export const sizeText = (n: number) =>
  n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** The query key of one problem; every change on its page refreshes it and the lists. */
export const problemKey = (id: number) => ['problem', id];

/** Refreshes one problem and the lists after a change. */
export function useRefreshProblem(id: number) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: problemKey(id) });
    qc.invalidateQueries({ queryKey: ['/problems'] });
  };
}
