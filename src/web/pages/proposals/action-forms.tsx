// The fields of each proposal step's dialog; the server checks everything again.
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api';
import { useDepartmentOptions } from '../opinions/lookups';

/** Members to invite, searched by name on the server. */
function MemberPicker(props: { value?: number[]; onChange?: (v: number[]) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const opts = useQuery({
    queryKey: ['/proposals/cosigner-options', q],
    queryFn: () =>
      api<{ items: { id: number; name: string; groupName: string | null }[] }>(
        `/proposals/cosigner-options${qs({ q: q || undefined })}`,
      ),
  });
  return (
    <Select
      {...props}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      placeholder={t('prp.form.searchMember')}
      options={(opts.data?.items ?? []).map((m) => ({
        value: m.id,
        label: m.groupName ? `${m.name}（${m.groupName}）` : m.name,
      }))}
      data-testid="prp-members"
    />
  );
}

/** The form items of one action. */
export function ActionFields({ action }: { action: string }) {
  const { t } = useTranslation();
  const depts = useDepartmentOptions();
  const req = [{ required: true, message: t('prp.form.required') }];
  const text = (name: string, rows = 4, rules = req, label = name) => (
    <Form.Item name={name} label={t(`prp.field.${label}`)} rules={rules}>
      <Input.TextArea rows={rows} maxLength={name === 'content' || name === 'reply' ? 20000 : 2000} showCount />
    </Form.Item>
  );
  switch (action) {
    case 'edit':
      return (
        <>
          <Form.Item name="title" label={t('prp.field.title')} rules={req}>
            <Input maxLength={200} />
          </Form.Item>
          {text('content', 10)}
        </>
      );
    case 'invite':
      return (
        <>
          <Form.Item name="memberIds" label={t('prp.field.memberIds')} rules={req}>
            <MemberPicker />
          </Form.Item>
          <Form.Item name="deadline" label={t('prp.field.deadline')} rules={req}>
            <DatePicker data-testid="prp-deadline" />
          </Form.Item>
        </>
      );
    case 'cosign':
      return (
        <Form.Item name="accept" label={t('prp.field.accept')} rules={req} initialValue>
          <Radio.Group data-testid="prp-accept">
            <Radio value>{t('prp.form.acceptYes')}</Radio>
            <Radio value={false}>{t('prp.form.acceptNo')}</Radio>
          </Radio.Group>
        </Form.Item>
      );
    case 'decide':
      return (
        <>
          <Form.Item name="decision" label={t('prp.field.decision')} rules={req} initialValue="register">
            <Radio.Group data-testid="prp-decision">
              {['register', 'not_register', 'convert'].map((d) => (
                <Radio key={d} value={d}>
                  {t(`prp.decision.${d}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle dependencies={['decision']}>
            {({ getFieldValue }) => text('reason', 3, getFieldValue('decision') === 'register' ? [] : req)}
          </Form.Item>
        </>
      );
    case 'assign':
      return (
        <>
          <Form.Item name="leadDepartmentId" label={t('prp.field.leadDepartment')} rules={req}>
            <Select showSearch optionFilterProp="label" options={depts.data} data-testid="prp-lead" />
          </Form.Item>
          <Form.Item name="coDepartmentIds" label={t('prp.field.coDepartments')}>
            <Select mode="multiple" optionFilterProp="label" options={depts.data} />
          </Form.Item>
        </>
      );
    case 'reply':
      return text('content', 8, req, 'reply');
    case 'rate':
      return (
        <>
          <Form.Item name="rating" label={t('prp.field.rating')} rules={req}>
            <Radio.Group data-testid="prp-rating">
              {['satisfied', 'basically_satisfied', 'unsatisfied'].map((r) => (
                <Radio key={r} value={r}>
                  {t(`prp.rating.${r}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle dependencies={['rating']}>
            {({ getFieldValue }) => text('comment', 3, getFieldValue('rating') === 'unsatisfied' ? req : [])}
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
