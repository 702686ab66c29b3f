// /bulletins/new and /bulletins/:id/edit: pick items, write the edited text with a live count against the limit.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, qs } from '../../api';
import { applyApiError } from '../../components/errors';
import { PageHead } from '../office/components/page-head';
import { useCategoryTree } from '../opinions/lookups';
import type { BulletinDetail } from './types';

/** Characters counted as the server counts them: everything except whitespace. */
export const countChars = (s: string) => [...s].filter((ch) => !/\s/.test(ch)).length;

type ItemOption = { value: number; label: string };

/** Remote search over the 社情民意 inbox for the item picker. */
function useItemSearch() {
  const [q, setQ] = useState('');
  const res = useQuery({
    queryKey: ['/opinions', 'bulletin-pick', q],
    queryFn: () =>
      api<{ items: { id: number; trackingCode: string; title: string; statusLabel: string; isInBulletin: boolean }[] }>(
        `/opinions${qs({ q: q || undefined, compilable: 1, pageSize: 50 })}`,
      ),
  });
  const options: ItemOption[] = (res.data?.items ?? [])
    .filter((o) => !o.isInBulletin)
    .map((o) => ({ value: o.id, label: `${o.title}（${o.trackingCode} · ${o.statusLabel}）` }));
  return { options, setQ, loading: res.isFetching };
}

/** The editor form (new when there is no :id). */
export function BulletinEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { id } = useParams();
  const [form] = Form.useForm();
  const body: string = Form.useWatch('body', form) ?? '';
  const categories = useCategoryTree();
  const search = useItemSearch();
  const [picked, setPicked] = useState<ItemOption[]>([]);
  const settings = useQuery({
    queryKey: ['/settings/bulletins'],
    queryFn: () => api<{ maxChars: number }>('/settings/bulletins'),
  });
  const existing = useQuery({
    queryKey: ['/bulletins', id],
    queryFn: () => api<BulletinDetail>(`/bulletins/${id}`),
    enabled: !!id,
  });
  useEffect(() => {
    if (existing.data) form.setFieldsValue(existing.data);
  }, [existing.data, form]);
  const max = settings.data?.maxChars ?? 1500;
  const count = countChars(body);
  const [saving, setSaving] = useState(false);

  const save = async (v: any) => {
    setSaving(true);
    try {
      const payload = {
        title: v.title,
        body: v.body ?? '',
        categoryId: v.categoryId ?? null,
        distribution: v.distribution ?? '',
      };
      const res = id
        ? await api<BulletinDetail>(`/bulletins/${id}`, { method: 'PATCH', body: payload })
        : await api<BulletinDetail>('/bulletins', { body: { ...payload, opinionIds: v.opinionIds } });
      await client.invalidateQueries({ queryKey: ['/bulletins'] });
      navigate(`/bulletins/${res.id}`);
    } catch (e) {
      message.error(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };

  const options = [...picked, ...search.options.filter((o) => !picked.some((p) => p.value === o.value))];
  return (
    <div>
      <PageHead title={t(id ? 'bl.editor.editTitle' : 'bl.editor.newTitle')} />
      <Card>
        <Form form={form} layout="vertical" onFinish={save} style={{ maxInlineSize: 860 }}>
          {id ? (
            <Form.Item label={t('bl.field.items')}>
              {(existing.data?.items ?? []).map((it) => (
                <div key={it.id}>{`${it.title}（${it.trackingCode}）`}</div>
              ))}
            </Form.Item>
          ) : (
            <Form.Item name="opinionIds" label={t('bl.editor.pickItems')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                showSearch
                data-testid="bl-items"
                filterOption={false}
                placeholder={t('bl.editor.pickHint')}
                onSearch={search.setQ}
                loading={search.loading}
                options={options}
                onChange={(_, opts) => setPicked(opts as ItemOption[])}
              />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('bl.field.title')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="bl-title" />
          </Form.Item>
          <Form.Item name="categoryId" label={t('bl.field.category')} extra={t('bl.editor.categoryAuto')}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={categories.data ?? []} data-testid="bl-category" />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('bl.field.body')}
            rules={[{ required: true }]}
            extra={
              <Typography.Text type={count > max ? 'danger' : 'secondary'} data-testid="bl-count">
                {t('bl.editor.count', { count: count.toLocaleString('en-US'), max: max.toLocaleString('en-US') })}
                {count > max && ` · ${t('bl.editor.over', { over: count - max })}`}
              </Typography.Text>
            }
          >
            <Input.TextArea data-testid="bl-body" autoSize={{ minRows: 12, maxRows: 30 }} />
          </Form.Item>
          <Form.Item name="distribution" label={t('bl.field.distribution')} extra={t('bl.field.distributionHint')}>
            <Input.TextArea data-testid="bl-distribution" autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} disabled={count > max} data-testid="bl-save">
            {t('bl.editor.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
