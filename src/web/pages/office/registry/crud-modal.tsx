// A small create/edit modal for the flat registry tables (liaison groups, departments): one form, POST or PATCH, errors on fields.
import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { applyApiError } from '../../../components/errors';

export interface CrudTarget<T> {
  row?: T & { id: number };
  initial?: Record<string, unknown>;
}

/** Opens when `target` is set; saves to `path` (POST) or `path/:id` (PATCH), then calls onSaved. */
export function CrudModal<T>({
  target,
  path,
  title,
  toBody = (v) => v,
  onClose,
  onSaved,
  children,
  testId,
}: {
  target: CrudTarget<T> | null;
  path: string;
  title: string;
  toBody?: (v: any) => unknown;
  onClose: () => void;
  onSaved: () => void;
  children: (form: FormInstance) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ ...(target.initial ?? {}), ...(target.row ?? {}) });
  }, [target, form]);
  const save = async (v: any) => {
    setBusy(true);
    try {
      const body = toBody(v);
      if (target?.row) await api(`${path}/${target.row.id}`, { method: 'PATCH', body });
      else await api(path, { body });
      message.success(t('msg.saved'));
      onSaved();
      onClose();
    } catch (e) {
      message.error(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      okButtonProps={{ loading: busy, 'data-testid': `${testId}-save` } as any}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={save} data-testid={`${testId}-form`}>
        {children(form)}
      </Form>
    </Modal>
  );
}
