// 分诊建议 on the item page, for the office while an item is received or accepted: the suggested category (accepted in
// one click, or corrected with the picker; PUT /opinions/:id/category, learned by the classifiers) and the suggested
// lead departments, each with its probability (GET /opinions/:id/suggestions). Nothing shows to roles that cannot triage.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { applyApiError } from '../../components/errors';
import { useCategoryTree } from './lookups';
import type { OpinionDetail } from './types';

/** GET /opinions/:id/suggestions. */
interface Suggestions {
  categories: { categoryId: number; name: string; parentName: string | null; probability: number }[];
  departments: { departmentId: number; name: string; probability: number; basis: string; count: number }[];
  learnedFrom: { categories: number; departments: number };
}

/** Statuses in which the office still sorts an item. */
const TRIAGE_STATUSES = new Set(['received', 'accepted']);

/** A probability as a whole percentage; never a flat 100 %, which would read as certainty. */
const pct = (p: number) => (p >= 0.995 ? '>99%' : `${Math.round(p * 100)}%`);

/** The card, or nothing for roles that do not triage and for items past triage. */
export function TriageSuggestionCard({ item }: { item: OpinionDetail }) {
  const { has } = useAuth();
  if (!has('admin') || !TRIAGE_STATUSES.has(item.status)) return null;
  return <TriageSuggestions item={item} />;
}

function TriageSuggestions({ item }: { item: OpinionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const tree = useCategoryTree();
  const [picked, setPicked] = useState<number | undefined>();
  const q = useQuery({
    queryKey: ['opinion', item.id, 'suggestions'],
    queryFn: () => api<Suggestions>(`/opinions/${item.id}/suggestions`),
  });
  const save = useMutation({
    mutationFn: (v: { categoryId: number; suggested: boolean }) =>
      api<OpinionDetail>(`/opinions/${item.id}/category`, { method: 'PUT', body: v }),
    onSuccess: (data) => {
      qc.setQueryData(['opinion', item.id], data);
      for (const k of ['events', 'suggestions', 'forward-plan'])
        qc.invalidateQueries({ queryKey: ['opinion', item.id, k] });
      qc.invalidateQueries({ queryKey: ['/opinions'] });
      message.success(t('triage.saved'));
      setPicked(undefined);
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  // A top level with sub-categories cannot be chosen: only its leaves are selectable.
  const treeData = (tree.data ?? []).map((c) => ({ ...c, selectable: !c.children.length }));
  const top = q.data?.categories[0];
  // Alternatives under 1 % are noise, not choices.
  const others = (q.data?.categories ?? []).slice(1).filter((c) => c.probability >= 0.01);
  const label = (c: Suggestions['categories'][number]) => (c.parentName ? `${c.name}（${c.parentName}）` : c.name);
  return (
    <Card
      size="small"
      title={t('triage.title')}
      style={{ marginBlockEnd: 16 }}
      data-testid="op-triage"
      loading={q.isLoading}
    >
      {q.isError && <Typography.Text type="danger">{t('msg.loadFailed')}</Typography.Text>}
      {q.data && (
        <Flex vertical gap={12}>
          <div>
            <Typography.Text type="secondary">{t('triage.category')}</Typography.Text>
            {top ? (
              <Flex wrap gap={8} align="center" style={{ marginBlockStart: 4 }}>
                <Tag color="blue" data-testid="op-triage-category" style={{ fontSize: 14, paddingBlock: 2 }}>
                  {label(top)} {pct(top.probability)}
                </Tag>
                {item.categoryId === top.categoryId ? (
                  <Typography.Text type="success">{t('triage.isCurrent')}</Typography.Text>
                ) : (
                  <Button
                    type="primary"
                    size="small"
                    data-testid="op-triage-accept"
                    loading={save.isPending}
                    onClick={() => save.mutate({ categoryId: top.categoryId, suggested: true })}
                  >
                    {t('triage.accept')}
                  </Button>
                )}
              </Flex>
            ) : (
              <div>{t('triage.noCategory')}</div>
            )}
            {others.length > 0 && (
              <Space wrap size={4} style={{ marginBlockStart: 4 }}>
                <Typography.Text type="secondary">{t('triage.others')}</Typography.Text>
                {others.map((c) => (
                  <Button
                    key={c.categoryId}
                    size="small"
                    type="link"
                    data-testid="op-triage-other"
                    disabled={item.categoryId === c.categoryId}
                    onClick={() => save.mutate({ categoryId: c.categoryId, suggested: true })}
                  >
                    {label(c)} {pct(c.probability)}
                  </Button>
                ))}
              </Space>
            )}
          </div>
          <Flex gap={8} wrap>
            <TreeSelect
              style={{ flex: '1 1 180px', minInlineSize: 0 }}
              placeholder={t('triage.correct')}
              treeData={treeData}
              value={picked}
              onChange={(v) => setPicked(v)}
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              data-testid="op-triage-picker"
              aria-label={t('triage.correct')}
            />
            <Button
              disabled={!picked || picked === item.categoryId}
              loading={save.isPending}
              data-testid="op-triage-save"
              onClick={() => picked && save.mutate({ categoryId: picked, suggested: false })}
            >
              {t('triage.save')}
            </Button>
          </Flex>
          <div data-testid="op-triage-departments">
            <Typography.Text type="secondary">{t('triage.departments')}</Typography.Text>
            {q.data.departments.length ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {q.data.departments.map((d) => (
                  <li key={d.departmentId} title={t(`triage.basis.${d.basis}`, { count: d.count })}>
                    {d.name} <Typography.Text strong>{pct(d.probability)}</Typography.Text>{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`triage.basis.${d.basis}`, { count: d.count })}
                    </Typography.Text>
                  </li>
                ))}
              </ol>
            ) : (
              <div>{t('triage.noDepartment')}</div>
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('triage.learnedFrom', q.data.learnedFrom)}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
