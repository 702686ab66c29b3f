// Asks for a sector name: adding a top-level sector, adding a child (小组), or renaming.
import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface NameTarget {
  mode: 'add' | 'rename';
  parentName?: string;
  name?: string;
}

/** The modal; `onSubmit` throws the API error so the field shows it. */
export function SectorNameModal({
  target,
  onClose,
  onSubmit,
}: {
  target: NameTarget | null;
  onClose: () => void;
  onSubmit: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  useEffect(() => {
    if (target) form.setFieldsValue({ name: target.name ?? '' });
  }, [target, form]);
  const title = !target
    ? ''
    : target.mode === 'rename'
      ? t('office.sector.rename')
      : target.parentName
        ? t('office.sector.addChildOf', { name: target.parentName })
        : t('office.sector.addTop');
  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'sector-name-ok' } as any}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.name.trim())}>
        <Form.Item
          name="name"
          label={t('office.sector.name')}
          rules={[{ required: true, whitespace: true, message: t('msg.required') }]}
        >
          <Input maxLength={50} autoFocus data-testid="sector-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
