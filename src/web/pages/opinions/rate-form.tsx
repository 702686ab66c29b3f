// The member rates an answer (满意 / 基本满意 / 不满意 + comment) through the core 'rate' transition.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPINION_RATINGS } from '../../../core/opinions';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';

/** The inline rating form; 不满意 requires a comment (the server checks it too) and reopens the item for supervision. */
export function RateForm({ opinionId }: { opinionId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const rating = Form.useWatch('rating', form);
  const save = useMutation({
    mutationFn: (v: { rating: string; comment?: string }) =>
      api(`/opinions/${opinionId}/transitions`, {
        body: { action: 'rate', rating: v.rating, comment: v.comment ?? '' },
      }),
    onSuccess: () => {
      message.success(t('mine.rated_ok'));
      void qc.invalidateQueries({ queryKey: ['opinions-mine'] });
      void qc.invalidateQueries({ queryKey: ['opinion', opinionId] });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="mine-rate-form">
      <Form.Item name="rating" label={t('mine.rate')} rules={[{ required: true, message: t('mine.selectOne') }]}>
        <Radio.Group data-testid="mine-rating">
          {OPINION_RATINGS.map((r) => (
            <Radio.Button key={r.code} value={r.code}>
              {t(`op.rating.${r.code}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="comment"
        label={t('mine.comment')}
        rules={[{ required: rating === 'unsatisfied', whitespace: true, message: t('mine.commentRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('mine.commentHint')} data-testid="mine-comment" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="mine-rate-submit">
        {t('mine.submitRating')}
      </Button>
    </Form>
  );
}
