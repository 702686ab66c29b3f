// /problems/new: names a 民生问题 for a township and year and links its items. Coming from a suggestion or the inbox's
// bulk bar, the URL carries the preset (?ids=1,2,3&region=&title=).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { DepartmentSelect } from '../../components/department-select';
import { applyApiError } from '../../components/errors';
import { PageHead } from '../office/components/page-head';
import { useTownshipOptions, yearOptions } from './bits';
import { ItemPicker } from './item-picker';

interface NewValues {
  title: string;
  summary?: string;
  regionId: number;
  year: number;
  goal?: string;
  leadDepartmentId?: number;
  departmentIds?: number[];
  opinionIds?: number[];
}

/** The ids in `?ids=1,2,3` (positive integers only). */
export const idsOf = (s: string | null) =>
  (s ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

/** The create form. */
export function ProblemNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<NewValues>();
  const [error, setError] = useState<string | null>(null);
  const townships = useTownshipOptions();
  const { me } = useAuth();
  const regionId = Form.useWatch('regionId', form);
  const chosen = Form.useWatch('opinionIds', form) ?? [];
  const preset: Partial<NewValues> = {
    title: params.get('title') ?? undefined,
    // A township's information officer works for that township: it is the default.
    regionId: params.get('region') ? Number(params.get('region')) : (me?.townshipId ?? undefined),
    year: new Date().getFullYear(),
    opinionIds: idsOf(params.get('ids')),
  };
  const create = useMutation({
    mutationFn: (v: NewValues) => api<{ id: number }>('/problems', { body: v }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['/problems'] });
      message.success(t('prb.created'));
      navigate(`/problems/${r.id}`, { replace: true });
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <div data-testid="prb-new-page">
      <Breadcrumbs items={[{ label: t('prb.title'), to: '/problems' }, { label: t('prb.new') }]} />
      <PageHead title={t('prb.new')} />
      <Card size="small" style={{ maxWidth: 760 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} data-testid="prb-error" />}
        <Form<NewValues>
          form={form}
          layout="vertical"
          initialValues={preset}
          onFinish={(v) => {
            setError(null);
            create.mutate({ ...v, departmentIds: v.departmentIds ?? [], opinionIds: v.opinionIds ?? [] });
          }}
        >
          <Form.Item name="title" label={t('prb.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input maxLength={200} data-testid="prb-f-title" />
          </Form.Item>
          <Flex wrap gap={12}>
            <Form.Item
              name="regionId"
              label={t('prb.field.region')}
              rules={[{ required: true }]}
              style={{ flex: '1 1 220px' }}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={townships.data ?? []}
                loading={townships.isLoading}
                data-testid="prb-f-region"
              />
            </Form.Item>
            <Form.Item
              name="year"
              label={t('prb.field.year')}
              rules={[{ required: true }]}
              style={{ flex: '0 1 140px' }}
            >
              <Select options={yearOptions()} data-testid="prb-f-year" />
            </Form.Item>
          </Flex>
          <Form.Item name="summary" label={t('prb.field.summary')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="goal" label={t('prb.field.goal')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="prb-f-goal" />
          </Form.Item>
          <Form.Item name="leadDepartmentId" label={t('prb.field.lead')}>
            <DepartmentSelect data-testid="prb-f-lead" />
          </Form.Item>
          <Form.Item name="departmentIds" label={t('prb.field.coDepartments')}>
            <DepartmentSelect mode="multiple" data-testid="prb-f-co" />
          </Form.Item>
          <Form.Item
            name="opinionIds"
            label={`${t('prb.field.linkItems')}${chosen.length ? t('prb.field.chosenN', { count: chosen.length }) : ''}`}
            extra={t('prb.field.linkItemsHint')}
          >
            <ItemPicker regionId={regionId} data-testid="prb-f-items" />
          </Form.Item>
          <Flex gap={8} justify="end">
            <Button onClick={() => navigate(-1)}>{t('action.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="prb-create">
              {t('prb.create')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
