// /opinions/new: staff register an item that came by phone, letter, box, forum, reception, petition or an officer;
// members and officers enter their own, offered only the channels the server lets them use.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Radio, Select, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MEMBER_CHANNELS } from '../../../core/opinions/intake';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { applyApiError } from '../../components/errors';
import { MemberSelect } from '../../components/member-select';
import { VillageSelect } from '../../components/village-select';
import { PageHead } from '../office/components/page-head';
import { DraftDoor } from './draft-door';
import { useCategoryTree } from './lookups';
import { CONFIDENTIALITIES, type OpinionDetail, STAFF_CHANNELS, URGENCIES } from './types';

interface FormValues {
  title: string;
  content: string;
  categoryId?: number;
  regionId?: number;
  channel: string;
  urgency: string;
  confidentiality: string;
  memberIds?: number[];
  citizens?: { name?: string; phone?: string; email?: string }[];
}

const newKey = () =>
  typeof globalThis.crypto?.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** The channels the server accepts from this user: the office any, members their own, officers 信息员报送. */
function channelChoices(has: (...roles: string[]) => boolean): readonly string[] {
  if (has('admin')) return STAFF_CHANNELS;
  return [...(has('member') ? MEMBER_CHANNELS : []), ...(has('info_officer') ? ['officer'] : [])];
}

/**
 * The entry form; one Idempotency-Key per opening, so a double click or a retry never makes two items. Only the office
 * names members as originators; anyone else is named automatically.
 */
export function OpinionNewPage() {
  const { t } = useTranslation();
  const { has } = useAuth();
  const isOffice = has('admin');
  const channels = channelChoices(has);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [key] = useState(newKey);
  const categories = useCategoryTree();
  const required = [{ required: true, message: t('msg.required') }];
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      api<OpinionDetail>('/opinions', {
        headers: { 'idempotency-key': key },
        body: {
          title: v.title,
          content: v.content,
          categoryId: v.categoryId ?? null,
          regionId: v.regionId ?? null,
          channel: v.channel,
          urgency: v.urgency,
          confidentiality: v.confidentiality,
          originators: [
            ...(v.memberIds ?? []).map((memberId) => ({ kind: 'member', memberId })),
            ...(v.citizens ?? [])
              .filter((c) => c.name || c.phone || c.email)
              .map((c) => ({ kind: 'citizen', name: c.name ?? '', phone: c.phone ?? '', email: c.email ?? '' })),
          ],
        },
      }),
    onSuccess: (o) => {
      qc.invalidateQueries({ queryKey: ['/opinions'] });
      message.success(t('op.form.created', { code: o.trackingCode }));
      navigate(`/opinions/${o.id}`, { replace: true });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <div style={{ maxWidth: 820 }}>
      <PageHead title={t('op.form.title')} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          channel: isOffice ? 'phone' : channels[0],
          urgency: 'normal',
          confidentiality: 'normal',
          citizens: [{}],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="title" label={t('op.field.title')} rules={required}>
          <Input maxLength={200} data-testid="op-field-title" />
        </Form.Item>
        <Form.Item name="content" label={t('op.field.content')} rules={required}>
          <Input.TextArea rows={6} maxLength={20000} data-testid="op-field-content" />
        </Form.Item>
        <DraftDoor form={form} />
        <Flex wrap gap={16}>
          <Form.Item name="categoryId" label={t('op.field.category')} style={{ flex: '1 1 240px' }}>
            <TreeSelect allowClear treeData={categories.data ?? []} data-testid="op-field-categoryId" />
          </Form.Item>
          <Form.Item name="regionId" label={t('op.field.region')} style={{ flex: '1 1 240px' }}>
            <VillageSelect data-testid="op-field-regionId" />
          </Form.Item>
        </Flex>
        <Flex wrap gap={16}>
          <Form.Item name="channel" label={t('op.field.channel')} rules={required} style={{ flex: '1 1 200px' }}>
            <Select
              data-testid="op-field-channel"
              options={channels.map((c) => ({ value: c, label: t(`op.channel.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="urgency" label={t('op.field.urgency')} style={{ flex: '1 1 160px' }}>
            <Radio.Group
              data-testid="op-field-urgency"
              optionType="button"
              options={URGENCIES.map((u) => ({ value: u, label: t(`op.urgency.${u}`) }))}
            />
          </Form.Item>
          <Form.Item name="confidentiality" label={t('op.field.confidentiality')} style={{ flex: '1 1 220px' }}>
            <Radio.Group
              data-testid="op-field-confidentiality"
              optionType="button"
              options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`op.confidentiality.${c}`) }))}
            />
          </Form.Item>
        </Flex>
        <Card size="small" title={t('op.field.originators')} style={{ marginBlockEnd: 16 }}>
          <Typography.Paragraph type="secondary">
            {t(isOffice ? 'op.form.originatorsHint' : 'op.form.originatorsHintSelf')}
          </Typography.Paragraph>
          {isOffice && (
            <Form.Item name="memberIds" label={t('op.field.members')}>
              <MemberSelect mode="multiple" data-testid="op-field-memberIds" />
            </Form.Item>
          )}
          <Form.List name="citizens">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} wrap gap={8} align="start">
                    <Form.Item name={[f.name, 'name']} style={{ flex: '1 1 140px' }}>
                      <Input placeholder={t('op.field.name')} maxLength={50} data-testid="op-field-citizenName" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']} style={{ flex: '1 1 160px' }}>
                      <Input placeholder={t('op.field.phone')} maxLength={40} data-testid="op-field-citizenPhone" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'email']} rules={[{ type: 'email' }]} style={{ flex: '1 1 200px' }}>
                      <Input placeholder={t('op.field.email')} maxLength={200} data-testid="op-field-citizenEmail" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('op.form.remove')} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('op.form.addCitizen')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="op-modal-ok">
            {t('op.form.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('action.cancel')}</Button>
        </Flex>
      </Form>
    </div>
  );
}
