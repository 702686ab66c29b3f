// The 采用 / 批示 panel of an issued bulletin: the list, and a form to record or edit one (staff).
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import type { BulletinDetail, Outcome } from './types';

/** Outcomes of one issue; `onChange` receives the refreshed issue after a write. */
export function OutcomesPanel({ b, onChange }: { b: BulletinDetail; onChange: (b: BulletinDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const [open, setOpen] = useState<Outcome | 'new' | null>(null);
  const can = b.abilities.canRecordOutcome;

  const start = (o: Outcome | 'new') => {
    form.resetFields();
    if (o !== 'new') form.setFieldsValue({ ...o, date: dayjs(o.date) });
    else form.setFieldsValue({ kind: 'adoption', level: 'county', date: dayjs() });
    setOpen(o);
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, date: v.date.format('YYYY-MM-DD') };
    if (body.kind === 'adoption') delete body.leaderName;
    else delete body.level;
    try {
      const path =
        open === 'new' ? `/bulletins/${b.id}/outcomes` : `/bulletins/${b.id}/outcomes/${(open as Outcome).id}`;
      onChange(await api<BulletinDetail>(path, { method: open === 'new' ? 'POST' : 'PATCH', body }));
      setOpen(null);
    } catch (e) {
      message.error(applyApiError(e, form));
    }
  };
  const remove = async (o: Outcome) => {
    try {
      onChange(await api<BulletinDetail>(`/bulletins/${b.id}/outcomes/${o.id}`, { method: 'DELETE' }));
    } catch (e) {
      message.error(applyApiError(e));
    }
  };

  return (
    <Card
      title={t('bl.field.outcomes')}
      size="small"
      extra={
        can && (
          <Button size="small" type="primary" data-testid="bl-outcome-add" onClick={() => start('new')}>
            {t('bl.act.addOutcome')}
          </Button>
        )
      }
    >
      <List
        dataSource={b.outcomes}
        locale={{ emptyText: t('bl.none') }}
        renderItem={(o) => (
          <List.Item
            data-testid="bl-outcome"
            data-kind={o.kind}
            data-level={o.level ?? ''}
            actions={
              can
                ? [
                    <a key="e" onClick={() => start(o)}>
                      {t('bl.act.edit')}
                    </a>,
                    <Popconfirm key="d" title={t('bl.act.confirmDelete')} onConfirm={() => remove(o)}>
                      <a>{t('bl.act.delete')}</a>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={o.kind === 'adoption' ? 'gold' : 'red'}>
                    {o.kind === 'adoption' ? t(`bl.level.${o.level}`) : `${t('bl.kind.instruction')} · ${o.leaderName}`}
                  </Tag>
                  {o.date}
                </Space>
              }
              description={[o.text, o.followUp && `${t('bl.field.followUp')}：${o.followUp}`].filter(Boolean).join(' ')}
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!open}
        title={t('bl.act.addOutcome')}
        onOk={save}
        okButtonProps={{ 'data-testid': 'bl-outcome-ok' } as any}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('bl.field.kind')} rules={[{ required: true }]}>
            <Select
              data-testid="bl-outcome-kind"
              options={['adoption', 'instruction'].map((k) => ({ value: k, label: t(`bl.kind.${k}`) }))}
            />
          </Form.Item>
          {kind === 'instruction' ? (
            <Form.Item name="leaderName" label={t('bl.field.leaderName')} rules={[{ required: true, max: 50 }]}>
              <Input />
            </Form.Item>
          ) : (
            <Form.Item name="level" label={t('bl.field.level')} rules={[{ required: true }]}>
              <Select
                data-testid="bl-outcome-level"
                options={['county', 'city', 'province', 'national'].map((k) => ({
                  value: k,
                  label: t(`bl.level.${k}`),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item name="date" label={t('bl.field.date')} rules={[{ required: true }]}>
            <DatePicker data-testid="bl-outcome-date" />
          </Form.Item>
          <Form.Item
            name="text"
            label={t(kind === 'instruction' ? 'bl.field.text' : 'bl.field.note')}
            rules={[{ required: kind === 'instruction', max: 2000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="followUp" label={t('bl.field.followUp')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
