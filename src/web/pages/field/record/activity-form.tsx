// The 活动记录卡 as a form: one component for the phone record screen and the desktop edit page.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, type FormInstance, Input, Row, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { splitActivityOpinions } from '../../../../core/activity-opinions';
import { useAuth } from '../../../auth';
import { CheckButtons } from '../../../components/check-buttons';
import { MemberSelect } from '../../../components/member-select';
import { codeOptions } from '../lookups';
import type { Activity, ActivityBody } from '../types';
import { ContactPicker } from './contact-picker';
import { RaiseChoice } from './raise-choice';
import { VillagePicker } from './village-picker';

export interface ActivityFormValues {
  date: Dayjs;
  memberIds: number[];
  regionId?: number | null;
  representativeIds: number[];
  methods: string[];
  methodOther?: string;
  purposes: string[];
  opinions?: string;
  handling?: string;
  handlingStatus?: string;
  location?: string;
  photos?: UploadFile[];
  /** Keys of the opinions ticked 同时转为社情民意 (new records only). */
  raiseOpinions?: string[];
}

/** Form values → the API body (without clientId). */
export function toActivityBody(v: ActivityFormValues): Omit<ActivityBody, 'clientId'> {
  return {
    date: v.date.format('YYYY-MM-DD'),
    regionId: v.regionId ? v.regionId : null,
    location: v.location?.trim() ?? '',
    methods: v.methods,
    methodOther: v.methods.includes('other') ? (v.methodOther?.trim() ?? '') : '',
    purposes: v.purposes ?? [],
    memberIds: v.memberIds,
    representativeIds: v.representativeIds ?? [],
    opinions: v.opinions?.trim() ?? '',
    handling: v.handling?.trim() ?? '',
    handlingStatus: v.handlingStatus ?? 'pending',
    ...raiseKeys(v),
  };
}

/** The ticked opinions that are still in the text (editing the text after ticking changes or drops a key). */
function raiseKeys(v: ActivityFormValues): { raiseOpinions?: string[] } {
  if (!v.raiseOpinions?.length) return {};
  const keys = new Set(splitActivityOpinions(v.opinions ?? '').map((h) => h.key));
  const ticked = v.raiseOpinions.filter((k) => keys.has(k));
  return ticked.length ? { raiseOpinions: ticked } : {};
}

/** Initial values: today and the signed-in member for a new record, the stored card for an edit. */
export function initialActivityValues(memberId: number | null, a?: Activity): Partial<ActivityFormValues> {
  if (!a)
    return {
      date: dayjs(),
      memberIds: memberId ? [memberId] : [],
      representativeIds: [],
      methods: [],
      purposes: [],
      handlingStatus: 'pending',
    };
  return {
    date: dayjs(a.date),
    memberIds: a.members.map((m) => m.id),
    regionId: a.regionId ?? 0,
    representativeIds: a.contacts.map((c) => c.id),
    methods: a.methods,
    methodOther: a.methodOther,
    purposes: a.purposes,
    opinions: a.opinions,
    handling: a.handling,
    handlingStatus: a.handlingStatus,
    location: a.location,
  };
}

/** The record-card form; `phone` stacks everything in one column with big controls, `desktop` uses two columns. */
export function ActivityForm({
  layout,
  form,
  initial,
  preset,
  busy,
  onSubmit,
  onCancel,
}: {
  layout: 'phone' | 'desktop';
  form: FormInstance<ActivityFormValues>;
  initial?: Activity;
  /** Prefilled choices for a new record (from a "去处理" link: member and village). */
  preset?: Partial<ActivityFormValues>;
  busy: boolean;
  onSubmit: (v: ActivityFormValues) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { me, has } = useAuth();
  const phone = layout === 'phone';
  const memberIds: number[] = Form.useWatch('memberIds', form) ?? [];
  const methods: string[] = Form.useWatch('methods', form) ?? [];
  const picksMember = has('admin', 'group_leader');
  const req = { required: true, message: t('msg.required') };
  const half = { xs: 24, md: phone ? 24 : 12 };
  const memberPicker = picksMember && (
    <Form.Item
      name="memberIds"
      label={t('field.record.member')}
      required
      rules={[{ validator: (_, v) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('msg.required')))) }]}
      {...(phone
        ? { getValueProps: (v: number[]) => ({ value: v?.[0] }), normalize: (v: number | undefined) => (v ? [v] : []) }
        : {})}
    >
      <MemberSelect
        mode={phone ? undefined : 'multiple'}
        groupId={has('admin') ? undefined : me?.groupId}
        known={initial?.members}
        placeholder={t('field.record.memberPlaceholder')}
        data-testid="record-member"
        onChange={() =>
          form.setFieldsValue({
            regionId: undefined,
            representativeIds: initial ? form.getFieldValue('representativeIds') : [],
          })
        }
      />
    </Form.Item>
  );
  return (
    <Form
      form={form}
      layout="vertical"
      size={phone ? 'large' : 'middle'}
      initialValues={{ ...initialActivityValues(me?.memberId ?? null, initial), ...preset }}
      onFinish={onSubmit}
      requiredMark={!phone}
    >
      {!picksMember && <Form.Item name="memberIds" hidden />}
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="date" label={t('field.record.date')} rules={[req]}>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={phone}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="record-date"
            />
          </Form.Item>
        </Col>
        <Col {...half}>{memberPicker}</Col>
      </Row>
      <Form.Item name="regionId" label={t('field.record.village')}>
        <VillagePicker
          memberIds={memberIds}
          known={initial?.regionId ? { id: initial.regionId, name: initial.regionName ?? '' } : null}
          block={phone}
        />
      </Form.Item>
      <Form.Item name="representativeIds" label={t('field.record.contacts')}>
        <ContactPicker memberIds={memberIds} known={initial?.contacts} maxHeight={phone ? 280 : 240} />
      </Form.Item>
      <Form.Item
        name="methods"
        label={t('field.record.methods')}
        rules={[
          {
            validator: (_, v) =>
              v?.length ? Promise.resolve() : Promise.reject(new Error(t('field.record.methodsRequired'))),
          },
        ]}
      >
        <CheckButtons
          options={codeOptions(t, 'method')}
          testIdPrefix="record-method-"
          size={phone ? 'large' : 'middle'}
        />
      </Form.Item>
      {methods.includes('other') && (
        <Form.Item name="methodOther" label={t('field.record.methodOther')}>
          <Input maxLength={50} data-testid="record-method-other-text" />
        </Form.Item>
      )}
      <Form.Item name="purposes" label={t('field.record.purposes')}>
        <CheckButtons
          options={codeOptions(t, 'purpose')}
          testIdPrefix="record-purpose-"
          size={phone ? 'middle' : 'small'}
        />
      </Form.Item>
      <Form.Item name="opinions" label={t('field.record.opinions')}>
        <Input.TextArea
          autoSize={{ minRows: phone ? 5 : 4, maxRows: 16 }}
          maxLength={10000}
          showCount
          placeholder={t('field.record.opinionsPlaceholder')}
          data-testid="record-opinions"
        />
      </Form.Item>
      {!initial && has('admin', 'member') && <RaiseChoice form={form} />}
      <Form.Item name="handling" label={t('field.record.handling')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 10 }}
          maxLength={5000}
          placeholder={t('field.record.handlingPlaceholder')}
          data-testid="record-handling"
        />
      </Form.Item>
      {!phone && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="handlingStatus" label={t('field.record.handlingStatus')}>
              <Select options={codeOptions(t, 'status')} data-testid="record-handling-status" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="location" label={t('field.record.location')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {!initial && (
        <Form.Item
          name="photos"
          label={t('field.record.photos')}
          valuePropName="fileList"
          getValueFromEvent={(e) => e?.fileList}
        >
          <Upload
            listType="picture-card"
            accept="image/*,application/pdf"
            multiple
            beforeUpload={() => false}
            data-testid="record-photos"
          >
            <div>
              <PlusOutlined />
              <div style={{ marginBlockStart: 4 }}>{t('field.record.addPhoto')}</div>
            </div>
          </Upload>
        </Form.Item>
      )}
      <div style={{ display: 'flex', gap: 8, flexDirection: phone ? 'column' : 'row' }}>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          block={phone}
          size="large"
          data-testid="record-save"
          style={phone ? { height: 52, fontSize: 18 } : undefined}
        >
          {t('action.save')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} block={phone} size="large">
            {t('action.cancel')}
          </Button>
        )}
      </div>
    </Form>
  );
}
