// The citizen's rating of the answer: three choices and a comment, required when unsatisfied.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { applyApiError } from '../../components/errors';
import type { PublicView } from './types';

const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

/** Posts the rating and hands the refreshed view back. */
export function RatingForm({ code, onDone }: { code: string; onDone: (v: PublicView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rating: string; comment?: string }>();
  const rating = Form.useWatch('rating', form);
  const send = useMutation({
    mutationFn: (v: { rating: string; comment?: string }) =>
      api<PublicView>(`/public/opinions/${encodeURIComponent(code)}/rating`, {
        body: { rating: v.rating, comment: v.comment ?? '' },
      }),
    onSuccess: (v) => {
      message.success(t('pub.rate.thanks'));
      onDone(v);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <Card title={t('pub.rate.heading')} size="small">
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} disabled={send.isPending}>
        <Form.Item name="rating" rules={[{ required: true, message: t('pub.form.chooseRequired') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex' }}>
            {RATINGS.map((r) => (
              <Radio.Button key={r} value={r} data-testid={`rate-${r}`} style={{ flex: 1, textAlign: 'center' }}>
                {t(`pub.rate.${r}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('pub.rate.comment')}
          rules={[
            {
              required: rating === 'unsatisfied',
              whitespace: true,
              message: t('pub.rate.commentRequired'),
            },
            { max: 1000 },
          ]}
        >
          <Input.TextArea
            data-testid="rate-comment"
            placeholder={t('pub.rate.commentPh')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={send.isPending} data-testid="rate-submit">
          {t('pub.rate.submit')}
        </Button>
      </Form>
    </Card>
  );
}
