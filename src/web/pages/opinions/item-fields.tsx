// The item's record on its page: all fields, the people who raised it (masked as they come) and the departments.
import { Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueCell, fmtTime, StatusTag, UrgencyTag } from './bits';
import { ConfidentialityControl, RedactionNotice } from './confidentiality-card';
import { PiiLegend, PiiText } from './pii-text';
import type { Assignment, OpinionDetail, Originator } from './types';

/** All fields of the item; content and reply shown as plain text (never HTML). */
export function ItemFields({ item }: { item: OpinionDetail }) {
  const { t } = useTranslation();
  const flags = [
    item.hasPendingExtension && 'pendingExtension',
    item.isInBulletin && 'inBulletin',
    item.isEscalated && 'escalated',
    item.contactReleased && 'contactReleased',
  ].filter(Boolean) as string[];
  const rows = [
    // Absent for departments: the server never sends them the code.
    item.trackingCode && {
      key: 'trackingCode',
      children: <Typography.Text copyable>{item.trackingCode}</Typography.Text>,
    },
    { key: 'status', children: <StatusTag status={item.status} /> },
    { key: 'channel', children: t(`op.channel.${item.channel}`) },
    {
      key: 'urgency',
      children: (
        <>
          <UrgencyTag urgency={item.urgency} />
          {item.urgency === 'normal' && t('op.urgency.normal')}
        </>
      ),
    },
    { key: 'category', children: item.categoryName },
    { key: 'region', children: item.regionName },
    { key: 'confidentiality', children: <ConfidentialityControl item={item} /> },
    { key: 'receivedAt', children: fmtTime(item.receivedAt) },
    { key: item.status === 'received' ? 'acceptDue' : 'deadline', children: <DueCell row={item} bare /> },
    { key: 'leadDepartment', children: item.leadDepartmentName },
    { key: 'closedAt', children: fmtTime(item.closedAt) },
    item.mergedIntoId && {
      key: 'mergedInto',
      children: <Link to={`/opinions/${item.mergedIntoId}`}>#{item.mergedIntoId}</Link>,
    },
    flags.length && {
      key: 'flags',
      children: (
        <Space wrap size={4}>
          {flags.map((f) => (
            <Tag key={f} color="processing">
              {t(`op.flag.${f}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ].filter(Boolean) as { key: string; children: ReactNode }[];
  return (
    <>
      <RedactionNotice item={item} />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={rows.map((r) => ({ ...r, label: t(`op.field.${r.key}`), children: r.children || '—' }))}
        style={{ marginBlockEnd: 16 }}
      />
      <Card
        size="small"
        title={t('op.field.content')}
        extra={<PiiLegend show={!!(item.pii?.title.length || item.pii?.content.length)} />}
        style={{ marginBlockEnd: 16 }}
      >
        {!!item.pii?.title.length && (
          <Typography.Paragraph type="secondary" data-testid="op-title-pii">
            {t('pii.titleLabel')}
            <PiiText text={item.title} spans={item.pii.title} />
          </Typography.Paragraph>
        )}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }} data-testid="op-content">
          <PiiText text={item.content} spans={item.pii?.content} />
        </Typography.Paragraph>
      </Card>
      {item.publicReply && (
        <Card size="small" title={t('op.field.publicReply')} style={{ marginBlockEnd: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBlockEnd: 0 }}>
            {item.publicReply}
          </Typography.Paragraph>
        </Card>
      )}
    </>
  );
}

function originatorText(p: Originator): string {
  return [p.memberName, p.representativeName, p.name, p.phone, p.email].filter(Boolean).join(' · ');
}

/** The people who raised the item (each gets the feedback and the credit). */
export function OriginatorList({ people }: { people: Originator[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('op.field.originators')} style={{ marginBlockEnd: 16 }}>
      <List
        size="small"
        dataSource={people}
        locale={{ emptyText: t('op.item.none') }}
        renderItem={(p) => (
          <List.Item data-testid="op-originator">
            <Space wrap size={4}>
              <Tag>{t(`op.kind.${p.kind}`)}</Tag>
              <span>{originatorText(p) || t('op.item.masked')}</span>
              {p.relayedAt && <Tag color="green">{t('op.item.relayed')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Lead and co-handling departments, current and past. */
export function AssignmentTable({ rows }: { rows: Assignment[] }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <Card size="small" title={t('op.field.assignments')} style={{ marginBlockEnd: 16 }}>
      <Table<Assignment>
        size="small"
        pagination={false}
        rowKey={(a) => `${a.departmentId}-${a.role}-${a.createdAt}`}
        dataSource={rows}
        columns={[
          { title: t('op.field.assignments'), dataIndex: 'departmentName' },
          {
            title: t('op.item.colRole'),
            dataIndex: 'role',
            width: 90,
            render: (r) => <Tag>{t(`op.assignRole.${r}`)}</Tag>,
          },
          {
            title: t('op.item.colState'),
            dataIndex: 'active',
            width: 90,
            render: (a) => (a ? <Tag color="processing">{t('op.item.active')}</Tag> : t('op.item.inactive')),
          },
          { title: t('op.item.colAssignedAt'), dataIndex: 'createdAt', width: 150, render: fmtTime },
        ]}
      />
    </Card>
  );
}
