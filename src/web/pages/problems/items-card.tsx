// The items linked to a problem: each opens its own page (it keeps its own lifecycle); the office links more from
// the inbox or unlinks one.
import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Grid, List, Modal, Popconfirm, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { StatusTag } from '../opinions/bits';
import { useDetailAbilities, useRefreshProblem } from './bits';
import { ItemPicker } from './item-picker';
import type { ProblemDetail } from './types';

function LinkItems({ problem, onClose }: { problem: ProblemDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProblem(problem.id);
  const [ids, setIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const link = useMutation({
    mutationFn: () => api(`/problems/${problem.id}/items`, { body: { opinionIds: ids } }),
    onSuccess: () => {
      message.success(t('prb.items.linked', { count: ids.length }));
      refresh();
      onClose();
    },
    onError: (e) => setError(applyApiError(e)),
  });
  const linked = new Set(problem.items.map((i) => i.id));
  return (
    <Modal
      open
      destroyOnHidden
      title={t('prb.items.link')}
      onCancel={onClose}
      onOk={() => link.mutate()}
      okText={t('prb.items.link')}
      okButtonProps={{ disabled: !ids.length, loading: link.isPending, 'data-testid': 'prb-items-ok' } as any}
      cancelText={t('action.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
      <ItemPicker
        regionId={problem.regionId}
        value={ids}
        onChange={(v) => setIds((v ?? []).filter((id) => !linked.has(id)))}
        style={{ width: '100%' }}
        placeholder={t('prb.items.search')}
        data-testid="prb-items-picker"
      />
    </Modal>
  );
}

/** The linked items card. */
export function ItemsCard({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useDetailAbilities(problem);
  const refresh = useRefreshProblem(problem.id);
  const [adding, setAdding] = useState(false);
  const pageSize = Grid.useBreakpoint().md ? 20 : 10;
  const unlink = useMutation({
    mutationFn: (opinionId: number) => api(`/problems/${problem.id}/items/${opinionId}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('prb.items.unlinked'));
      refresh();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  return (
    <Card
      size="small"
      title={t('prb.items.card', { count: problem.items.length })}
      style={{ marginBlockEnd: 16 }}
      data-testid="prb-items"
      data-count={problem.items.length}
      extra={
        can.link && (
          <Button size="small" icon={<LinkOutlined />} onClick={() => setAdding(true)} data-testid="prb-items-add">
            {t('prb.items.link')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={problem.items}
        locale={{ emptyText: t('prb.items.none') }}
        pagination={problem.items.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false } : false}
        renderItem={(i) => (
          <List.Item
            data-testid="prb-item"
            actions={
              can.link
                ? [
                    <Popconfirm
                      key="unlink"
                      title={t('prb.items.confirmUnlink')}
                      onConfirm={() => unlink.mutateAsync(i.id).catch(() => undefined)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DisconnectOutlined />}
                        aria-label={t('prb.items.unlink')}
                        title={t('prb.items.unlink')}
                        data-testid="prb-item-unlink"
                      />
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <Flex wrap gap={8} align="center">
                  <Link to={`/opinions/${i.id}`} data-testid="prb-item-link">
                    {i.title}
                  </Link>
                  <StatusTag status={i.status} />
                </Flex>
              }
              description={
                <Typography.Text type="secondary">
                  {[
                    i.trackingCode,
                    i.regionName,
                    t(`op.channel.${i.channel}`),
                    dayjs(i.receivedAt).format('YYYY-MM-DD'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {adding && <LinkItems problem={problem} onClose={() => setAdding(false)} />}
    </Card>
  );
}
