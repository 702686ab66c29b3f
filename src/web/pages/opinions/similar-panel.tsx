// Similar items beside a received/accepted item, with the merge buttons the server allows (the 'merge' transition).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { fmtDate, StatusTag } from './bits';
import type { OpinionDetail } from './types';

/** One similar item as GET /opinions/:id/similar answers it. */
interface SimilarItem {
  id: number;
  trackingCode: string | null;
  title: string;
  status: string;
  categoryName: string | null;
  regionName: string | null;
  receivedAt: string;
  score: number;
  sharedKeywords: string[];
  abilities: { canMergeHere: boolean; canMergeInto: boolean };
}

/** Triage happens while an item is received or accepted; later the panel would only distract. */
const TRIAGE = new Set(['received', 'accepted']);

/** The panel; renders nothing outside triage. */
export function SimilarPanel({ item }: { item: OpinionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const open = TRIAGE.has(item.status);
  const similar = useQuery({
    queryKey: ['opinion', item.id, 'similar'],
    queryFn: async () => (await api<{ items: SimilarItem[] }>(`/opinions/${item.id}/similar`)).items,
    enabled: open,
  });
  const merge = useMutation({
    mutationFn: ({ source, target }: { source: number; target: number }) =>
      api(`/opinions/${source}/transitions`, { body: { action: 'merge', targetId: target } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['opinion'] });
      qc.invalidateQueries({ queryKey: ['/opinions'] });
      message.success(t('op.similar.merged'));
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  if (!open) return null;
  const render = (s: SimilarItem) => (
    <List.Item data-testid="op-similar-row" data-id={s.id}>
      <Flex vertical gap={4} style={{ inlineSize: '100%' }}>
        <Flex justify="space-between" align="baseline" gap={8} wrap>
          <Link to={`/opinions/${s.id}`} style={{ fontWeight: 600, flex: 1, wordBreak: 'break-word' }}>
            {s.title}
          </Link>
          <StatusTag status={s.status} />
        </Flex>
        <Typography.Text type="secondary">
          {[s.trackingCode, s.categoryName, s.regionName, fmtDate(s.receivedAt)].filter(Boolean).join(' · ')}
        </Typography.Text>
        <Flex wrap gap={4} align="center">
          <Typography.Text>{t('op.similar.score', { pct: Math.round(s.score * 100) })}</Typography.Text>
          {s.sharedKeywords.map((k) => (
            <Tag key={k} color="blue">
              {k}
            </Tag>
          ))}
        </Flex>
        <Space wrap>
          {s.abilities.canMergeHere && (
            <Popconfirm
              title={t('op.similar.mergeHereConfirm', { code: s.trackingCode })}
              onConfirm={() => merge.mutate({ source: s.id, target: item.id })}
              okText={t('op.similar.mergeHere')}
              cancelText={t('action.cancel')}
            >
              <Button size="small" type="primary" data-testid="op-merge-here" loading={merge.isPending}>
                {t('op.similar.mergeHere')}
              </Button>
            </Popconfirm>
          )}
          {s.abilities.canMergeInto && (
            <Popconfirm
              title={t('op.similar.mergeIntoConfirm', { code: s.trackingCode })}
              onConfirm={() => merge.mutate({ source: item.id, target: s.id })}
              okText={t('op.similar.mergeInto')}
              cancelText={t('action.cancel')}
            >
              <Button size="small" data-testid="op-merge-into" loading={merge.isPending}>
                {t('op.similar.mergeInto')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
    </List.Item>
  );
  return (
    <Card size="small" title={t('op.similar.title')} style={{ marginBlockEnd: 16 }} data-testid="op-similar">
      {similar.isLoading ? (
        <Spin />
      ) : similar.isError ? (
        <Typography.Text type="danger">{t('msg.loadFailed')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={similar.data ?? []}
          locale={{ emptyText: t('op.similar.none') }}
          renderItem={render}
        />
      )}
    </Card>
  );
}
