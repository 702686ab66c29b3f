// Citizens' reception pages: upcoming days, booking a slot (→ code), looking up and cancelling a booking by code.
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Form, Input, List, Radio, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { PublicLayout } from '../public/public-layout';

/** /public/reception: the upcoming days. */
export function PublicReceptionList() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['pub-rcp'], queryFn: () => api<{ items: any[] }>('/public/reception-days') });
  return (
    <PublicLayout>
      <Card title={t('rcp.pub.heading')} extra={<Link to="/public/reception/booking">{t('rcp.pub.lookup')}</Link>}>
        <Typography.Paragraph type="secondary">{t('rcp.pub.intro')}</Typography.Paragraph>
        <List
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('rcp.pub.none')} /> }}
          renderItem={(d: any) => (
            <List.Item
              actions={[
                <Link key="b" to={`/public/reception/${d.id}`} data-testid={`pub-rcp-${d.id}`}>
                  {t('rcp.pub.book')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={`${d.date} ${d.title}`}
                description={
                  <Space direction="vertical" size={0}>
                    <span>{d.place}</span>
                    <span>{d.members.join('、')}</span>
                    <Tag color={d.freeCount ? 'green' : 'default'}>{t('rcp.pub.free', { n: d.freeCount })}</Tag>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </PublicLayout>
  );
}

/** /public/reception/:id: pick a free slot and book it. */
export function PublicReceptionBook() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [code, setCode] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['pub-rcp', id], queryFn: () => api<any>(`/public/reception-days/${id}`) });
  const book = useMutation({
    mutationFn: (v: any) =>
      api<{ code: string }>(`/public/reception-days/${id}/bookings`, { body: { ...v, website: '' } }),
    onSuccess: (r) => setCode(r.code),
    onError: (e) => {
      message.error(applyApiError(e, form));
      q.refetch();
    },
  });
  const d = q.data;
  if (code)
    return (
      <PublicLayout>
        <Result
          status="success"
          title={t('rcp.pub.codeTitle')}
          subTitle={
            <>
              {t('rcp.pub.codeText')}
              <Typography.Title level={3} copyable data-testid="pub-rcp-code">
                {code}
              </Typography.Title>
            </>
          }
          extra={<Link to={`/public/reception/booking/${code}`}>{t('rcp.pub.lookup')}</Link>}
        />
      </PublicLayout>
    );
  const req = [{ required: true, message: t('rcp.required') }];
  return (
    <PublicLayout>
      <Card loading={q.isLoading} title={d && `${d.date} ${d.title}`}>
        {d && (
          <>
            <Typography.Paragraph>
              {d.place} · {d.members.join('、')}
            </Typography.Paragraph>
            {!d.bookable ? (
              <Typography.Text type="warning">{t('rcp.pub.closed')}</Typography.Text>
            ) : (
              <Form form={form} layout="vertical" onFinish={(v) => book.mutate(v)}>
                <Form.Item name="slotId" label={t('rcp.pub.pick')} rules={req}>
                  <Radio.Group>
                    {d.slots.map((s: any) => (
                      <Radio.Button key={s.id} value={s.id} disabled={!s.free} data-testid={`pub-slot-${s.start}`}>
                        {s.start}–{s.end} {!s.free && t('rcp.pub.taken')}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="name" label={t('rcp.f.name')} rules={req}>
                  <Input maxLength={50} data-testid="pub-rcp-name" />
                </Form.Item>
                <Form.Item name="phone" label={t('rcp.f.phone')} rules={req}>
                  <Input maxLength={40} inputMode="tel" data-testid="pub-rcp-phone" />
                </Form.Item>
                <Form.Item name="topic" label={t('rcp.f.topic')} rules={req}>
                  <Input.TextArea rows={3} maxLength={500} data-testid="pub-rcp-topic" />
                </Form.Item>
                <Form.Item
                  name="consent"
                  valuePropName="checked"
                  rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(t('rcp.required'))) }]}
                >
                  <Checkbox data-testid="pub-rcp-consent">{t('rcp.pub.consent')}</Checkbox>
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  size="large"
                  loading={book.isPending}
                  data-testid="pub-rcp-submit"
                >
                  {t('rcp.pub.submit')}
                </Button>
              </Form>
            )}
          </>
        )}
      </Card>
    </PublicLayout>
  );
}

/** /public/reception/booking[/:code]: see and cancel one's own booking. */
export function PublicReceptionBooking() {
  const { code } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['pub-rcp-b', code],
    enabled: !!code,
    retry: false,
    queryFn: () => api<any>(`/public/reception-bookings/${encodeURIComponent(code ?? '')}`),
  });
  const cancel = useMutation({
    mutationFn: () => api(`/public/reception-bookings/${encodeURIComponent(code ?? '')}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('rcp.pub.cancelled'));
      q.refetch();
    },
    onError: (e) => message.error(applyApiError(e)),
  });
  const b = q.data;
  return (
    <PublicLayout>
      <Card title={t('rcp.pub.lookup')}>
        <Form
          layout="inline"
          onFinish={(v: { code: string }) => navigate(`/public/reception/booking/${v.code.trim().toUpperCase()}`)}
        >
          <Form.Item name="code" rules={[{ required: true, message: t('rcp.required') }]}>
            <Input placeholder={t('rcp.pub.codeLabel')} maxLength={20} data-testid="pub-rcp-lookup" />
          </Form.Item>
          <Button htmlType="submit">{t('rcp.pub.go')}</Button>
        </Form>
        {q.error && <Typography.Text type="danger">{applyApiError(q.error)}</Typography.Text>}
        {b && (
          <Space direction="vertical" style={{ marginBlockStart: 16 }}>
            <Typography.Text strong>
              {b.day.date} {b.slot.start}–{b.slot.end} {b.day.title}
            </Typography.Text>
            <span>{b.day.place}</span>
            <span>
              {b.name} {b.phone} · {b.topic}
            </span>
            <Tag>{t(`rcp.booking.${b.status}`)}</Tag>
            {b.cancellable && (
              <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="pub-rcp-cancel">
                {t('rcp.pub.cancelMine')}
              </Button>
            )}
          </Space>
        )}
      </Card>
    </PublicLayout>
  );
}
