// 述职评议: the evaluations of a member's yearly report, and the office's form to record one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Radio, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';

interface Evaluation {
  id: number;
  evaluatorKind: 'representative' | 'staff';
  evaluatorName: string;
  representativeName: string;
  grade: 'excellent' | 'good' | 'fair' | 'poor';
  comment: string;
  createdAt: string;
}
const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;

/** Evaluations card of the member page. */
export function EvaluationsPanel({ year, memberId, canAdd }: { year: number; memberId: number; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const url = `/assessments/${year}/members/${memberId}/evaluations`;
  const q = useQuery({
    queryKey: ['assessment-evaluations', year, memberId],
    queryFn: () => api<{ items: Evaluation[] }>(url),
  });
  const add = useMutation({
    mutationFn: (v: any) =>
      api(url, { body: { ...v, representativeId: v.evaluatorKind === 'representative' ? v.representativeId : null } }),
    onSuccess: () => {
      message.success(t('asmt.member.evaluationSaved'));
      setOpen(false);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['assessment-evaluations'] });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const kind = Form.useWatch('evaluatorKind', form);
  return (
    <Card
      size="small"
      title={t('asmt.member.evaluations')}
      extra={
        canAdd ? (
          <Button size="small" onClick={() => setOpen(true)} data-testid="asmt-add-evaluation">
            {t('asmt.member.addEvaluation')}
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('asmt.member.none') }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag>{t(`asmt.evaluatorKind.${e.evaluatorKind}`)}</Tag>
                  {e.evaluatorName} · {t(`asmt.grade.${e.grade}`)}
                </>
              }
              description={e.comment}
            />
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('asmt.member.addEvaluation')}
        onCancel={() => setOpen(false)}
        onOk={() => form.validateFields().then((v) => add.mutate(v))}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ evaluatorKind: 'staff', grade: 'good' }}>
          <Form.Item name="evaluatorKind" rules={[{ required: true }]}>
            <Radio.Group
              options={(['staff', 'representative'] as const).map((k) => ({
                value: k,
                label: t(`asmt.evaluatorKind.${k}`),
              }))}
            />
          </Form.Item>
          {kind === 'representative' ? (
            <Form.Item name="representativeId" label={t('asmt.member.representative')} rules={[{ required: true }]}>
              <InputNumber min={1} style={{ inlineSize: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item name="evaluatorName" label={t('asmt.member.evaluator')} rules={[{ required: true }]}>
            <Input maxLength={50} data-testid="asmt-evaluator-name" />
          </Form.Item>
          <Form.Item name="grade" rules={[{ required: true }]}>
            <Select options={GRADES.map((g) => ({ value: g, label: t(`asmt.grade.${g}`) }))} />
          </Form.Item>
          <Form.Item name="comment" label={t('asmt.member.comment')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
