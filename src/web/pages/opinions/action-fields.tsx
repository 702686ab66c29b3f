// The form fields of each transition's payload (mirrors core OPINION_PAYLOAD_SCHEMAS; the server validates again).
// Related records are picked by search (tracking code, title, 期号, 提案编号), never typed as internal ids.
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { OPINION_RATINGS, type OpinionAction } from '../../../core/opinions';
import { useDepartmentOptions } from './lookups';
import { BulletinPicker, OpinionPicker, ProposalPicker } from './pickers';

type FieldKind = 'text' | 'long' | 'date' | 'opinion' | 'bulletin' | 'proposal' | 'dept' | 'depts' | 'rating';
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** A catalogue key shown under the field. */
  hint?: string;
}

const note: FieldSpec = { name: 'note', kind: 'text' };
const reason: FieldSpec = { name: 'reason', kind: 'text', required: true };
const answer: FieldSpec = { name: 'content', kind: 'long', required: true };

/** The fields each action asks for, in order. */
export const ACTION_FIELDS: Record<OpinionAction, FieldSpec[]> = {
  accept: [note],
  not_accept: [reason],
  merge: [{ name: 'targetId', kind: 'opinion', required: true }, note],
  forward: [
    { name: 'leadDepartmentId', kind: 'dept', required: true },
    { name: 'coHandlerIds', kind: 'depts' },
    // Optional: the server fills it by the working-day rules (settings, category, urgency, petition).
    { name: 'deadline', kind: 'date', hint: 'op.form.deadlineAuto' },
    { name: 'instructions', kind: 'long', required: true },
  ],
  urge: [note],
  reply: [answer],
  add_co_opinion: [answer],
  request_extension: [reason, { name: 'requestedDeadline', kind: 'date', required: true }],
  approve_extension: [{ name: 'newDeadline', kind: 'date', required: true }, note],
  refuse_extension: [reason],
  approve_reply: [{ name: 'publicReply', kind: 'long' }, note],
  return_for_rework: [reason],
  reply_directly: [answer],
  send_feedback: [note],
  rate: [
    { name: 'rating', kind: 'rating', required: true },
    { name: 'comment', kind: 'text' },
  ],
  close: [note],
  reopen: [reason],
  compile_into_bulletin: [{ name: 'bulletinId', kind: 'bulletin' }, note],
  escalate_to_proposal: [{ name: 'proposalId', kind: 'proposal' }, note],
};

/** Full label keys where the field's label is not op.field.<name>. */
const LABEL: Record<string, string> = {
  leadDepartmentId: 'op.field.leadDepartment',
  targetId: 'ops.field.targetId',
  bulletinId: 'ops.field.bulletinId',
  proposalId: 'ops.field.proposalId',
};

/** One payload field as an antd Form.Item with client-side required checks; `itemId` feeds the merge picker. */
export function PayloadField({ spec, itemId }: { spec: FieldSpec; itemId?: number }) {
  const { t } = useTranslation();
  const depts = useDepartmentOptions();
  const rules: Rule[] = spec.required ? [{ required: true, message: t('msg.required') }] : [];
  const testid = `op-field-${spec.name}`;
  const input = (() => {
    switch (spec.kind) {
      case 'long':
        return <Input.TextArea rows={5} maxLength={20000} data-testid={testid} />;
      case 'date':
        return <DatePicker data-testid={testid} style={{ width: '100%' }} />;
      case 'opinion':
        return itemId ? <OpinionPicker itemId={itemId} data-testid={testid} /> : null;
      case 'bulletin':
        return <BulletinPicker data-testid={testid} />;
      case 'proposal':
        return <ProposalPicker data-testid={testid} />;
      case 'dept':
      case 'depts':
        return (
          <Select
            data-testid={testid}
            mode={spec.kind === 'depts' ? 'multiple' : undefined}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={depts.isLoading}
            options={depts.data ?? []}
          />
        );
      case 'rating':
        return (
          <Radio.Group
            data-testid={testid}
            options={OPINION_RATINGS.map((r) => ({ value: r.code, label: t(`op.rating.${r.code}`) }))}
          />
        );
      default:
        return <Input.TextArea rows={2} maxLength={2000} data-testid={testid} />;
    }
  })();
  return (
    <Form.Item
      name={spec.name}
      label={t(LABEL[spec.name] ?? `op.field.${spec.name}`)}
      rules={rules}
      extra={spec.hint ? t(spec.hint) : undefined}
    >
      {input}
    </Form.Item>
  );
}

/** Every field of one action's payload (`only` narrows it to some names, e.g. in a compound dialog). */
export function ActionFields({
  action,
  itemId,
  only,
}: {
  action: OpinionAction;
  itemId?: number;
  only?: readonly string[];
}) {
  return (
    <>
      {ACTION_FIELDS[action]
        .filter((s) => !only || only.includes(s.name))
        .map((s) => (
          <PayloadField key={s.name} spec={s} itemId={itemId} />
        ))}
    </>
  );
}

/** Turns form values into the payload: dates as YYYY-MM-DD, empty optional values left out. */
export function toPayload(action: OpinionAction, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of ACTION_FIELDS[action]) {
    let v = values[spec.name];
    if (spec.kind === 'date' && v && typeof (v as any).format === 'function') v = (v as any).format('YYYY-MM-DD');
    if (typeof v === 'string') v = v.trim();
    if (v === undefined || v === null || v === '') continue;
    out[spec.name] = v;
  }
  return out;
}
