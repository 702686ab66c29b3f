// /topics: 热点问题 — an area's items of a period grouped into topics (key phrases, counts by village, channel and
// sector, a weekly trend), each one click away from a new 民生问题 (the problems' create form, preset with the topic's
// label, township and items, as the suggestions page does).
import { FlagOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Flex, Grid, List, Select, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../api';
import { useAuth } from '../../auth';
import { VillageSelect } from '../../components/village-select';
import { PageHead } from '../office/components/page-head';
import { useTownshipOptions } from '../problems/bits';
import { newProblemUrl } from '../problems/suggestions-page';
import type { Topic, TopicList } from './types';

/** The problems' create form takes at most this many items. */
const MAX_ITEMS = 500;
const TOP = 3;

/** The weekly counts as a small line (the last week's point marked), sized for a card. */
export function Sparkline({ counts, label }: { counts: number[]; label: string }) {
  const w = 132;
  const h = 30;
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? (w - 4) / (counts.length - 1) : 0;
  const pts = counts.map((c, i) => [2 + i * step, h - 3 - (c / max) * (h - 6)] as const);
  const last = pts[pts.length - 1];
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} data-testid="tp-spark">
      <title>{label}</title>
      <line x1={2} x2={w - 2} y1={h - 3} y2={h - 3} stroke="#d9d9d9" strokeWidth={1} />
      <polyline
        points={pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
        fill="none"
        stroke="#cf1322"
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
      {last && <circle cx={last[0]} cy={last[1]} r={2.5} fill="#cf1322" />}
    </svg>
  );
}

/** "古城村 2 · 鹤鹿溪村 2" for the biggest few of a breakdown. */
function Breakdown({ label, parts }: { label: string; parts: { name: string; count: number }[] }) {
  if (!parts.length) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
      {label}
      {parts
        .slice(0, TOP)
        .map((p) => `${p.name} ${p.count}`)
        .join(' · ')}
      {parts.length > TOP ? ' …' : ''}
    </Typography.Text>
  );
}

function TopicCard({ topic, canCreate }: { topic: Topic; canCreate: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const rest = topic.opinionIds.filter((id) => !topic.newest.some((n) => n.id === id));
  const phrases = topic.label ? topic.label.split(' · ') : [];
  const title = phrases.join('、') || t('tp.untitled');
  const toProblem = () =>
    navigate(
      newProblemUrl({
        regionId: topic.townshipId ?? 0,
        title,
        opinionIds: topic.opinionIds.slice(0, MAX_ITEMS),
      }),
    );
  return (
    <Card
      size="small"
      data-testid="tp-card"
      data-topic={topic.id}
      title={
        <Flex wrap gap={4} style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          {phrases.map((p) => (
            <Tag key={p} color="volcano" style={{ marginInlineEnd: 0, fontSize: 14 }} data-testid="tp-phrase">
              {p}
            </Tag>
          ))}
        </Flex>
      }
      actions={[
        <Button key="items" type="link" onClick={() => setOpen((o) => !o)} data-testid="tp-expand">
          {open ? t('tp.hideItems') : t('tp.showItems', { count: topic.count })}
        </Button>,
        ...(canCreate
          ? [
              <Button key="create" type="link" icon={<FlagOutlined />} onClick={toProblem} data-testid="tp-to-problem">
                {t('tp.toProblem')}
              </Button>,
            ]
          : []),
      ]}
    >
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex gap={16} align="baseline">
          <Typography.Text strong style={{ fontSize: 22 }} data-testid="tp-count">
            {t('tp.items', { count: topic.count })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('tp.people', { count: topic.people })}</Typography.Text>
        </Flex>
        <Sparkline
          counts={topic.trend.map((w) => w.count)}
          label={t('tp.trend', { from: topic.trend[0]?.start ?? '', weeks: topic.trend.length })}
        />
      </Flex>
      {topic.townshipName && <Tag style={{ marginBlock: 6 }}>{topic.townshipName}</Tag>}
      {topic.linkedCount > 0 && (
        <Tag color="green" style={{ marginBlock: 6 }} data-testid="tp-linked">
          {t('tp.linked', { count: topic.linkedCount })}
        </Tag>
      )}
      <Breakdown
        label={t('tp.byVillage')}
        parts={topic.byVillage.map((v) => ({
          name:
            v.name === null ? t('tp.noArea') : v.level === 'township' ? t('tp.townLevel', { name: v.name }) : v.name,
          count: v.count,
        }))}
      />
      <Breakdown
        label={t('tp.byChannel')}
        parts={topic.byChannel.map((c) => ({ name: t(`op.channel.${c.channel}`), count: c.count }))}
      />
      <Breakdown
        label={t('tp.bySector')}
        parts={topic.bySector.map((s) => ({ name: s.name ?? t('tp.noSector'), count: s.count }))}
      />
      {open && (
        <div style={{ marginBlockStart: 8 }} data-testid="tp-items">
          <List
            size="small"
            dataSource={topic.newest}
            renderItem={(n) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Link to={`/opinions/${n.id}`} data-testid="tp-item">
                  {n.title || `#${n.id}`}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.receivedAt.slice(0, 10)}
                </Typography.Text>
              </List.Item>
            )}
          />
          {rest.length > 0 && (
            <Flex wrap gap={6} style={{ marginBlockStart: 4 }}>
              <Typography.Text type="secondary">{t('tp.more')}</Typography.Text>
              {rest.map((id) => (
                <Link key={id} to={`/opinions/${id}`} data-testid="tp-item">
                  #{id}
                </Link>
              ))}
            </Flex>
          )}
        </div>
      )}
    </Card>
  );
}

/** The hot-problems page. */
export function TopicsPage() {
  const { t } = useTranslation();
  const { has, me } = useAuth();
  const isPhone = !Grid.useBreakpoint().md;
  const officer = !has('admin', 'leader');
  const townships = useTownshipOptions();
  const [township, setTownship] = useState<number | undefined>();
  const [village, setVillage] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(89, 'day'), dayjs()]);
  const regionId = village ?? township;
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ['/topics', regionId, from, to],
    queryFn: () => api<TopicList>(`/topics${qs({ regionId, from, to, limit: 30 })}`),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  const topics = q.data?.topics ?? [];
  const width = isPhone ? '100%' : 200;
  return (
    <div data-testid="topics-page">
      <PageHead title={t('tp.title')} sub={t('tp.hint')} />
      <Flex wrap gap={8} style={{ marginBlockEnd: 12 }}>
        {!officer && (
          <Select
            aria-label={t('tp.township')}
            placeholder={t('tp.anyTownship')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width }}
            value={township}
            options={townships.data ?? []}
            onChange={(v) => {
              setTownship(v);
              setVillage(undefined);
            }}
            data-testid="tp-township"
          />
        )}
        <VillageSelect
          aria-label={t('tp.village')}
          placeholder={officer && me?.townshipId ? t('tp.ownTownship') : t('tp.anyVillage')}
          style={{ width }}
          value={village}
          onChange={(v) => setVillage(v ?? undefined)}
          data-testid="tp-village"
        />
        <DatePicker.RangePicker
          aria-label={t('tp.period')}
          value={range}
          allowClear={false}
          style={{ width: isPhone ? '100%' : undefined }}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="tp-range"
        />
      </Flex>
      {q.isError && <Alert type="error" showIcon title={t('msg.loadFailed')} style={{ marginBlockEnd: 12 }} />}
      {q.data && (
        <Typography.Paragraph type="secondary" data-testid="tp-summary">
          {t('tp.summary', { items: q.data.items, topics: topics.length })}
          {q.data.truncated ? ` ${t('tp.truncated')}` : ''}
        </Typography.Paragraph>
      )}
      <Spin spinning={q.isLoading}>
        {!q.isLoading && !q.isError && !topics.length && <Empty description={t('tp.none')} />}
        <List
          grid={{ gutter: 12, xs: 1, sm: 1, md: 2, xl: 3 }}
          dataSource={topics}
          renderItem={(topic) => (
            <List.Item>
              <TopicCard topic={topic} canCreate={has('admin', 'info_officer')} />
            </List.Item>
          )}
        />
      </Spin>
    </div>
  );
}
