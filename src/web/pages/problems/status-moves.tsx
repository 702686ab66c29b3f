// The status buttons of a problem: one per move the server allows; solving asks what was done (the outcome, shown
// publicly), and every move may carry a note.
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import { useRefreshProblem } from './bits';
import type { ProblemDetail, ProblemStatus } from './types';

const needsOutcome = (s: ProblemStatus) => s === 'solved' || s === 'partly_solved';

/** The button text of a move; leaving solved or partly solved is a reopening. */
const moveLabel = (from: ProblemStatus, to: ProblemStatus) =>
  needsOutcome(from) && to === 'in_progress' ? 'prb.move.reopen' : `prb.move.to.${to}`;

function MoveModal({ problem, to, onClose }: { problem: ProblemDetail; to: ProblemStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProblem(problem.id);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: (v: { outcome?: string; note?: string }) =>
      api(`/problems/${problem.id}/status`, { body: { status: to, ...v } }),
    onSuccess: () => {
      message.success(t('prb.move.done', { status: t(`prb.status.${to}`) }));
      refresh();
      onClose();
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      destroyOnHidden
      title={t(moveLabel(problem.status, to))}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(moveLabel(problem.status, to))}
      okButtonProps={{ loading: move.isPending, 'data-testid': 'prb-move-ok' } as any}
      cancelText={t('action.cancel')}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBlockEnd: 12 }} data-testid="prb-move-error" />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: problem.outcome }}
        onFinish={(v) => {
          setError(null);
          move.mutate(needsOutcome(to) ? v : { note: v.note });
        }}
      >
        {needsOutcome(to) && (
          <Form.Item
            name="outcome"
            label={t('prb.field.outcome')}
            extra={t('prb.move.outcomeHint')}
            rules={[{ required: true, whitespace: true, message: t('prb.move.outcomeRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="prb-move-outcome" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('prb.move.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="prb-move-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The allowed moves as buttons (none once nothing is allowed). */
export function StatusMoves({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<ProblemStatus | null>(null);
  if (!problem.allowedStatuses.length) return null;
  return (
    <Flex wrap gap={8} style={{ marginBlockStart: 12 }} data-testid="prb-moves">
      {problem.allowedStatuses.map((s) => (
        <Button
          key={s}
          type={s === 'solved' || (s === 'in_progress' && problem.status !== 'solved') ? 'primary' : 'default'}
          onClick={() => setTo(s)}
          data-testid={`prb-move-${s}`}
        >
          {t(moveLabel(problem.status, s))}
        </Button>
      ))}
      {to && <MoveModal problem={problem} to={to} onClose={() => setTo(null)} />}
    </Flex>
  );
}
