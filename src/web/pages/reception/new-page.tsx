// /reception/new: schedule a day; the slot generator cuts start–end into equal slots and previews the count.
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { applyApiError } from '../../components/errors';

interface Values {
  title: string;
  date: Dayjs;
  place: string;
  description?: string;
  memberIds: number[];
  from: Dayjs;
  to: Dayjs;
  length: number;
}

const mins = (d?: Dayjs) => (d ? d.hour() * 60 + d.minute() : 0);

/** The scheduling form. */
export function ReceptionNewPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const members = useQuery({
    queryKey: ['members-all'],
    queryFn: () => api<{ items: { id: number; name: string }[] }>('/members?pageSize=500'),
  });
  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  const length = Form.useWatch('length', form);
  const count = length > 0 ? Math.max(0, Math.floor((mins(to) - mins(from)) / length)) : 0;
  const save = useMutation({
    mutationFn: (v: Values) =>
      api<{ id: number }>('/reception-days', {
        body: {
          title: v.title,
          date: v.date.format('YYYY-MM-DD'),
          place: v.place,
          description: v.description ?? '',
          memberIds: v.memberIds,
          slots: { from: v.from.format('HH:mm'), to: v.to.format('HH:mm'), length: v.length },
        },
      }),
    onSuccess: (d) => {
      message.success(t('rcp.done'));
      navigate(`/reception/${d.id}`);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  const req = [{ required: true, message: t('rcp.required') }];
  return (
    <Card title={t('rcp.new')} style={{ maxWidth: 720 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ length: 30, memberIds: me?.memberId ? [me.memberId] : [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="title" label={t('rcp.f.title')} rules={req}>
          <Input data-testid="rcp-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="date" label={t('rcp.f.date')} rules={req}>
          <DatePicker data-testid="rcp-date" />
        </Form.Item>
        <Form.Item name="place" label={t('rcp.f.place')} rules={req}>
          <Input data-testid="rcp-place" maxLength={200} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('rcp.f.members')} rules={req}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={members.isLoading}
            options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item label={t('rcp.f.slots')} extra={t('rcp.preview', { n: count })} required>
          <Space.Compact>
            <Form.Item name="from" noStyle rules={req}>
              <TimePicker format="HH:mm" minuteStep={5} placeholder={t('rcp.f.from')} data-testid="rcp-from" />
            </Form.Item>
            <Form.Item name="to" noStyle rules={req}>
              <TimePicker format="HH:mm" minuteStep={5} placeholder={t('rcp.f.to')} data-testid="rcp-to" />
            </Form.Item>
            <Form.Item name="length" noStyle rules={req}>
              <InputNumber min={5} max={240} addonAfter={t('rcp.f.length')} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="description" label={t('rcp.f.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rcp-save">
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}
