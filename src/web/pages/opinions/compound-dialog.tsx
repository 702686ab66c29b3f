// One dialog for two moves: 受理并转办 (department suggested, instructions pre-filled, the deadline shown as the server
// will compute it) and 审核通过并反馈 (the department's reply pre-filled as the public reply). The server applies the
// steps in one transaction (POST /opinions/:id/transitions {steps}); the bulk bar sends the same steps for many items.
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpinionCompound } from '../../../core/opinions';
import { api } from '../../api';
import { ActionFields, toPayload } from './action-fields';
import { MoveModal, useItemMove } from './item-move';
import { useDepartmentOptions } from './lookups';
import type { OpinionDetail, OpinionEventRow } from './types';

/** GET /opinions/:id/forward-plan. */
interface ForwardPlan {
  deadline: string;
  workingDays: number | null;
  basis: 'petition' | 'category' | 'urgent' | 'normal';
  /** Text and category blended, best first (the first is preselected); probability 0…1. */
  suggestions: { departmentId: number; name: string; count: number; probability: number; basis: string }[];
}

type Values = Record<string, unknown>;

/** The steps a compound's form values make, in the order the server applies them. */
export function stepsFor(code: OpinionCompound, v: Values, departmentReply = ''): Values[] {
  if (code === 'accept_and_forward') return [{ action: 'accept' }, { action: 'forward', ...toPayload('forward', v) }];
  const approve = toPayload('approve_reply', v);
  // An unchanged text adds nothing: the server shows the department's reply by default.
  if (approve.publicReply === departmentReply.trim()) delete approve.publicReply;
  return [{ action: 'approve_reply', ...approve }, { action: 'send_feedback' }];
}

/** The forward fields with the suggestion marked and the computed deadline said in words. */
function ForwardFields({ plan }: { plan?: ForwardPlan }) {
  const { t } = useTranslation();
  const depts = useDepartmentOptions();
  const suggested = new Map(plan?.suggestions.map((s) => [s.departmentId, s]));
  const options = (depts.data ?? [])
    .map((d) => ({ ...d, probability: suggested.get(d.value)?.probability }))
    .sort((a, b) => (b.probability ?? -1) - (a.probability ?? -1));
  const required = [{ required: true, message: t('msg.required') }];
  return (
    <>
      <Form.Item
        name="leadDepartmentId"
        label={t('op.field.leadDepartment')}
        rules={required}
        extra={
          !plan ? undefined : plan.suggestions[0] ? (
            <span data-testid="op-forward-suggestion">
              {t('ops.forward.suggestedLine', {
                name: plan.suggestions[0].name,
                pct: `${Math.round(plan.suggestions[0].probability * 100)}%`,
                basis: t(`triage.basis.${plan.suggestions[0].basis}`, { count: plan.suggestions[0].count }),
              })}
            </span>
          ) : (
            t('ops.forward.noSuggestion')
          )
        }
      >
        <Select
          data-testid="op-field-leadDepartmentId"
          showSearch={{ optionFilterProp: 'label' }}
          loading={depts.isLoading}
          options={options.map(({ value, label }) => ({ value, label }))}
          optionRender={(o) => {
            const s = suggested.get(o.value as number);
            return (
              <Space size={4}>
                {o.label}
                {s !== undefined && (
                  <Tag color="green" title={t(`triage.basis.${s.basis}`, { count: s.count })}>
                    {t('ops.forward.suggestedPct', { pct: `${Math.round(s.probability * 100)}%` })}
                  </Tag>
                )}
              </Space>
            );
          }}
        />
      </Form.Item>
      <ActionFields action="forward" only={['coHandlerIds']} />
      <Form.Item
        name="deadline"
        label={t('op.field.deadline')}
        extra={
          plan ? (
            <span data-testid="op-planned-deadline">
              {t('ops.forward.deadlineWill', { date: plan.deadline })}
              {t(`ops.forward.basis.${plan.basis}`, { days: plan.workingDays })}
              {' · '}
              {t('ops.forward.deadlineOverride')}
            </span>
          ) : (
            t('ops.forward.deadlineBulk')
          )
        }
      >
        <DatePicker data-testid="op-field-deadline" style={{ inlineSize: '100%' }} />
      </Form.Item>
      <ActionFields action="forward" only={['instructions']} />
    </>
  );
}

/** The compound's fields; `item` is absent in the bulk bar (no per-item suggestion or reply to show). */
export function CompoundFields({ code, plan, bulk }: { code: OpinionCompound; plan?: ForwardPlan; bulk?: boolean }) {
  const { t } = useTranslation();
  if (code === 'accept_and_forward') return <ForwardFields plan={plan} />;
  if (bulk) return <Typography.Paragraph type="secondary">{t('ops.feedback.bulkHint')}</Typography.Paragraph>;
  return (
    <>
      <Form.Item name="publicReply" label={t('ops.feedback.publicReply')} extra={t('ops.feedback.publicReplyHint')}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} data-testid="op-field-publicReply" />
      </Form.Item>
      <ActionFields action="approve_reply" only={['note']} />
    </>
  );
}

/** The department's latest reply, which the public reply starts from. */
const lastReply = (events: OpinionEventRow[]) => {
  const r = [...events].reverse().find((e) => e.type === 'reply');
  return typeof r?.payload?.content === 'string' ? r.payload.content : '';
};

/** What the dialog runs: a compound, or the plain 转办 (改派, 督办), which shares the forward form and its plan. */
export type DialogMove = OpinionCompound | 'forward';

/** The request body of the move. */
function bodyOf(move: DialogMove, v: Values, reply: string) {
  if (move === 'forward') return { action: 'forward', ...toPayload('forward', v) };
  return { steps: stepsFor(move, v, reply) };
}

/** The compound (or forward) dialog of the item page. */
export function CompoundModal({
  code,
  item,
  events,
  onClose,
}: {
  code: DialogMove;
  item: OpinionDetail;
  events: OpinionEventRow[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const label = code === 'forward' ? t('op.action.forward') : t(`ops.compound.${code}`);
  const isForward = code !== 'approve_and_feedback';
  const plan = useQuery({
    queryKey: ['opinion', item.id, 'forward-plan'],
    queryFn: () => api<ForwardPlan>(`/opinions/${item.id}/forward-plan`),
    enabled: isForward,
  });
  const reply = lastReply(events);
  const { run, error, setError } = useItemMove({
    id: item.id,
    label,
    form,
    send: (v: Values) => api(`/opinions/${item.id}/transitions`, { body: bodyOf(code, v, reply) }),
    onDone: onClose,
  });
  // The department field waits for the suggestion so it can start on it (the current lead when re-forwarding).
  const ready = !isForward || !plan.isLoading;
  const current = item.assignments.filter((a) => a.active);
  // The deadline stays empty: the server computes it (shown above) unless the office names another.
  const initial = isForward
    ? {
        leadDepartmentId:
          current.find((a) => a.role === 'lead')?.departmentId ?? plan.data?.suggestions[0]?.departmentId,
        coHandlerIds: current.filter((a) => a.role === 'co').map((a) => a.departmentId),
        instructions: t('ops.forward.defaultInstructions'),
      }
    : { publicReply: reply };
  return (
    <MoveModal label={label} form={form} busy={run.isPending} disabled={!ready} error={error} onClose={onClose}>
      {ready && (
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => {
            setError(null);
            run.mutate(v);
          }}
        >
          <CompoundFields code={isForward ? 'accept_and_forward' : code} plan={plan.data} />
        </Form>
      )}
    </MoveModal>
  );
}
