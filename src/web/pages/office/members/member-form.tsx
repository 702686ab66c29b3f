// /members/new and /members/:id/edit: every field of a member, the sector from the tree, group, linked villages, publish flag.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Result, Row, Select, Skeleton, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EDUCATION, GENDER, POLITICAL_STATUS } from '../../../../core/code-tables';
import { isPhone } from '../../../../core/phone';
import { ApiError, api } from '../../../api';
import { CodeSelect } from '../../../components/code-select';
import { applyApiError } from '../../../components/errors';
import { PageHead } from '../components/page-head';
import { useGroups } from '../components/registry-data';
import { VillageSelect } from '../components/remote-select';
import { SectorTreeSelect } from '../components/sector-tree-select';
import { useMember } from './member-detail';
import type { MemberDetail } from './member-types';

const blank = {
  gender: '1',
  politicalStatus: '13',
  ethnicity: '汉族',
  education: '',
  active: true,
  isStandingCommittee: false,
  publishContact: false,
  villageIds: [],
};

function toForm(m: MemberDetail) {
  const { villages, sectorHistory, abilities, groupName, sectorName, representativeCount, villageCount, id, ...rest } =
    m;
  return { ...rest, villageIds: villages.map((v) => v.id) };
}

/** Create/edit page; after saving it opens the member's detail page. */
export function MemberFormPage() {
  const { t } = useTranslation();
  const idParam = useParams().id;
  const id = idParam ? Number(idParam) : 0;
  const existing = useMember(id);
  if (id && existing.isLoading) return <Skeleton active />;
  if (id && (existing.error || !existing.data)) return <Result status="404" title={t('msg.notFound')} />;
  return <MemberForm member={existing.data} />;
}

function MemberForm({ member }: { member?: MemberDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const groups = useGroups();
  const initial = useMemo(() => (member ? toForm(member) : blank), [member]);
  const knownVillages = useMemo(
    () => (member?.villages ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.townshipName ?? ''}）` })),
    [member],
  );
  const req = [{ required: true, message: t('msg.required') }];
  const phoneRule = {
    validator: (_: unknown, v: string) =>
      !v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('office.member.phoneInvalid'))),
  };
  const save = async (v: any) => {
    setBusy(true);
    try {
      const body = { ...v, birthYear: v.birthYear ?? null, groupId: v.groupId ?? null, education: v.education ?? '' };
      const saved = member
        ? await api<MemberDetail>(`/members/${member.id}`, { method: 'PATCH', body })
        : await api<MemberDetail>('/members', { body });
      message.success(t('msg.saved'));
      qc.invalidateQueries({ queryKey: ['/members'] });
      qc.invalidateQueries({ queryKey: ['member', saved.id] });
      navigate(`/members/${saved.id}`);
    } catch (e) {
      // The member code is the record's only unique field, so a conflict belongs on it.
      if (e instanceof ApiError && e.body.code === 'conflict')
        form.setFields([{ name: 'code', errors: [e.body.message] }]);
      message.error(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <div>
      <PageHead title={member ? `${t('office.member.edit')} · ${member.name}` : t('office.member.new')} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={save}
        data-testid="member-form"
        scrollToFirstError
      >
        <Card title={t('office.member.basic')} size="small" style={{ marginBlockEnd: 16 }}>
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="code" label={t('office.member.code')} rules={req}>
                <Input maxLength={20} data-testid="member-code" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="name" label={t('office.member.name')} rules={req}>
                <Input maxLength={50} data-testid="member-name" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="gender" label={t('office.member.gender')} rules={req}>
                <CodeSelect list={GENDER} allowClear={false} data-testid="member-gender" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="birthYear" label={t('office.member.birthYear')}>
                <InputNumber min={1900} max={2100} style={{ inlineSize: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="ethnicity" label={t('office.member.ethnicity')}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="politicalStatus" label={t('office.member.politicalStatus')} rules={req}>
                <CodeSelect list={POLITICAL_STATUS} allowClear={false} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="education" label={t('office.member.education')}>
                <CodeSelect list={EDUCATION} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('office.member.duty')} size="small" style={{ marginBlockEnd: 16 }}>
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="sectorId" label={t('office.member.sector')} rules={req}>
                <SectorTreeSelect data-testid="member-sector" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="groupId" label={t('office.member.group')}>
                <Select
                  allowClear
                  data-testid="member-group"
                  options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
                />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="workUnit" label={t('office.member.workUnit')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="post" label={t('office.member.post')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="isStandingCommittee" label={t('office.member.standing')} valuePropName="checked">
                <Switch data-testid="member-standing" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="active" label={t('office.member.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="villageIds" label={t('office.member.villages')} extra={t('office.member.villagesHint')}>
                <VillageSelect mode="multiple" known={knownVillages} data-testid="member-villages-select" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('office.member.contact')} size="small" style={{ marginBlockEnd: 16 }}>
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="phone" label={t('office.member.phone')} rules={[phoneRule]}>
                <Input maxLength={20} inputMode="tel" data-testid="member-phone" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                name="email"
                label={t('office.member.email')}
                rules={[{ type: 'email', message: t('office.member.emailInvalid') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="address" label={t('office.member.address')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="publicPhone" label={t('office.member.publicPhone')} rules={[phoneRule]}>
                <Input maxLength={20} inputMode="tel" data-testid="member-public-phone" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                name="publishContact"
                label={t('office.member.publishContact')}
                valuePropName="checked"
                extra={t('office.member.publishHint')}
              >
                <Switch data-testid="member-publish" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Flex gap={8} justify="end">
          <Button onClick={() => navigate(member ? `/members/${member.id}` : '/members')}>{t('action.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="member-save">
            {t('action.save')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
