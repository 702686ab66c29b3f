// What every move dialog of the item page shares (one action, a compound, an answer with files): the request, the
// refreshed item and inbox, the success message, the error shown in the dialog (a 409 reloads the item, which has moved
// on meanwhile), and the modal around the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { applyApiError } from '../../components/errors';

/** Sends a move of item `id` and refreshes what it changes; `label` names it in the success message. */
export function useItemMove<V>(opts: {
  id: number;
  label: string;
  form: FormInstance;
  send: (values: V) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: opts.send,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['/opinions'] });
      qc.invalidateQueries({ queryKey: ['opinion', opts.id] });
      message.success(t('ops.done', { action: opts.label }));
      opts.onDone();
    },
    onError: (e) => {
      setError(applyApiError(e, opts.form));
      if (e instanceof ApiError && e.status === 409) qc.invalidateQueries({ queryKey: ['opinion', opts.id] });
    },
  });
  return { run, error, setError };
}

/** The dialog of one move: its label as title and OK button, the server's refusal on top, the form inside. */
export function MoveModal(props: {
  label: string;
  form: FormInstance;
  busy: boolean;
  disabled?: boolean;
  error: string | null;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      destroyOnHidden
      title={props.label}
      onCancel={props.onClose}
      onOk={() => props.form.submit()}
      okText={props.label}
      okButtonProps={{ loading: props.busy, disabled: props.disabled, 'data-testid': 'op-modal-ok' } as any}
      cancelText={t('action.cancel')}
    >
      {props.error && (
        <Alert type="error" showIcon title={props.error} style={{ marginBlockEnd: 12 }} data-testid="op-error" />
      )}
      {props.children}
    </Modal>
  );
}
