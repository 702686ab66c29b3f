// Before/after of one audit entry side by side, key by key, with the changed keys highlighted.
import { Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : v === null || v === undefined
      ? {}
      : { value: v };

/** Lists every key of before ∪ after; changed keys are marked and can be shown alone. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const b = asObject(before);
  const a = asObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((key) => ({ key, before: b[key], after: a[key], changed: !same(b[key], a[key]) }));
  const changedCount = rows.filter((r) => r.changed).length;
  const [onlyChanged, setOnlyChanged] = useState(before != null && after != null);
  if (!keys.length) return <Typography.Text type="secondary">{t('office.audit.noData')}</Typography.Text>;
  return (
    <div data-testid="audit-diff">
      <div style={{ marginBlockEnd: 8 }}>
        <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />{' '}
        {t('office.audit.onlyChanged', { n: changedCount })}
      </div>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={onlyChanged ? rows.filter((r) => r.changed) : rows}
        rowClassName={(r) => (r.changed ? 'jl-diff-changed' : '')}
        columns={[
          {
            title: t('office.audit.field'),
            dataIndex: 'key',
            width: 180,
            render: (k, r) => (r.changed ? <strong data-testid="audit-diff-changed">{k}</strong> : k),
          },
          {
            title: t('office.audit.before'),
            dataIndex: 'before',
            render: (v, r) => <Cell v={v} kind={r.changed ? 'del' : undefined} />,
          },
          {
            title: t('office.audit.after'),
            dataIndex: 'after',
            render: (v, r) => <Cell v={v} kind={r.changed ? 'ins' : undefined} />,
          },
        ]}
      />
      <style>{'.jl-diff-changed > td { background: #fffbe6 !important; }'}</style>
    </div>
  );
}

function Cell({ v, kind }: { v: unknown; kind?: 'del' | 'ins' }) {
  const text = show(v);
  const color = kind === 'del' ? '#a8071a' : kind === 'ins' ? '#135200' : undefined;
  return (
    <span style={{ color, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontFamily: 'monospace', fontSize: 12 }}>
      {text}
    </span>
  );
}
