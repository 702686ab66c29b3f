// The outcomes of a consultation (or a department's work list): progress bars, deadlines, overdue tags, actions.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { ConsultationTimeline } from './timeline';

/** Outcome rows with the progress and grade dialogs; `onChanged` refreshes the page after a write. */
export function OutcomesTable({
  outcomes,
  onChanged,
  showTopic,
}: {
  outcomes: any[];
  onChanged: () => void;
  showTopic?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [edit, setEdit] = useState<{ o: any; mode: 'progress' | 'grade' } | null>(null);
  const save = useMutation({
    mutationFn: (v: any) =>
      api(`/consultations/${edit!.o.consultationId}/outcomes/${edit!.o.id}/${edit!.mode}`, { body: v }),
    onSuccess: () => {
      message.success(t('cst.done'));
      setEdit(null);
      onChanged();
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const open = (o: any, mode: 'progress' | 'grade') => {
    form.resetFields();
    form.setFieldsValue(mode === 'progress' ? { progress: o.progress } : { grade: o.grade ?? 'A' });
    setEdit({ o, mode });
  };
  return (
    <>
      <Table
        rowKey="id"
        dataSource={outcomes}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (o: any) => !!o.events?.length,
          expandedRowRender: (o: any) => <ConsultationTimeline events={o.events} testid="cst-outcome-timeline" />,
        }}
        columns={[
          ...(showTopic ? [{ title: t('cst.f.topic'), dataIndex: 'topic' }] : []),
          { title: t('cst.f.content'), dataIndex: 'content' },
          { title: t('cst.f.department'), dataIndex: 'departmentName' },
          {
            title: t('cst.f.deadline'),
            dataIndex: 'deadline',
            render: (v, o: any) => (
              <Space>
                {v}
                {o.overdue && <Tag color="red">{t('cst.f.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('cst.f.progress'),
            dataIndex: 'progress',
            render: (p) => <Progress percent={p} size="small" style={{ minInlineSize: 100 }} />,
          },
          { title: t('cst.f.status'), dataIndex: 'status', render: (s) => t(`cst.outcome.${s}`) },
          { title: t('cst.f.grade'), dataIndex: 'grade' },
          {
            key: 'a',
            render: (_, o: any) => (
              <Space>
                {o.abilities?.canProgress && (
                  <Button size="small" onClick={() => open(o, 'progress')} data-testid={`cst-progress-${o.id}`}>
                    {t('cst.update')}
                  </Button>
                )}
                {o.abilities?.canGrade && (
                  <Button size="small" onClick={() => open(o, 'grade')} data-testid={`cst-grade-${o.id}`}>
                    {t('cst.gradeIt')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!edit}
        title={edit?.mode === 'grade' ? t('cst.gradeIt') : t('cst.update')}
        onCancel={() => setEdit(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {edit?.mode === 'grade' ? (
            <Form.Item name="grade" label={t('cst.f.grade')} rules={[{ required: true, message: t('cst.required') }]}>
              <Select options={['A', 'B', 'C'].map((g) => ({ value: g, label: g }))} />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="progress"
                label={t('cst.f.progress')}
                rules={[{ required: true, message: t('cst.required') }]}
              >
                <InputNumber min={edit?.o.progress ?? 0} max={100} addonAfter="%" />
              </Form.Item>
              <Form.Item name="note" label={t('cst.f.note')} rules={[{ required: true, message: t('cst.required') }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="cst-note" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
