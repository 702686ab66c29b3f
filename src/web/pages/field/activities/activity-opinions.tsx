// 群众代表反映的意见和建议 on the activity page: each opinion heard, 转为社情民意 in one step, the item's link once raised.
import { CheckCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { splitActivityOpinions } from '../../../../core/activity-opinions';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';
import type { Activity, RaisedItem } from '../types';

interface RaiseAnswer {
  items: Array<{ key: string; id: number; title: string }>;
  raised: RaisedItem[];
}

/** Where a raised opinion stands: a link to its item, or a plain mark when the viewer may not open the item. */
function RaisedMark({ r }: { r: RaisedItem }) {
  const { t } = useTranslation();
  if (!r.id) return <Tag icon={<CheckCircleOutlined />}>{t('field.raise.doneHidden')}</Tag>;
  return (
    <Link to={`/opinions/${r.id}`} data-testid="activity-raised-link">
      <Tag color="green" icon={<CheckCircleOutlined />}>
        {t('field.raise.done')}
      </Tag>
      {t(`op.status.${r.status ?? 'received'}`)}
    </Link>
  );
}

/** The opinions card: one row per opinion with its button or its item, then items linked without an opinion key. */
export function ActivityOpinions({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const heard = useMemo(() => splitActivityOpinions(activity.opinions), [activity.opinions]);
  const raised = activity.raised ?? [];
  const byKey = new Map(raised.filter((r) => r.key).map((r) => [r.key as string, r]));
  const others = raised.filter((r) => r.id && !heard.some((h) => h.key === r.key));
  const raise = async (key: string) => {
    setBusy(key);
    try {
      const res = await api<RaiseAnswer>(`/activities/${activity.id}/opinions`, { body: { keys: [key] } });
      qc.setQueryData<Activity>(['/activities', activity.id], (old) => (old ? { ...old, raised: res.raised } : old));
      const item = res.items[0];
      if (item)
        message.success(
          <span>
            {t('field.raise.ok', { title: item.title })}{' '}
            {/* a message renders outside the router: navigate from here rather than with a <Link> */}
            <Typography.Link onClick={() => navigate(`/opinions/${item.id}`)}>{t('field.raise.open')}</Typography.Link>
          </span>,
        );
      await qc.invalidateQueries({ queryKey: ['/activities', activity.id] });
    } catch (e) {
      message.error(applyApiError(e));
      await qc.invalidateQueries({ queryKey: ['/activities', activity.id] });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('field.record.opinions')}>
      <div data-testid="activity-opinions">
        {heard.length === 0 && <Typography.Text>—</Typography.Text>}
        {heard.length > 0 && (
          <List
            size="small"
            split
            dataSource={heard}
            renderItem={(h, i) => {
              const r = byKey.get(h.key);
              return (
                <List.Item
                  key={h.key}
                  data-testid={`activity-opinion-${i}`}
                  style={{ paddingInline: 0, flexWrap: 'wrap', gap: 8 }}
                >
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, flex: '1 1 240px' }}>
                    {heard.length > 1 ? `${i + 1}. ${h.text}` : h.text}
                  </Typography.Paragraph>
                  {r ? (
                    <RaisedMark r={r} />
                  ) : (
                    activity.abilities.canRaise && (
                      <Button
                        size="small"
                        loading={busy === h.key}
                        disabled={busy !== null && busy !== h.key}
                        onClick={() => void raise(h.key)}
                        data-testid={`activity-raise-${i}`}
                      >
                        {t('field.raise.button')}
                      </Button>
                    )
                  )}
                </List.Item>
              );
            }}
          />
        )}
        {others.length > 0 && (
          <div style={{ marginBlockStart: 8 }}>
            <Typography.Text type="secondary">{t('field.raise.linked')}</Typography.Text>
            {others.map((r) => (
              <div key={r.id}>
                <Link to={`/opinions/${r.id}`}>{r.title}</Link>{' '}
                <Typography.Text type="secondary">{t(`op.status.${r.status ?? 'received'}`)}</Typography.Text>
              </div>
            ))}
          </div>
        )}
      </div>
    </Card>
  );
}
