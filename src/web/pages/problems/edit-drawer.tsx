// Edits a problem's fields: title, summary, goal, outcome, departments and whether the public pages show it.
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { DepartmentSelect } from '../../components/department-select';
import { applyApiError } from '../../components/errors';
import { useRefreshProblem } from './bits';
import type { ProblemDetail } from './types';

/** The edit drawer; closes after a save. */
export function EditDrawer({ problem, onClose }: { problem: ProblemDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const refresh = useRefreshProblem(problem.id);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api(`/problems/${problem.id}`, { method: 'PATCH', body: v }),
    onSuccess: () => {
      message.success(t('msg.saved'));
      refresh();
      onClose();
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Drawer
      open
      title={t('prb.edit')}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="prb-edit-save">
            {t('action.save')}
          </Button>
        </Flex>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: problem.title,
          summary: problem.summary,
          goal: problem.goal,
          outcome: problem.outcome,
          leadDepartmentId: problem.leadDepartmentId ?? undefined,
          departmentIds: problem.departments.map((d) => d.id),
          published: problem.published,
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate({ ...v, leadDepartmentId: v.leadDepartmentId ?? null, departmentIds: v.departmentIds ?? [] });
        }}
      >
        <Form.Item name="title" label={t('prb.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} data-testid="prb-e-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('prb.field.summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="goal" label={t('prb.field.goal')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="outcome" label={t('prb.field.outcome')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="leadDepartmentId" label={t('prb.field.lead')}>
          <DepartmentSelect />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('prb.field.coDepartments')}>
          <DepartmentSelect mode="multiple" />
        </Form.Item>
        <Form.Item
          name="published"
          label={t('prb.field.published')}
          valuePropName="checked"
          extra={t('prb.field.publishedHint')}
        >
          <Switch data-testid="prb-e-published" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
