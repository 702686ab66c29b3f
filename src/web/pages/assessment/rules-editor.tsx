// The year's rule table, edited by the office: scheme figures, lines (add/edit/remove), copy from a year, close the year.
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_SOURCES } from '../../../core/assessment';
import { ApiError, api } from '../../api';
import { applyApiError } from '../../components/errors';
import type { Scheme, YearInfo } from './types';

const EMPTY_LINE = { name: '', source: 'activities', points: 1, cap: null, isDeduction: false, note: '' };

/** The PUT body from the form store (which also holds ids and read-only fields). */
function bodyOf(v: any) {
  return {
    schemeName: v.schemeName,
    fullMarks: v.fullMarks,
    baseScore: v.baseScore ?? 0,
    talkThreshold: v.talkThreshold ?? 0,
    rules: (v.rules ?? []).map((r: any) => ({
      ...(r.id ? { id: r.id } : {}),
      name: r.name,
      source: r.source,
      points: r.points ?? 0,
      cap: r.cap ?? null,
      isDeduction: Boolean(r.isDeduction),
      note: r.note ?? '',
    })),
  };
}

/** Rule table of one year (read-only unless the server says canEdit). */
export function RulesEditor({ year, years }: { year: number; years: YearInfo[] }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [from, setFrom] = useState<number>();
  const q = useQuery({
    queryKey: ['assessment-scheme', year],
    queryFn: () => api<Scheme>(`/assessment-rules/${year}`),
    retry: false,
  });
  const missing = q.error instanceof ApiError && q.error.status === 404;
  const canEdit = q.data ? q.data.abilities.canEdit : missing;
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
    else if (missing)
      form.setFieldsValue({
        schemeName: `${year}年度委员履职考核`,
        fullMarks: 100,
        baseScore: 0,
        talkThreshold: 60,
        rules: [],
      });
  }, [q.data, missing, form, year]);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['assessment-scheme'] });
    qc.invalidateQueries({ queryKey: ['assessment-years'] });
    qc.invalidateQueries({ queryKey: ['assessment-scores'] });
  };
  const save = useMutation({
    mutationFn: (body: unknown) => api(`/assessment-rules/${year}`, { method: 'PUT', body }),
    onSuccess: () => {
      message.success(t('asmt.scheme.saved'));
      refresh();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const copy = useMutation({
    mutationFn: (fromYear: number) => api(`/assessment-rules/${year}/copy`, { body: { fromYear } }),
    onSuccess: () => {
      message.success(t('asmt.scheme.copied'));
      refresh();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  const close = useMutation({
    mutationFn: () => api(`/assessments/${year}/close`, { method: 'POST', body: {} }),
    onSuccess: () => {
      message.success(t('asmt.scheme.closed'));
      refresh();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  const others = years.filter((y) => y.year !== year).map((y) => ({ value: y.year, label: String(y.year) }));
  return (
    <Flex vertical gap={12}>
      {q.data?.status === 'closed' ? <Alert type="info" showIcon message={t('asmt.scheme.closedHint')} /> : null}
      {canEdit ? (
        <Flex wrap gap={8} justify="space-between">
          <Space wrap>
            <Select
              placeholder={t('asmt.scheme.copyFrom')}
              options={others}
              value={from}
              onChange={setFrom}
              style={{ minWidth: 160 }}
              data-testid="asmt-copy-from"
            />
            <Button
              disabled={!from}
              loading={copy.isPending}
              onClick={() =>
                modal.confirm({ content: t('asmt.scheme.copyConfirm', { from }), onOk: () => copy.mutateAsync(from!) })
              }
              data-testid="asmt-copy"
            >
              {t('asmt.scheme.copy')}
            </Button>
          </Space>
          {q.data?.abilities.canClose ? (
            <Button
              danger
              icon={<LockOutlined />}
              loading={close.isPending}
              onClick={() =>
                modal.confirm({ content: t('asmt.scheme.closeConfirm', { year }), onOk: () => close.mutateAsync() })
              }
              data-testid="asmt-close-year"
            >
              {t('asmt.scheme.close')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        onFinish={() => save.mutate(bodyOf(form.getFieldsValue(true)))}
      >
        <Card size="small">
          <Flex wrap gap={12}>
            <Form.Item
              name="schemeName"
              label={t('asmt.scheme.name')}
              rules={[{ required: true }]}
              style={{ minWidth: 280, flex: 1 }}
            >
              <Input maxLength={80} data-testid="asmt-scheme-name" />
            </Form.Item>
            <Form.Item name="fullMarks" label={t('asmt.scheme.fullMarks')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} />
            </Form.Item>
            <Form.Item name="baseScore" label={t('asmt.scheme.baseScore')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
            <Form.Item name="talkThreshold" label={t('asmt.scheme.talkThreshold')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
          </Flex>
        </Card>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 'max-content' }}
              footer={
                canEdit
                  ? () => (
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => add({ ...EMPTY_LINE })}
                        data-testid="asmt-add-line"
                      >
                        {t('asmt.scheme.addLine')}
                      </Button>
                    )
                  : undefined
              }
              columns={[
                {
                  title: t('asmt.col.item'),
                  render: (_v, f) => (
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} noStyle>
                      <Input maxLength={60} style={{ minWidth: 180 }} data-testid={`asmt-line-name-${f.name}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('asmt.col.source'),
                  render: (_v, f) => (
                    <Form.Item name={[f.name, 'source']} rules={[{ required: true }]} noStyle>
                      <Select
                        style={{ minWidth: 200 }}
                        options={ASSESSMENT_SOURCES.map((s) => ({ value: s.code, label: t(`asmt.source.${s.code}`) }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('asmt.col.points'),
                  render: (_v, f) => (
                    <Form.Item name={[f.name, 'points']} rules={[{ required: true }]} noStyle>
                      <InputNumber min={0} max={1000} step={0.5} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('asmt.col.cap'),
                  render: (_v, f) => (
                    <Form.Item name={[f.name, 'cap']} noStyle>
                      <InputNumber min={0} max={1000} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('asmt.col.deduction'),
                  render: (_v, f) => (
                    <Form.Item name={[f.name, 'isDeduction']} valuePropName="checked" noStyle>
                      <Checkbox />
                    </Form.Item>
                  ),
                },
                {
                  title: t('asmt.col.note'),
                  render: (_v, f) => (
                    <Form.Item name={[f.name, 'note']} noStyle>
                      <Input maxLength={200} style={{ minWidth: 160 }} />
                    </Form.Item>
                  ),
                },
                ...(canEdit
                  ? [
                      {
                        key: 'x',
                        render: (_v: unknown, f: { name: number }) => (
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('asmt.scheme.remove')}
                            onClick={() => remove(f.name)}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Form.List>
        {canEdit ? (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            style={{ marginBlockStart: 12 }}
            data-testid="asmt-save-rules"
          >
            {missing ? t('asmt.scheme.create') : t('asmt.scheme.save')}
          </Button>
        ) : null}
      </Form>
    </Flex>
  );
}
