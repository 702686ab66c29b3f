// The inbox's saved views: pick one to apply its filters (the URL query), save the current filters, delete a view.
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';

/** One saved view as GET /saved-views answers it. */
interface SavedView {
  id: number;
  name: string;
  query: Record<string, string>;
}

const KEY = ['/saved-views', 'opinions'];

/** Two query objects name the same filters (order of keys aside). */
const same = (a: Record<string, string>, b: Record<string, unknown>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => String(b[k]) === a[k]);
};

function SaveModal({ query, onClose }: { query: Record<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { name: string }) => api('/saved-views', { body: { name: v.name, query } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: KEY });
      message.success(t('op.views.saved'));
      onClose();
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      destroyOnHidden
      title={t('op.views.save')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'op-view-save-ok' } as any}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('op.views.name')}
          rules={[{ required: true, whitespace: true, message: t('msg.required') }]}
        >
          <Input maxLength={50} data-testid="op-view-name" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The views dropdown with save and delete; `query` is the inbox's current URL query, `onApply` sets a new one. */
export function SavedViews({
  query,
  onApply,
}: {
  query: Record<string, string>;
  onApply: (q: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [saving, setSaving] = useState(false);
  const views = useQuery({
    queryKey: KEY,
    queryFn: async () => (await api<{ items: SavedView[] }>('/saved-views?scope=opinions')).items,
  });
  const current = views.data?.find((v) => same(v.query, query));
  const remove = useMutation({
    mutationFn: (id: number) => api(`/saved-views/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: KEY });
      message.success(t('op.views.deleted'));
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  return (
    <Space wrap style={{ marginBlockEnd: 12 }}>
      <Select
        data-testid="op-views"
        placeholder={t('op.views.placeholder')}
        aria-label={t('op.views.placeholder')}
        loading={views.isLoading}
        value={current?.id}
        onChange={(id) => {
          const v = views.data?.find((x) => x.id === id);
          if (v) onApply(v.query);
        }}
        options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        style={{ minWidth: 180 }}
      />
      {current && (
        <Popconfirm
          title={t('op.views.deleteConfirm', { name: current.name })}
          onConfirm={() => remove.mutate(current.id)}
          okText={t('action.delete')}
          cancelText={t('action.cancel')}
        >
          <Button icon={<DeleteOutlined />} data-testid="op-view-delete" aria-label={t('op.views.delete')} />
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} data-testid="op-view-save" onClick={() => setSaving(true)}>
        {t('op.views.save')}
      </Button>
      {saving && <SaveModal query={query} onClose={() => setSaving(false)} />}
    </Space>
  );
}
