// 同时转为社情民意 in the record form: a checkbox per opinion typed above, so saving the visit also raises the items.
import { Checkbox, Form, type FormInstance, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { splitActivityOpinions } from '../../../../core/activity-opinions';
import type { ActivityFormValues } from './activity-form';

/** Shown once the opinions field holds text; one checkbox for one opinion, one per opinion (by its title) for several. */
export function RaiseChoice({ form }: { form: FormInstance<ActivityFormValues> }) {
  const { t } = useTranslation();
  const text: string = Form.useWatch('opinions', form) ?? '';
  const heard = useMemo(() => splitActivityOpinions(text), [text]);
  if (heard.length === 0) return null;
  const options = heard.map((h, i) => ({
    value: h.key,
    label: heard.length === 1 ? t('field.raise.also') : `${i + 1}. ${h.title}`,
  }));
  return (
    <Form.Item
      name="raiseOpinions"
      label={heard.length > 1 ? t('field.raise.also') : undefined}
      extra={<Typography.Text type="secondary">{t('field.raise.alsoHint')}</Typography.Text>}
      style={{ marginBlockStart: -8 }}
    >
      <Checkbox.Group
        options={options}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        data-testid="record-raise"
      />
    </Form.Item>
  );
}
