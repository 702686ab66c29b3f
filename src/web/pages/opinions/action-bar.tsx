// The item's action buttons: first the compound moves the server offers (`compounds`: 受理并转办, 审核通过并反馈), then
// one per allowed action (`abilities`), each opening its form; answers open the one form with files.
import { Button, Flex, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionAction, OpinionCompound } from '../../../core/opinions';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { ActionFields, toPayload } from './action-fields';
import { ANSWER_ACTIONS, type AnswerAction, AnswerModal } from './answer-form';
import { CompoundModal } from './compound-dialog';
import { MoveModal, useItemMove } from './item-move';
import type { OpinionDetail, OpinionEventRow } from './types';

/** The main-path moves; at most one button is primary (see primaryOf). Refusals in red. */
const MAIN_PATH: OpinionAction[] = ['forward', 'reply', 'approve_reply', 'send_feedback', 'reply_directly', 'accept'];
const DANGER = new Set<OpinionAction>(['not_accept', 'return_for_rework', 'refuse_extension', 'reopen']);

const isAnswer = (a: OpinionAction): a is AnswerAction => (ANSWER_ACTIONS as readonly string[]).includes(a);
/** While a department works on the item, 转办 means 改派: possible, but not the office's next step. */
const AT_DEPARTMENT = new Set(['forwarded', 'returned_for_rework']);

/**
 * The one primary button: a compound when offered (it is the main path in one step), else the first main-path move,
 * else 办结 once rated, else 评价 for the people who raised the item — never for the office, which only records a
 * callback and must not be nudged to rate in the citizen's place.
 */
function primaryOf(item: OpinionDetail, isOffice: boolean): OpinionAction | OpinionCompound | null {
  if (item.compounds?.length) return item.compounds[0];
  const main = MAIN_PATH.find(
    (a) => item.abilities.includes(a) && !(a === 'forward' && AT_DEPARTMENT.has(item.status)),
  );
  if (main) return main;
  if (item.status === 'rated' && item.abilities.includes('close')) return 'close';
  if (!isOffice && item.abilities.includes('rate')) return 'rate';
  return null;
}

/** Preset values of an action's form from what is already known (the requested date; 转办 has its own dialog). */
function presets(action: OpinionAction, item: OpinionDetail, events: OpinionEventRow[]) {
  if (action === 'approve_extension') {
    const req = [...events].reverse().find((e) => e.type === 'request_extension');
    const d = req?.payload?.requestedDeadline;
    return { newDeadline: typeof d === 'string' ? dayjs(d) : undefined };
  }
  if (action === 'request_extension' && item.deadline) return { requestedDeadline: dayjs(item.deadline) };
  return {};
}

function ActionModal({
  action,
  label,
  item,
  events,
  onClose,
}: {
  action: OpinionAction;
  label: string;
  item: OpinionDetail;
  events: OpinionEventRow[];
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { run, error, setError } = useItemMove({
    id: item.id,
    label,
    form,
    send: (values: Record<string, unknown>) =>
      api(`/opinions/${item.id}/transitions`, { body: { action, ...toPayload(action, values) } }),
    onDone: onClose,
  });
  return (
    <MoveModal label={label} form={form} busy={run.isPending} error={error} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={presets(action, item, events)}
        onFinish={(v) => {
          setError(null);
          run.mutate(v);
        }}
      >
        <ActionFields action={action} itemId={item.id} />
      </Form>
    </MoveModal>
  );
}

/** Buttons for the allowed moves; nothing is derived here, the server's `compounds` and `abilities` decide. */
export function ActionBar({ item, events }: { item: OpinionDetail; events: OpinionEventRow[] }) {
  const { t } = useTranslation();
  const { has } = useAuth();
  const [open, setOpen] = useState<OpinionAction | null>(null);
  const [compound, setCompound] = useState<OpinionCompound | null>(null);
  const compounds = item.compounds ?? [];
  if (!item.abilities.length && !compounds.length)
    return <Typography.Text type="secondary">{t('op.item.noActions')}</Typography.Text>;
  const isOffice = has('admin');
  const primary = primaryOf(item, isOffice);
  // The office's 评价 records what a citizen said on the phone; its label says so.
  const labelOf = (a: OpinionAction) => (a === 'rate' && isOffice ? t('ops.rateForOffice') : t(`op.action.${a}`));
  return (
    <Flex wrap gap={8}>
      {compounds.map((c) => (
        <Button
          key={c}
          data-testid={`op-compound-${c}`}
          type={primary === c ? 'primary' : 'default'}
          onClick={() => setCompound(c)}
        >
          {t(`ops.compound.${c}`)}
        </Button>
      ))}
      {item.abilities.map((a) => (
        <Button
          key={a}
          data-testid={`op-action-${a}`}
          type={primary === a ? 'primary' : 'default'}
          danger={DANGER.has(a)}
          onClick={() => setOpen(a)}
        >
          {labelOf(a)}
        </Button>
      ))}
      {open && isAnswer(open) && <AnswerModal id={item.id} action={open} onClose={() => setOpen(null)} />}
      {open === 'forward' && <CompoundModal code="forward" item={item} events={events} onClose={() => setOpen(null)} />}
      {open && open !== 'forward' && !isAnswer(open) && (
        <ActionModal action={open} label={labelOf(open)} item={item} events={events} onClose={() => setOpen(null)} />
      )}
      {compound && <CompoundModal code={compound} item={item} events={events} onClose={() => setCompound(null)} />}
    </Flex>
  );
}
