// /proposals/new: a member drafts a proposal, optionally from their own accepted 社情民意 items.
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { PageHead } from '../office/components/page-head';

interface Draft {
  title: string;
  content: string;
  opinionIds?: number[];
}

/** The draft form; saving opens the new proposal. */
export function ProposalNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Draft>();
  const sources = useQuery({
    queryKey: ['/proposals/source-options'],
    queryFn: () => api<{ items: { id: number; title: string }[] }>('/proposals/source-options'),
  });
  const save = useMutation({
    mutationFn: (body: Draft) =>
      api<{ id: number }>('/proposals', { method: 'POST', body: { ...body, opinionIds: body.opinionIds ?? [] } }),
    onSuccess: (p) => {
      message.success(t('prp.form.created'));
      navigate(`/proposals/${p.id}`);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const required = [{ required: true, whitespace: true, message: t('prp.form.required') }];
  return (
    <div data-testid="proposal-new">
      <PageHead title={t('prp.list.new')} />
      <Card>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxInlineSize: 760 }}>
          <Form.Item name="title" label={t('prp.field.title')} rules={required}>
            <Input maxLength={200} data-testid="prp-title" />
          </Form.Item>
          <Form.Item name="content" label={t('prp.field.content')} rules={required}>
            <Input.TextArea rows={10} maxLength={20000} showCount data-testid="prp-content" />
          </Form.Item>
          <Form.Item name="opinionIds" label={t('prp.field.sources')} extra={t('prp.field.sourcesHint')}>
            <Select
              mode="multiple"
              allowClear
              loading={sources.isLoading}
              optionFilterProp="label"
              options={(sources.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }))}
              data-testid="prp-sources"
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="prp-save">
              {t('prp.form.create')}
            </Button>
            <Button onClick={() => navigate('/proposals')}>{t('prp.form.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
