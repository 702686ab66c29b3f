// Picks the people met from the member's own representatives: a searchable list of big check rows.
import { useQueries } from '@tanstack/react-query';
import { Checkbox, Empty, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, qs } from '../../../api';
import { type ContactLite, useMembersReps } from '../lookups';

const isAscii = (s: string) => /^[a-z]+$/i.test(s);

/** Form control (value: representative ids). Searches by name, post, unit, village; latin letters also match pinyin initials. */
export function ContactPicker({
  memberIds,
  known = [],
  value = [],
  onChange,
  maxHeight = 320,
}: {
  memberIds: number[];
  known?: Array<{ id: number; name: string }>;
  value?: number[];
  onChange?: (v: number[]) => void;
  maxHeight?: number;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { contacts, loading } = useMembersReps(memberIds);
  const term = q.trim();
  const pinyin = useQueries({
    queries: memberIds.map((memberId) => ({
      queryKey: ['/representatives', 'pinyin', memberId, term],
      queryFn: () => api<{ items: ContactLite[] }>(`/representatives${qs({ memberId, q: term, pageSize: 100 })}`),
      enabled: isAscii(term),
      staleTime: 60_000,
    })),
  });
  const pinyinIds = new Set(pinyin.flatMap((p) => p.data?.items.map((c) => c.id) ?? []));
  const all = new Map<number, ContactLite>();
  for (const k of known) all.set(k.id, { post: '', workUnit: '', regionName: null, departmentName: null, ...k });
  for (const c of contacts) all.set(c.id, c);
  const matches = (c: ContactLite) =>
    !term ||
    pinyinIds.has(c.id) ||
    [c.name, c.post, c.workUnit, c.regionName, c.departmentName].some((s) =>
      s?.toLowerCase().includes(term.toLowerCase()),
    );
  const shown = [...all.values()].filter(matches);
  const toggle = (id: number) => onChange?.(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);
  return (
    <div data-testid="record-contacts">
      <Input.Search
        allowClear
        placeholder={t('field.record.contactSearch')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBlockEnd: 8 }}
        data-testid="record-contacts-search"
      />
      {value.length > 0 && (
        <div style={{ marginBlockEnd: 8, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
          {value.map((id) => (
            <Tag key={id} closable onClose={() => toggle(id)} color="red">
              {all.get(id)?.name ?? `#${id}`}
            </Tag>
          ))}
        </div>
      )}
      <div style={{ maxHeight, overflowY: 'auto', border: '1px solid #f0f0f0', borderRadius: 6 }}>
        {shown.length === 0 && !loading && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={memberIds.length ? t('field.record.noContacts') : t('field.record.pickMemberFirst')}
          >
            {memberIds.length > 0 && <Link to="/representatives/new">{t('field.rep.new')}</Link>}
          </Empty>
        )}
        {shown.map((c) => {
          const sub = [c.post || c.workUnit, c.regionName ?? c.departmentName].filter(Boolean).join(' · ');
          return (
            <label
              key={c.id}
              data-testid={`record-contact-${c.id}`}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 12,
                paddingBlock: 10,
                paddingInline: 12,
                borderBlockEnd: '1px solid #f5f5f5',
                cursor: 'pointer',
                minHeight: 48,
              }}
            >
              <Checkbox checked={value.includes(c.id)} onChange={() => toggle(c.id)} aria-label={c.name} />
              <span style={{ flex: 1, minWidth: 0 }}>
                <strong>{c.name}</strong>
                {sub && (
                  <Typography.Text type="secondary" style={{ display: 'block' }} ellipsis>
                    {sub}
                  </Typography.Text>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}
