// 登记表 form for one representative (new or existing): every field of the paper form, duplicates (409) shown plainly.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Spin,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { EDUCATION, GENDER, POLITICAL_STATUS } from '../../../../core/code-tables';
import { ApiError, api } from '../../../api';
import { useAuth } from '../../../auth';
import { CodeSelect } from '../../../components/code-select';
import { applyApiError } from '../../../components/errors';
import { MemberSelect } from '../../../components/member-select';
import { VillageSelect } from '../../../components/village-select';
import { useMember } from '../lookups';
import type { Representative } from '../types';
import { useDepartments } from './rep-list';

type Values = Omit<
  Representative,
  'id' | 'abilities' | 'masked' | 'memberNames' | 'regionName' | 'townshipName' | 'departmentName'
> & {
  ageMode: 'age' | 'birthYear';
  belongs: 'village' | 'department';
};

const toValues = (r: Representative | undefined, p: URLSearchParams): Partial<Values> => {
  if (r)
    return { ...r, ageMode: r.birthYear ? 'birthYear' : 'age', belongs: r.departmentId ? 'department' : 'village' };
  const num = (k: string) => Number(p.get(k)) || undefined;
  return {
    politicalStatus: '13',
    education: '',
    ageMode: 'age',
    belongs: num('departmentId') ? 'department' : 'village',
    regionId: num('regionId') ?? null,
    departmentId: num('departmentId') ?? null,
    memberIds: num('memberId') ? [num('memberId')!] : [],
  };
};

/** The form page for /representatives/new and /representatives/:id. */
export function RepresentativeFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, has } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const id = Number(useParams().id) || 0;
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const depts = useDepartments();
  const mine = useMember(me?.memberId);
  const rep = useQuery({
    queryKey: ['/representatives', id],
    queryFn: () => api<Representative>(`/representatives/${id}`),
    enabled: id > 0,
  });
  const ageMode = Form.useWatch('ageMode', form);
  const belongs = Form.useWatch('belongs', form);
  if (id && rep.isLoading) return <Spin />;
  if (id && !rep.data) return <Result status="404" title={t('msg.notFound')} />;
  const r = rep.data;
  const editable = !r || r.abilities.canEdit;
  const initial = toValues(r, params);

  const submit = async (v: Values) => {
    setBusy(true);
    setConflict(null);
    const { ageMode: mode, belongs: where, ...rest } = v;
    const body: Record<string, unknown> = {
      ...rest,
      age: mode === 'age' ? (v.age ?? null) : null,
      birthYear: mode === 'birthYear' ? (v.birthYear ?? null) : null,
      regionId: where === 'village' ? (v.regionId ?? null) : null,
      departmentId: where === 'department' ? (v.departmentId ?? null) : null,
    };
    for (const k of ['education', 'post', 'workUnit', 'address', 'remarks'] as const)
      body[k] = (body[k] as string | undefined) ?? '';
    if (!has('admin', 'group_leader')) delete body.memberIds;
    // only send what changed, so masked phone/address values are never written back
    if (r)
      for (const k of Object.keys(body)) if (JSON.stringify(body[k]) === JSON.stringify((r as any)[k])) delete body[k];
    try {
      const saved = await api<Representative>(r ? `/representatives/${id}` : '/representatives', {
        method: r ? 'PATCH' : 'POST',
        body,
      });
      message.success(t('msg.saved'));
      await qc.invalidateQueries({ queryKey: ['/representatives'] });
      navigate(`/representatives/${saved.id}`, { replace: true });
    } catch (e) {
      const msg = applyApiError(e, form);
      if (e instanceof ApiError && e.status === 409) setConflict(msg);
      else message.error(msg);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    try {
      await api(`/representatives/${id}`, { method: 'DELETE' });
      message.success(t('msg.deleted'));
      await qc.invalidateQueries({ queryKey: ['/representatives'] });
      navigate('/representatives');
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const req = [{ required: true, message: t('msg.required') }];
  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <div style={{ maxWidth: 1000 }}>
      <Typography.Title level={4} style={{ marginBlockStart: 0 }}>
        {r ? r.name : t('field.rep.new')}
      </Typography.Title>
      {conflict && (
        <Alert
          type="error"
          showIcon
          title={t('field.rep.duplicate')}
          description={conflict}
          style={{ marginBlockEnd: 16 }}
          data-testid="rep-duplicate"
        />
      )}
      {r?.masked && <Alert type="info" showIcon title={t('field.rep.maskedHint')} style={{ marginBlockEnd: 16 }} />}
      <Card>
        <Form
          key={r?.id ?? 'new'}
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={submit}
          disabled={!editable}
        >
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="name" label={t('field.rep.name')} rules={req}>
                <Input maxLength={50} data-testid="rep-name" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="gender" label={t('field.rep.gender')} rules={req}>
                <CodeSelect list={GENDER} data-testid="rep-gender" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('field.rep.ageOrBirthYear')} required={false}>
                <div style={{ display: 'flex', gap: 8 }}>
                  <Form.Item name="ageMode" noStyle>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'age', label: t('field.rep.age') },
                        { value: 'birthYear', label: t('field.rep.birthYear') },
                      ]}
                    />
                  </Form.Item>
                  {ageMode === 'birthYear' ? (
                    <Form.Item name="birthYear" noStyle>
                      <InputNumber
                        min={1900}
                        max={new Date().getFullYear()}
                        style={{ flex: 1 }}
                        data-testid="rep-birth-year"
                      />
                    </Form.Item>
                  ) : (
                    <Form.Item name="age" noStyle>
                      <InputNumber min={0} max={120} style={{ flex: 1 }} data-testid="rep-age" />
                    </Form.Item>
                  )}
                </div>
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="phone" label={t('field.rep.phone')} rules={req}>
                <Input inputMode="tel" maxLength={20} data-testid="rep-phone" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="politicalStatus" label={t('field.rep.politicalStatus')} rules={req}>
                <CodeSelect list={POLITICAL_STATUS} allowClear={false} data-testid="rep-political" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="education" label={t('field.rep.education')} normalize={(v) => v ?? ''}>
                <CodeSelect list={EDUCATION} data-testid="rep-education" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="workUnit" label={t('field.rep.workUnit')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="post" label={t('field.rep.post')}>
                <Input maxLength={50} data-testid="rep-post" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="address" label={t('field.rep.address')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('field.rep.belongsTo')} required>
                <Form.Item name="belongs" noStyle>
                  <Radio.Group
                    options={[
                      { value: 'village', label: t('field.rep.village') },
                      { value: 'department', label: t('field.rep.department') },
                    ]}
                    style={{ marginBlockEnd: 8 }}
                  />
                </Form.Item>
                {belongs === 'department' ? (
                  <Form.Item name="departmentId" rules={req} noStyle>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={depts.data}
                      placeholder={t('field.rep.department')}
                      data-testid="rep-department"
                    />
                  </Form.Item>
                ) : (
                  <Form.Item name="regionId" rules={req} noStyle>
                    <VillageSelect
                      known={[
                        ...(mine.data?.villages ?? []),
                        ...(r?.regionId
                          ? [{ id: r.regionId, name: r.regionName ?? '', townshipName: r.townshipName }]
                          : []),
                      ]}
                      placeholder={t('field.rep.village')}
                      data-testid="rep-village"
                    />
                  </Form.Item>
                )}
              </Form.Item>
            </Col>
            {has('admin', 'group_leader') && (
              <Col xs={24} md={12}>
                <Form.Item name="memberIds" label={t('field.rep.members')}>
                  <MemberSelect
                    mode="multiple"
                    groupId={has('admin') ? undefined : me?.groupId}
                    known={(r?.memberIds ?? []).map((mid, i) => ({
                      id: mid,
                      name: r!.memberNames.split('、')[i] ?? `#${mid}`,
                    }))}
                    data-testid="rep-members"
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Form.Item name="remarks" label={t('field.rep.remarks')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
          {editable && (
            <div style={{ display: 'flex', gap: 8 }}>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="rep-save">
                {t('action.save')}
              </Button>
              <Button onClick={() => navigate('/representatives')}>{t('action.cancel')}</Button>
              <span style={{ flex: 1 }} />
              {r?.abilities.canDelete && (
                <Popconfirm title={t('action.confirmDelete')} onConfirm={() => void remove()}>
                  <Button danger data-testid="rep-delete">
                    {t('action.delete')}
                  </Button>
                </Popconfirm>
              )}
            </div>
          )}
        </Form>
      </Card>
    </div>
  );
}
