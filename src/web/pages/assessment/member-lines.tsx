// Every line of a member's score with the records behind it (links to the activity, item, bulletin …) and,
// per the server's abilities, the member's appeal button and the office's manual entry button.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MANUAL_SOURCES } from '../../../core/assessment';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { type EvidenceRef, evidenceHref, type MemberAnswer } from './types';

type Line = MemberAnswer['lines'][number];

function Evidence({ items }: { items: EvidenceRef[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Typography.Text type="secondary">{t('asmt.member.noEvidence')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(e) => {
        const href = evidenceHref(e);
        const label = `${e.date} ${e.title}${e.units && e.units !== 1 ? ` ×${e.units}` : ''}`;
        return (
          <List.Item style={{ paddingBlock: 2 }} data-testid="asmt-evidence" data-kind={e.kind} data-id={e.id}>
            <Tag>{t(`asmt.kind.${e.kind}`)}</Tag>
            {href ? <Link to={href}>{label}</Link> : label}
          </List.Item>
        );
      }}
    />
  );
}

/** On a phone: one card per line, the points large beside the item's name, the records behind it a tap away. */
function LineCards({ lines, actions }: { lines: Line[]; actions: (l: Line) => ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div data-testid="asmt-line-cards">
      {lines.map((l) => (
        <Card
          key={l.ruleId}
          size="small"
          style={{ marginBlockEnd: 8 }}
          data-testid="asmt-line"
          data-source={l.source}
          data-rule-id={l.ruleId}
        >
          <Flex justify="space-between" align="start" gap={12}>
            <strong style={{ minInlineSize: 0 }}>{l.name}</strong>
            <strong
              style={{
                fontSize: '1.25em',
                whiteSpace: 'nowrap',
                color: l.isDeduction && l.points < 0 ? '#a8071a' : undefined,
              }}
              aria-label={`${t('asmt.col.score')} ${l.points}`}
            >
              {l.points}
            </strong>
          </Flex>
          <Typography.Text type="secondary">
            {t(`asmt.source.${l.source}`)} · {t('asmt.col.units')} {l.units}
            {l.adjustment ? ` · ${t('asmt.col.adjustment')} ${l.adjustment}` : ''}
          </Typography.Text>
          <Flex wrap gap={4} style={{ marginBlockStart: 4 }}>
            {l.evidence.length > 0 ? (
              <Button
                type="link"
                style={{ paddingInline: 0 }}
                aria-expanded={open.has(l.ruleId)}
                onClick={() => toggle(l.ruleId)}
                data-testid={`asmt-evidence-toggle-${l.ruleId}`}
              >
                {t('asmt.col.evidence')} ({l.evidence.length})
              </Button>
            ) : null}
            {actions(l)}
          </Flex>
          {open.has(l.ruleId) ? <Evidence items={l.evidence} /> : null}
        </Card>
      ))}
    </div>
  );
}

/** The lines table; `onChanged` refreshes the page after an appeal or an entry. */
export function MemberLines({
  data,
  memberId,
  onChanged,
}: {
  data: MemberAnswer;
  memberId: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [appealFor, setAppealFor] = useState<Line | null>(null);
  const [entryFor, setEntryFor] = useState<Line | null>(null);
  const [form] = Form.useForm();
  const year = data.year.year;
  const isPhone = !Grid.useBreakpoint().md;
  const done = (msg: string) => {
    message.success(msg);
    setAppealFor(null);
    setEntryFor(null);
    form.resetFields();
    qc.invalidateQueries({ queryKey: ['assessment-appeals'] });
    onChanged();
  };
  const appeal = useMutation({
    mutationFn: (v: { reason: string }) =>
      api(`/assessments/${year}/appeals`, { body: { ruleId: appealFor!.ruleId, reason: v.reason } }),
    onSuccess: () => done(t('asmt.member.appealSent')),
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const entry = useMutation({
    mutationFn: (v: { date: dayjs.Dayjs; quantity: number; evidence: string }) =>
      api(`/assessments/${year}/entries`, {
        body: {
          ruleId: entryFor!.ruleId,
          memberId,
          date: v.date.format('YYYY-MM-DD'),
          quantity: v.quantity,
          evidence: v.evidence,
        },
      }),
    onSuccess: () => done(t('asmt.member.entrySaved')),
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const actions = (l: Line) => (
    <>
      {data.abilities.canAppeal ? (
        <Button size="small" type="link" onClick={() => setAppealFor(l)} data-testid={`asmt-appeal-${l.ruleId}`}>
          {t('asmt.member.appeal')}
        </Button>
      ) : null}
      {data.abilities.canEnter && MANUAL_SOURCES.has(l.source as never) ? (
        <Button size="small" type="link" onClick={() => setEntryFor(l)} data-testid={`asmt-entry-${l.ruleId}`}>
          {t('asmt.member.entry')}
        </Button>
      ) : null}
    </>
  );
  return (
    <>
      {isPhone ? (
        <LineCards lines={data.lines} actions={actions} />
      ) : (
        <Table<Line>
          rowKey="ruleId"
          size="small"
          pagination={false}
          dataSource={data.lines}
          onRow={(l) => ({ 'data-testid': 'asmt-line', 'data-source': l.source, 'data-rule-id': l.ruleId }) as any}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (l) => <Evidence items={l.evidence} />,
            rowExpandable: (l) => l.evidence.length > 0,
          }}
          columns={[
            { title: t('asmt.col.item'), dataIndex: 'name' },
            { title: t('asmt.col.source'), dataIndex: 'source', render: (s) => t(`asmt.source.${s}`) },
            { title: t('asmt.col.units'), dataIndex: 'units', align: 'end' },
            { title: t('asmt.col.adjustment'), dataIndex: 'adjustment', align: 'end', render: (v) => (v ? v : '') },
            {
              title: t('asmt.col.score'),
              dataIndex: 'points',
              align: 'end',
              render: (v, l) => <strong style={{ color: l.isDeduction && v < 0 ? '#cf1322' : undefined }}>{v}</strong>,
            },
            {
              key: 'act',
              render: (_v, l) => actions(l),
            },
          ]}
        />
      )}
      <Modal
        open={appealFor !== null}
        title={`${t('asmt.member.appeal')}：${appealFor?.name ?? ''}`}
        onCancel={() => setAppealFor(null)}
        onOk={() => form.validateFields().then((v) => appeal.mutate(v))}
        confirmLoading={appeal.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('asmt.member.appealReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={1000} data-testid="asmt-appeal-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={entryFor !== null}
        title={`${t('asmt.member.entryTitle')}：${entryFor?.name ?? ''}`}
        onCancel={() => setEntryFor(null)}
        onOk={() => form.validateFields().then((v) => entry.mutate(v))}
        confirmLoading={entry.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ quantity: 1, date: dayjs(`${year}-01-01`) }}>
          <Form.Item name="date" label={t('asmt.member.entryDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="quantity" label={t('asmt.member.quantity')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={1000} step={0.5} />
          </Form.Item>
          <Form.Item name="evidence" label={t('asmt.member.evidenceText')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="asmt-entry-evidence" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
