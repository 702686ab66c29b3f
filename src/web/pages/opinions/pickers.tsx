// Search pickers for the transition forms, so nobody types an internal number: the item to merge into (by tracking
// code or title; similar items first), the draft bulletin issue (by title or 期号) and the proposal (by title or 编号).
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api';

/** A remote-search Select value contract, as antd Form.Item passes it. */
interface PickerProps {
  value?: number;
  onChange?: (v: number | undefined) => void;
  'data-testid'?: string;
}

interface Option {
  value: number;
  label: string;
  hint?: string;
}

/** The typed text, settled for 300 ms before it goes to the server. */
function useDebounced(text: string, ms = 300) {
  const [v, setV] = useState(text);
  useEffect(() => {
    const h = setTimeout(() => setV(text.trim()), ms);
    return () => clearTimeout(h);
  }, [text, ms]);
  return v;
}

/** The shared Select: server-side search, the chosen option kept while other results load. */
function SearchSelect({
  options,
  loading,
  placeholder,
  onSearch,
  value,
  onChange,
  ...rest
}: PickerProps & { options: Option[]; loading: boolean; placeholder: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Option | null>(null);
  const all = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      data-testid={rest['data-testid']}
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? undefined : t('ops.picker.none')}
      style={{ inlineSize: '100%' }}
      options={all.map((o) => ({ value: o.value, label: o.label, hint: o.hint }))}
      optionRender={(o) => (
        <span>
          {o.label}{' '}
          {(o.data as { hint?: string }).hint && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {(o.data as { hint?: string }).hint}
            </Typography.Text>
          )}
        </span>
      )}
      onChange={(v: number | undefined) => {
        setChosen(all.find((o) => o.value === v) ?? null);
        onChange?.(v);
      }}
    />
  );
}

/** One row of GET /opinions/:id/similar, as far as the picker reads it. */
interface SimilarRow {
  id: number;
  trackingCode: string | null;
  title: string;
  status: string;
  abilities: { canMergeInto: boolean };
}

/** Statuses an item may not be merged into (the server refuses them too). */
const DEAD = new Set(['merged', 'not_accepted']);

/** The item to merge into: the similar items while nothing is typed, else the inbox search (tracking code or text). */
export function OpinionPicker({ itemId, ...props }: PickerProps & { itemId: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text);
  // Same key and shape as the similar-items panel, so the page asks once.
  const similar = useQuery({
    queryKey: ['opinion', itemId, 'similar'],
    queryFn: async () => (await api<{ items: SimilarRow[] }>(`/opinions/${itemId}/similar`)).items,
    enabled: !q,
    staleTime: 60_000,
  });
  const search = useQuery({
    queryKey: ['/opinions', 'merge-picker', q],
    queryFn: () =>
      api<{ items: { id: number; trackingCode: string | null; title: string; status: string; statusLabel: string }[] }>(
        `/opinions${qs({ q, pageSize: 20 })}`,
      ),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const rows = q
    ? (search.data?.items ?? []).filter((o) => o.id !== itemId && !DEAD.has(o.status))
    : (similar.data ?? []).filter((o) => o.abilities.canMergeInto);
  const options = rows.map((o) => ({
    value: o.id,
    label: [o.trackingCode, o.title].filter(Boolean).join(' '),
    hint: q ? t(`op.status.${o.status}`) : t('ops.picker.similar'),
  }));
  return (
    <SearchSelect
      {...props}
      options={options}
      loading={q ? search.isFetching : similar.isFetching}
      placeholder={t('ops.picker.opinion')}
      onSearch={setText}
    />
  );
}

/** A draft 《社情民意》 issue that can still take items, by title or issue number. */
export function BulletinPicker(props: PickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text);
  const list = useQuery({
    queryKey: ['/bulletins', 'picker', q],
    queryFn: () =>
      api<{ items: { id: number; year: number; number: number | null; title: string; categoryName: string | null }[] }>(
        `/bulletins${qs({ status: 'draft', q, pageSize: 20 })}`,
      ),
    staleTime: 30_000,
  });
  const options = (list.data?.items ?? []).map((b) => ({
    value: b.id,
    label: `${b.number ? t('bl.list.issueNo', { year: b.year, number: b.number }) : t('ops.picker.draft')} · ${b.title}`,
    hint: b.categoryName ?? undefined,
  }));
  return (
    <SearchSelect
      {...props}
      options={options}
      loading={list.isFetching}
      placeholder={t('ops.picker.bulletin')}
      onSearch={setText}
    />
  );
}

/** A proposal the item becomes part of, by title or number (2026年第5号). */
export function ProposalPicker(props: PickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text);
  const list = useQuery({
    queryKey: ['/proposals', 'picker', q],
    queryFn: () =>
      api<{
        items: {
          id: number;
          year: number;
          number: number | null;
          title: string;
          statusLabel: string;
          proposerName: string;
        }[];
      }>(`/proposals${qs({ q, pageSize: 20 })}`),
    staleTime: 30_000,
  });
  const options = (list.data?.items ?? []).map((p) => ({
    value: p.id,
    label: [p.number ? t('prp.field.numberValue', { year: p.year, number: p.number }) : null, p.title]
      .filter(Boolean)
      .join(' · '),
    hint: [p.proposerName, p.statusLabel].filter(Boolean).join(' · '),
  }));
  return (
    <SearchSelect
      {...props}
      options={options}
      loading={list.isFetching}
      placeholder={t('ops.picker.proposal')}
      onSearch={setText}
    />
  );
}
